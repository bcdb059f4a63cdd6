// A system pod on a worker (kube-proxy, flannel, CoreDNS) as a small chip.
import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { TONE } from '../../palette'
import type { GraphNode } from '../layout'
import { componentName } from './component-name'
import { TargetHandles } from './Handles'
import { useObject, useSelected } from './hooks'
import { quickTone } from './pod-tone'

function ChipNodeImpl({ data }: NodeProps<GraphNode>) {
  const pod = useObject(data.id)
  const selected = useSelected(data.id)
  const tone = TONE[quickTone(pod)]
  const name = data.id.slice(data.id.lastIndexOf('/') + 1)
  return (
    <div data-testid="chip" data-pod={data.id.slice(5)} title={`${data.id.slice(5)} · ${pod?.status?.phase ?? ''}`} className={`pf-appear flex h-full w-full items-center gap-1 rounded border border-slate-300 bg-slate-50 px-1.5 text-[10.5px] dark:border-slate-600 dark:bg-slate-900 ${selected ? 'ring-2 ring-sky-400' : ''}`}>
      <TargetHandles />
      <span style={{ color: tone.color }} aria-hidden>{tone.glyph}</span>
      <span className="truncate">{componentName(name)}</span>
    </div>
  )
}

export const ChipNode = memo(ChipNodeImpl)
