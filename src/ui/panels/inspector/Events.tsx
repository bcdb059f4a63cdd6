// The selected object's events as `kubectl describe` lists them: type, reason, age (with
// "x3 over 24s" for repeats), reporting component and message.
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { humanDuration, type EventRow } from '../../../store'
import { usePodflow } from '../../store-context'
import { Muted, useSimSecond } from './ui'

const EventLine = memo(function EventLine({ row, now }: { row: EventRow; now: number }) {
  const { t } = useTranslation('panels')
  const last = humanDuration(now - row.lastSeen)
  const age = row.count > 1 ? t('events.repeated', { last, count: row.count, first: humanDuration(now - row.firstSeen) }) : last
  const warning = row.type === 'Warning'
  return (
    <tr className="border-t border-slate-200 align-top dark:border-slate-800" data-testid="inspector-event">
      <td className={`py-0.5 pr-2 font-mono ${warning ? 'text-[#D55E00]' : ''}`}>{warning ? `⚠ ${row.type}` : row.type}</td>
      <td className="py-0.5 pr-2 font-mono">{row.reason}</td>
      <td className="py-0.5 pr-2 whitespace-nowrap">{age}</td>
      <td className="py-0.5 pr-2 font-mono">{row.source}</td>
      <td className="py-0.5 break-words">{row.message}</td>
    </tr>
  )
})

export function Events({ id }: { id: string }) {
  const { t } = useTranslation('panels')
  const rows = usePodflow((s) => s.inspectEvents(id))
  const now = useSimSecond() * 1000
  if (rows.length === 0) return <div className="p-3"><Muted>{t('events.none')}</Muted></div>
  return (
    <div className="overflow-x-auto p-3">
      <table className="w-full text-xs">
        <thead className="text-left text-slate-500 dark:text-slate-400">
          <tr>
            <th className="pr-2 font-medium">{t('events.type')}</th>
            <th className="pr-2 font-medium">{t('events.reason')}</th>
            <th className="pr-2 font-medium">{t('events.age')}</th>
            <th className="pr-2 font-medium">{t('events.from')}</th>
            <th className="font-medium">{t('events.message')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <EventLine key={r.id} row={r} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
