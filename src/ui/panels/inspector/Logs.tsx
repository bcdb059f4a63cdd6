// `kubectl logs [-p] POD -c CONTAINER` for one container of the pod, live; the API server's
// message when there is nothing to read (waiting to start, no previous instance).
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { KObject } from '../../../engine'
import { usePodflow } from '../../store-context'
import { containerGroups } from './PodContainers'

export function Logs({ id, pod, container, previous, onChange }: { id: string; pod: KObject; container: string | undefined; previous: boolean; onChange: (container: string, previous: boolean) => void }) {
  const { t } = useTranslation('panels')
  const names = containerGroups(pod).flatMap((g) => g.specs.map((c) => c.name))
  const name = container && names.includes(container) ? container : (containerGroups(pod)[1].specs[0]?.name ?? names[0])
  const result = usePodflow((s) => (name ? s.podLogs(id, name, previous) : undefined))
  const pre = useRef<HTMLPreElement>(null)
  // Follow the end of the log as it grows (like `kubectl logs -f`).
  useEffect(() => {
    const el = pre.current
    if (el) el.scrollTop = el.scrollHeight
  }, [result])
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-2 px-3 py-1 text-xs">
        <label className="flex items-center gap-1">
          <span className="text-slate-500 dark:text-slate-400">{t('logs.container')}</span>
          <select className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900" value={name ?? ''} onChange={(e) => onChange(e.target.value, previous)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={previous} onChange={(e) => name && onChange(name, e.target.checked)} />
          {t('logs.previous')}
        </label>
      </div>
      <pre ref={pre} data-testid="inspector-logs" className="min-h-0 flex-1 overflow-auto bg-slate-100 px-3 py-2 font-mono text-[11px] leading-snug text-slate-800 dark:bg-slate-900 dark:text-slate-200">
        {!result ? '' : result.ok ? result.value || t('logs.empty') : <span className="text-[#D55E00]">{result.message}</span>}
      </pre>
    </div>
  )
}
