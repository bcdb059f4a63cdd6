// The lane where pods wait until the scheduler places them.
import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import type { GraphNode } from '../layout'

function PendingLaneImpl({ data }: NodeProps<GraphNode>) {
  const { t } = useTranslation('graph')
  return (
    <div data-testid="pending-lane" title={t('pendingHint')} className="h-full w-full rounded-xl border-2 border-dashed border-amber-500/70 bg-amber-50/40 dark:bg-amber-950/20">
      <div className="px-3 pt-2 text-[13px] font-semibold text-amber-700 dark:text-amber-400">
        {t('pending')} · {data.count}
      </div>
    </div>
  )
}

export const PendingLane = memo(PendingLaneImpl)
