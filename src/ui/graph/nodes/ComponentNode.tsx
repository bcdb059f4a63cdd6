// A control-plane component (a static or system pod on the control-plane node).
import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { TONE } from '../../palette'
import type { GraphNode } from '../layout'
import { componentName } from './component-name'
import { TargetHandles } from './Handles'
import { useObject, useSelected } from './hooks'
import { quickTone } from './pod-tone'

function ComponentNodeImpl({ data }: NodeProps<GraphNode>) {
  const pod = useObject(data.id)
  const selected = useSelected(data.id)
  const tone = TONE[quickTone(pod)]
  const name = data.id.slice(data.id.lastIndexOf('/') + 1)
  return (
    <div data-testid="component" data-pod={data.id.slice(5)} title={data.id.slice(5)} className={`pf-appear flex h-full w-full flex-col justify-center rounded-md border-2 bg-white px-2 dark:bg-slate-800 ${selected ? 'ring-2 ring-sky-400' : ''}`} style={{ borderColor: tone.color }}>
      <TargetHandles />
      <div className="flex items-center gap-1 text-[13px] font-semibold">
        <span style={{ color: tone.color }} aria-hidden>{tone.glyph}</span>
        {componentName(name)}
      </div>
      <div className="truncate font-mono text-[10px] text-slate-500 dark:text-slate-400">{name}</div>
    </div>
  )
}

export const ComponentNode = memo(ComponentNodeImpl)
