// A workload owner (Deployment, ReplicaSet, StatefulSet, …) with ready/desired replicas.
import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { TONE } from '../../palette'
import type { GraphNode } from '../layout'
import { SourceHandle, TargetHandles } from './Handles'
import { useObject, useSelected } from './hooks'

function OwnerNodeImpl({ data }: NodeProps<GraphNode>) {
  const o = useObject(data.id)
  const selected = useSelected(data.id)
  const desired = o?.spec?.replicas ?? o?.status?.desiredNumberScheduled ?? o?.spec?.completions
  const ready = o?.status?.readyReplicas ?? o?.status?.numberReady ?? o?.status?.succeeded ?? 0
  const tone = TONE[desired === undefined || ready >= desired ? 'ok' : 'progress']
  return (
    <div data-testid="owner" className={`flex h-full w-full flex-col justify-center rounded-md border border-slate-400 bg-amber-50 px-2 text-[11px] dark:bg-slate-800 ${selected ? 'ring-2 ring-sky-400' : ''}`}>
      <TargetHandles />
      <SourceHandle side="right" />
      <div className="text-[10px] uppercase tracking-wide text-slate-500">{o?.kind ?? ''}</div>
      <div className="flex items-center gap-1">
        <span className="truncate font-semibold">{o?.metadata.name ?? data.id}</span>
        {desired !== undefined && <span className="ml-auto font-mono" style={{ color: tone.color }}>{ready}/{desired}</span>}
      </div>
    </div>
  )
}

export const OwnerNode = memo(OwnerNodeImpl)
