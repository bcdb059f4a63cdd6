// Invisible edge anchors: services attach on the right of a pod, owners on the left.
import { Handle, Position } from '@xyflow/react'

export function TargetHandles() {
  return (
    <>
      <Handle type="target" id="l" position={Position.Left} isConnectable={false} className="!h-1 !w-1 !min-w-0 !border-0 !bg-transparent" />
      <Handle type="target" id="r" position={Position.Right} isConnectable={false} className="!h-1 !w-1 !min-w-0 !border-0 !bg-transparent" />
    </>
  )
}

export function SourceHandle({ side }: { side: 'left' | 'right' }) {
  return <Handle type="source" position={side === 'left' ? Position.Left : Position.Right} isConnectable={false} className="!h-1 !w-1 !min-w-0 !border-0 !bg-transparent" />
}
