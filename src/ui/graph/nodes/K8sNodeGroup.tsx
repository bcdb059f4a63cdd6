// A Kubernetes node as a group box: name, role, Ready, cordon and kubelet state, pod count.
import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { TONE } from '../../palette'
import { usePodflow } from '../../store-context'
import type { GraphNode } from '../layout'
import { useObject, useSelected } from './hooks'

type Json = any

function K8sNodeGroupImpl({ data }: NodeProps<GraphNode>) {
  const { t } = useTranslation('graph')
  const node = useObject(data.id)
  const selected = useSelected(data.id)
  const kubeletUp = usePodflow((s) => s.machine(data.nodeName ?? '')?.kubeletRunning !== false)
  const readyCond = (node?.status?.conditions ?? []).find((c: Json) => c.type === 'Ready')
  const ready = readyCond?.status === 'True'
  const cordoned = Boolean(node?.spec?.unschedulable)
  const cp = 'node-role.kubernetes.io/control-plane' in (node?.metadata.labels ?? {})
  const tone = TONE[ready ? 'ok' : 'failed']
  const ip = (node?.status?.addresses ?? []).find((a: Json) => a.type === 'InternalIP')?.address ?? ''
  return (
    <div data-testid="node" data-node={data.nodeName} data-ready={ready} className={`h-full w-full rounded-xl border-2 ${cp ? 'bg-indigo-50/70 dark:bg-indigo-950/40' : 'bg-slate-100/80 dark:bg-slate-900/60'} ${selected ? 'ring-2 ring-sky-400' : ''} ${!kubeletUp ? 'border-dashed' : ''}`} style={{ borderColor: ready ? 'rgb(100 116 139 / 0.6)' : tone.color }}>
      <div className="flex items-center gap-2 px-3 pt-2 text-[13px]">
        <span style={{ color: tone.color }} aria-hidden>{tone.glyph}</span>
        <span className="font-semibold">{data.nodeName}</span>
        <span className="text-slate-500 dark:text-slate-400">{cp ? t('controlPlane') : ''}</span>
        <span className="font-mono text-[11px] text-slate-500 dark:text-slate-400">{ip}</span>
        <span className="ml-auto flex gap-1 text-[11px]">
          <span className="rounded px-1" style={{ background: tone.color, color: 'black' }}>{ready ? t('ready') : t('notReady')}</span>
          {cordoned && <span className="rounded bg-amber-300 px-1 text-black">{t('cordoned')}</span>}
          {!kubeletUp && <span className="rounded bg-slate-500 px-1 text-white">{t('kubeletStopped')}</span>}
        </span>
      </div>
    </div>
  )
}

export const K8sNodeGroup = memo(K8sNodeGroupImpl)
