// A node: its kubelet (running or stopped, from the machine), cordon and taints, allocatable vs
// requested (kubectl describe node's "Allocated resources") as bars, and its pods as links.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { KObject } from '../../../engine'
import { formatCpu, formatMemory } from '../../../store'
import { OKABE_ITO } from '../../palette'
import { usePodflow } from '../../store-context'
import { Badge, KeyValues, Muted, ObjectLink, Section } from './ui'

const pct = (v: number, total: number) => (total > 0 ? Math.trunc((v / total) * 100) : 0)

function Bar({ label, requested, allocatable, text, limits }: { label: string; requested: number; allocatable: number; text: (n: number) => string; limits?: number }) {
  const { t } = useTranslation('panels')
  const p = pct(requested, allocatable)
  const color = p >= 100 ? OKABE_ITO.vermillion : p >= 80 ? OKABE_ITO.orange : OKABE_ITO.green
  return (
    <div className="text-xs" data-testid={`alloc-${label}`}>
      <div className="flex justify-between gap-2">
        <span className="font-medium">{label}</span>
        <span className="font-mono text-slate-600 dark:text-slate-400">
          {t('node.usage', { requested: text(requested), allocatable: text(allocatable), percent: p })}
          {limits !== undefined && limits > 0 ? ` · ${t('node.limits', { limits: text(limits) })}` : ''}
        </span>
      </div>
      <div className="mt-0.5 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(p, 100)}>
        <div className="h-full rounded" style={{ width: `${Math.min(p, 100)}%`, backgroundColor: color }} />
      </div>
    </div>
  )
}

export function NodeDetails({ node }: { node: KObject }) {
  const { t } = useTranslation('panels')
  const name = node.metadata.name
  const alloc = usePodflow((s) => s.nodeAllocation(name))
  const running = usePodflow((s) => s.machine(name)?.kubeletRunning)
  const ip = usePodflow((s) => s.machine(name)?.ip)
  const taints: { key?: string; value?: string; effect?: string }[] = Array.isArray(node.spec?.taints) ? node.spec.taints : []
  const rows: [string, ReactNode][] = [
    [t('node.kubelet'), running === undefined ? '—' : <Badge tone={running ? 'ok' : 'failed'}>{running ? t('node.kubeletRunning') : t('node.kubeletStopped')}</Badge>],
  ]
  if (ip) rows.push([t('node.machine'), ip])
  if (node.spec?.unschedulable) rows.push(['', <Badge key="c" tone="waiting">{t('node.cordoned')}</Badge>])
  if (taints.length) rows.push([t('node.taints'), taints.map((x) => `${x.key ?? ''}${x.value ? `=${x.value}` : ''}:${x.effect ?? ''}`).join(', ')])
  return (
    <>
      <Section title={t('node.title')} testId="node-details">
        <KeyValues rows={rows} />
      </Section>
      <Section title={t('node.allocated')} testId="node-allocation">
        {alloc && (
          <div className="space-y-1.5">
            <Bar label={t('node.cpu')} requested={alloc.cpu.requests} allocatable={alloc.cpu.allocatable} limits={alloc.cpu.limits} text={formatCpu} />
            <Bar label={t('node.memory')} requested={alloc.memory.requests} allocatable={alloc.memory.allocatable} limits={alloc.memory.limits} text={formatMemory} />
            <Bar label={t('node.pods')} requested={alloc.pods.count} allocatable={alloc.pods.allocatable} text={String} />
          </div>
        )}
      </Section>
      <Section title={t('node.podsOnNode')} testId="node-pods">
        {!alloc || alloc.podRequests.length === 0 ? (
          <Muted>{t('node.noPods')}</Muted>
        ) : (
          <ul className="space-y-0.5 text-xs">
            {alloc.podRequests.map((p) => (
              <li key={p.id} className="flex justify-between gap-2">
                <ObjectLink id={p.id}>{p.namespace === 'default' ? p.name : `${p.namespace}/${p.name}`}</ObjectLink>
                <span className="shrink-0 font-mono text-slate-500 dark:text-slate-400">
                  {formatCpu(p.cpu)} / {formatMemory(p.memory)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  )
}
