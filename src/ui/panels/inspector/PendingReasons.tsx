// Why a pod waits for a node: the scheduler's message and its per-node filter results from the
// last attempt ("worker-1: Insufficient cpu").
import { useTranslation } from 'react-i18next'
import type { KObject } from '../../../engine'
import { usePodflow } from '../../store-context'
import { Badge, Muted, ObjectLink, Section } from './ui'

/** A pod the scheduler still has to place: not bound, not terminating, not finished. */
export function isPending(pod: KObject): boolean {
  const phase = pod.status?.phase
  return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed'
}

export function PendingReasons({ id, pod }: { id: string; pod: KObject }) {
  const { t } = useTranslation('panels')
  const reasons = usePodflow((s) => s.schedulingReasons(id))
  const conds: { type?: string; status?: string; message?: string }[] = Array.isArray(pod.status?.conditions) ? pod.status.conditions : []
  const scheduled = conds.find((c) => c.type === 'PodScheduled' && c.status === 'False')
  return (
    <Section title={t('pending.title')} testId="pending-reasons">
      {scheduled?.message && (
        <p className="mb-1 text-xs">
          <span className="text-slate-500 dark:text-slate-400">{t('pending.scheduler')}: </span>
          <span className="font-mono">{scheduled.message}</span>
        </p>
      )}
      {!reasons ? (
        <Muted>{t('pending.notTried')}</Muted>
      ) : (
        <ul className="space-y-0.5 text-xs">
          {reasons.map((r) => (
            <li key={r.node} className="flex items-baseline gap-2" data-testid="pending-node">
              <ObjectLink id={`nodes/${r.node}`}>{r.node}</ObjectLink>
              {r.reasons.length ? (
                <Badge tone="failed">{r.reasons.join('; ')}</Badge>
              ) : (
                <Badge tone="ok">{r.score === undefined ? t('pending.fitsNoScore') : t('pending.fits', { score: r.score })}</Badge>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
