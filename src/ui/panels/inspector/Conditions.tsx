// status.conditions as a table: type, status (colour + glyph), reason/message, and since when.
import { useTranslation } from 'react-i18next'
import type { KObject } from '../../../engine'
import { timestampMs } from '../../../store'
import { Age, Badge, Muted, Section } from './ui'

interface Condition {
  type?: string
  status?: string
  reason?: string
  message?: string
  lastTransitionTime?: string
}

/** Conditions whose True is bad news (node pressure, a failed Job). */
const BAD_WHEN_TRUE = new Set(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable', 'Failed', 'ReplicaFailure'])

function tone(c: Condition) {
  if (c.status === 'Unknown' || !c.status) return 'off' as const
  const good = (c.status === 'True') !== BAD_WHEN_TRUE.has(c.type ?? '')
  return good ? ('ok' as const) : ('failed' as const)
}

export function Conditions({ obj }: { obj: KObject }) {
  const { t } = useTranslation('panels')
  const list: Condition[] = Array.isArray(obj.status?.conditions) ? obj.status.conditions : []
  return (
    <Section title={t('conditions.title')} testId="inspector-conditions">
      {list.length === 0 ? (
        <Muted>{t('conditions.none')}</Muted>
      ) : (
        <ul className="space-y-1 text-xs">
          {list.map((c, i) => (
            <li key={`${c.type}-${i}`}>
              <div className="flex items-center justify-between gap-2">
                <Badge tone={tone(c)}>
                  {c.type} {c.status}
                </Badge>
                <span className="text-slate-500 dark:text-slate-400">
                  <Age at={timestampMs(c.lastTransitionTime)} />
                </span>
              </div>
              {(c.reason || c.message) && (
                <div className="pl-4 text-slate-600 dark:text-slate-400">
                  {c.reason && <span className="font-mono">{c.reason}</span>}
                  {c.reason && c.message ? ': ' : ''}
                  {c.message}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
