// The Events feed (bottom dock): `kubectl get events -A` style rows — LAST SEEN, TYPE, REASON,
// OBJECT, MESSAGE — newest last, filterable (text, Warning only, namespace). Clicking a row
// selects the involved object. It follows the newest event unless the user scrolled up, and
// renders only the rows in view (fixed row height), over the newest MAX_ROWS matches.
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { humanDuration, type EventRow } from '../../store'
import { usePodflow } from '../store-context'
import { eventNamespaces, filterEvents, type EventFilter } from './events-filter'
import { useSimSecond } from './inspector/ui'

const ROW_H = 20
const OVERSCAN = 6
/** Height assumed before the first measurement (and where layout is not measured, as in tests). */
const FALLBACK_HEIGHT = 240
const COLS_ALL = 'grid-cols-[5rem_6rem_4.5rem_9rem_minmax(10rem,16rem)_1fr]'
const COLS_NS = 'grid-cols-[5rem_4.5rem_9rem_minmax(10rem,16rem)_1fr]'

const Row = memo(function Row({ row, now, top, showNs, selected, onSelect }: { row: EventRow; now: number; top: number; showNs: boolean; selected: boolean; onSelect: (id: string) => void }) {
  const id = row.objectId
  const warning = row.type === 'Warning'
  return (
    <div
      role="row"
      data-testid="event-row"
      aria-selected={selected}
      tabIndex={id ? 0 : undefined}
      onClick={id ? () => onSelect(id) : undefined}
      onKeyDown={
        id
          ? (e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return
              // Space on a row selects it; it must not reach the play/pause shortcut.
              e.preventDefault()
              e.stopPropagation()
              onSelect(id)
            }
          : undefined
      }
      style={{ top, height: ROW_H }}
      className={`absolute inset-x-0 grid ${showNs ? COLS_ALL : COLS_NS} items-center gap-2 px-2 font-mono text-[11px] whitespace-nowrap ${id ? 'cursor-pointer hover:bg-slate-200 dark:hover:bg-slate-800' : ''} ${selected ? 'bg-[#56B4E9]/20' : ''}`}
    >
      <span role="cell">{humanDuration(now - row.lastSeen)}</span>
      {showNs && <span role="cell" className="truncate">{row.namespace}</span>}
      <span role="cell" className={warning ? 'text-[#D55E00]' : ''}>
        {warning ? `⚠ ${row.type}` : row.type}
      </span>
      <span role="cell" className="truncate">{row.reason}</span>
      <span role="cell" className="truncate" title={row.object}>{row.object}</span>
      <span role="cell" className="truncate" title={row.message}>{row.message}</span>
    </div>
  )
})

/** Keeps the scroller's metrics and whether it follows the newest row. */
function useFollowingScroller(rowCount: number) {
  const ref = useRef<HTMLDivElement>(null)
  const [view, setView] = useState({ top: 0, height: 0 })
  const [follow, setFollow] = useState(true)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setView((v) => (v.height === el.clientHeight ? v : { ...v, height: el.clientHeight }))
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  useLayoutEffect(() => {
    const el = ref.current
    if (follow && el) el.scrollTop = el.scrollHeight
  }, [follow, rowCount])
  const onScroll = () => {
    const el = ref.current
    if (!el) return
    setFollow(el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_H / 2)
    setView({ top: el.scrollTop, height: el.clientHeight })
  }
  return { ref, view, follow, onScroll, jumpToNewest: () => setFollow(true) }
}

export function EventsFeed() {
  const { t } = useTranslation('panels')
  const all = usePodflow((s) => s.allEvents())
  const selected = usePodflow((s) => s.selected)
  const select = usePodflow((s) => s.select)
  const now = useSimSecond() * 1000
  const [filter, setFilter] = useState<EventFilter>({ text: '', warningsOnly: false, namespace: '' })
  const { rows, total } = useMemo(() => filterEvents(all, filter), [all, filter])
  const namespaces = useMemo(() => eventNamespaces(all), [all])
  const { ref, view, follow, onScroll, jumpToNewest } = useFollowingScroller(rows.length)
  const showNs = filter.namespace === ''

  const visible = Math.ceil((view.height || FALLBACK_HEIGHT) / ROW_H) + OVERSCAN
  const start = follow ? Math.max(0, rows.length - visible) : Math.max(0, Math.min(Math.floor(view.top / ROW_H) - OVERSCAN / 2, rows.length - visible))
  const end = Math.min(rows.length, start + visible)
  const update = (p: Partial<EventFilter>) => setFilter((f) => ({ ...f, ...p }))
  const input = 'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900'

  return (
    <section className="flex h-full min-h-0 flex-col" aria-label={t('feed.title')} data-testid="events-feed">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-2 py-1 dark:border-slate-800">
        <h2 className="text-xs font-semibold">{t('feed.title')}</h2>
        <span className="text-[11px] text-slate-500 dark:text-slate-400">{total > rows.length ? t('feed.capped', { shown: rows.length, total }) : t('feed.count', { count: total })}</span>
        <input type="search" className={`${input} w-48`} placeholder={t('feed.filter')} aria-label={t('feed.filter')} value={filter.text} onChange={(e) => update({ text: e.target.value })} />
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={filter.warningsOnly} onChange={(e) => update({ warningsOnly: e.target.checked })} />
          {t('feed.warnings')}
        </label>
        <select className={input} aria-label={t('feed.namespace')} value={filter.namespace} onChange={(e) => update({ namespace: e.target.value })}>
          <option value="">{t('feed.allNamespaces')}</option>
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
        {!follow && (
          <button type="button" className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-200 dark:border-slate-700 dark:hover:bg-slate-800" onClick={jumpToNewest}>
            {t('feed.newest')} ↓
          </button>
        )}
      </div>
      <div role="table" className="flex min-h-0 flex-1 flex-col">
        <div role="row" className={`grid ${showNs ? COLS_ALL : COLS_NS} gap-2 px-2 py-0.5 font-mono text-[10px] font-semibold text-slate-500 dark:text-slate-400`}>
          <span role="columnheader">{t('feed.lastSeen')}</span>
          {showNs && <span role="columnheader">{t('feed.namespace')}</span>}
          <span role="columnheader">{t('feed.type')}</span>
          <span role="columnheader">{t('feed.reason')}</span>
          <span role="columnheader">{t('feed.object')}</span>
          <span role="columnheader">{t('feed.message')}</span>
        </div>
        <div ref={ref} onScroll={onScroll} className="relative min-h-0 flex-1 overflow-y-auto" data-testid="events-scroller">
          {rows.length === 0 ? (
            <p className="px-2 py-1 text-xs text-slate-500 dark:text-slate-400">{t('feed.none')}</p>
          ) : (
            <div role="rowgroup" style={{ height: rows.length * ROW_H }} className="relative">
              {rows.slice(start, end).map((r, i) => (
                <Row key={r.id} row={r} now={now} top={(start + i) * ROW_H} showNs={showNs} selected={!!r.objectId && r.objectId === selected} onSelect={select} />
              ))}
            </div>
          )}
        </div>
      </div>
    </section>
  )
}
