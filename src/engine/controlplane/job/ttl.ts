// TTL-after-finished controller: deletes a finished Job (foreground, so its pods go first)
// ttlSecondsAfterFinished after it finished. Source: k/k pkg/controller/ttlafterfinished/
// ttlafterfinished_controller.go (processTTL, needsCleanup, timeLeft, jobFinishTime).
import type { Cluster } from '../../cluster'
import type { KObject, WatchEvent } from '../../api/types'
import { registerComponents } from '../../registry'
import { simTimeOf } from '../../sim/time'
import { enqueueAfter, onResync } from '../util/queue'
import { sortedKeys, splitKey } from '../util/sync-keys'
import { isJobFinished, jobCondition } from './util'

export const TTL_CONTROLLER = 'ttl-after-finished-controller'

/** jobFinishTime: the lastTransitionTime of the Complete/Failed condition (sim ms), or NaN. */
export function jobFinishTime(job: KObject): number {
  const cond = [jobCondition(job, 'Complete'), jobCondition(job, 'Failed')].find((x) => x?.status === 'True')
  return cond ? simTimeOf(cond.lastTransitionTime) : NaN
}

export function processTTL(c: Cluster, key: string): void {
  const [ns, name] = splitKey(key)
  const api = c.client(TTL_CONTROLLER)
  const job = api.get('jobs', ns, name)
  if (!job || job.metadata.deletionTimestamp || !isJobFinished(job)) return
  const ttl = job.spec?.ttlSecondsAfterFinished
  if (typeof ttl !== 'number') return
  const finish = jobFinishTime(job)
  if (Number.isNaN(finish)) return
  const left = finish + ttl * 1000 - c.now
  if (left > 0) {
    enqueueAfter(c, TTL_CONTROLLER, key, left)
    return
  }
  // Foreground, with the uid as precondition (the controller re-checks the job it read).
  api.delete('jobs', ns, name, { propagationPolicy: 'Foreground', uid: job.metadata.uid })
}

onResync(TTL_CONTROLLER, processTTL)

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const keys: Record<string, true> = {}
  for (const e of events) {
    if (e.type === 'DELETED') continue
    const j = e.object
    if (typeof j.spec?.ttlSecondsAfterFinished === 'number' && isJobFinished(j)) keys[`${j.metadata.namespace ?? 'default'}/${j.metadata.name}`] = true
  }
  for (const key of sortedKeys(keys)) processTTL(c, key)
}

registerComponents(() => [{ name: TTL_CONTROLLER, watches: ['jobs'], onEvents: onWatch }])
