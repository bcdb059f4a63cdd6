// A pod card: name, kubectl's STATUS, IP (or the scheduler's reason while pending), the pause
// sandbox, the init-container strip and the app containers with restart counts.
import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { TONE, type Tone } from '../../palette'
import { podView, type ContainerView } from '../pod-view'
import type { GraphNode } from '../layout'
import { TargetHandles } from './Handles'
import { useNowSnapshot, useObject, useSelected } from './hooks'

type Json = any

function Box({ tone, title, label }: { tone: Tone; title: string; label?: string }) {
  const t = TONE[tone]
  return (
    <span title={title} className="inline-flex h-4 min-w-4 items-center justify-center rounded-sm px-0.5 text-[10px] font-semibold leading-none text-black" style={{ background: t.color }}>
      {label ?? t.glyph}
    </span>
  )
}

function containerTitle(kind: string, c: ContainerView): string {
  return `${kind} ${c.name}: ${c.state}${c.restarts ? ` · ${c.restarts} restarts` : ''}`
}

function PodNodeImpl({ data }: NodeProps<GraphNode>) {
  const { t } = useTranslation('graph')
  const pod = useObject(data.id)
  const selected = useSelected(data.id)
  const now = useNowSnapshot()
  if (!pod) return <div className="h-full w-full rounded-md border border-dashed border-slate-500 opacity-40" />
  const v = podView(pod, now)
  const tone = TONE[v.tone]
  const scheduled = (pod.status?.conditions ?? []).find((c: Json) => c.type === 'PodScheduled')
  const reason = !pod.spec?.nodeName && scheduled?.status === 'False' ? String(scheduled.message ?? scheduled.reason ?? '') : ''
  return (
    <div
      data-testid="pod"
      data-pod={`${v.namespace}/${v.name}`}
      data-status={v.status}
      title={reason || `${v.namespace}/${v.name} · ${v.status}`}
      className={`pf-appear flex h-full w-full flex-col gap-0.5 rounded-md border bg-white px-2 py-1 text-[11px] shadow-sm transition-opacity duration-700 dark:bg-slate-800 ${selected ? 'ring-2 ring-sky-400' : ''} ${v.terminating ? 'opacity-40' : ''}`}
      style={{ borderColor: tone.color, borderLeftWidth: 5 }}
    >
      <TargetHandles />
      <div className="flex items-center gap-1 font-mono text-[11.5px] font-semibold">
        <span style={{ color: tone.color }} aria-hidden>{tone.glyph}</span>
        <span className="truncate">{v.name}</span>
      </div>
      <div className="flex items-center justify-between gap-1 text-slate-600 dark:text-slate-300">
        <span className="truncate font-medium" style={{ color: v.tone === 'ok' ? undefined : tone.color }}>{v.status}</span>
        <span className="shrink-0 font-mono">{v.ready}</span>
      </div>
      <div className="truncate font-mono text-[10px] text-slate-500 dark:text-slate-400">{reason || v.ip || '—'}</div>
      <div className="mt-auto flex items-center gap-1">
        <Box tone={v.sandbox} title={t('sandbox')} label="p" />
        {v.init.length > 0 && (
          <span className="flex items-center gap-px rounded-sm border border-slate-300 px-px dark:border-slate-600" title={t('init')}>
            {v.init.map((c) => <Box key={c.name} tone={c.tone} title={containerTitle('init', c)} />)}
          </span>
        )}
        {v.containers.map((c) => (
          <span key={c.name} className="flex min-w-0 items-center gap-0.5" title={containerTitle('container', c)}>
            <Box tone={c.tone} title={containerTitle('container', c)} />
            <span className="max-w-16 truncate text-[10px]">{c.name}</span>
            {c.restarts > 0 && <span className="text-[10px] font-semibold" style={{ color: TONE.failed.color }}>↻{c.restarts}</span>}
          </span>
        ))}
      </div>
    </div>
  )
}

export const PodNode = memo(PodNodeImpl)
