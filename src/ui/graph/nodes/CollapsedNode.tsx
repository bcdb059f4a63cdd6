// Many pods on one node: a count and a mini-grid of status dots (click a dot to select the pod).
import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { TONE } from '../../palette'
import { usePodflow } from '../../store-context'
import type { GraphNode } from '../layout'
import { TargetHandles } from './Handles'
import { quickTone } from './pod-tone'

function CollapsedNodeImpl({ data }: NodeProps<GraphNode>) {
  const { t } = useTranslation('graph')
  const pods = data.pods ?? []
  const tones = usePodflow(useShallow((s) => pods.map((id) => quickTone(s.object(id)))))
  const select = usePodflow((s) => s.select)
  return (
    <div data-testid="collapsed" className="h-full w-full rounded-md border border-slate-300 bg-white/70 p-1.5 dark:border-slate-600 dark:bg-slate-800/70">
      <TargetHandles />
      <div className="mb-1 text-[11px] font-semibold">{t('pods', { count: data.count ?? pods.length })}</div>
      <div className="flex flex-wrap">
        {pods.map((id, i) => (
          <button key={id} title={id.slice(5)} aria-label={id.slice(5)} onClick={(e) => { e.stopPropagation(); select(id) }} className="m-px h-3 w-3 rounded-sm" style={{ background: TONE[tones[i]].color }} />
        ))}
      </div>
    </div>
  )
}

export const CollapsedNode = memo(CollapsedNodeImpl)
