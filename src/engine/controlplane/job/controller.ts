// Wiring of the Job controller: which watch events sync which Job (k/k
// pkg/controller/job/job_controller.go addPod/updatePod/deletePod/enqueueController).
import type { Cluster } from '../../cluster'
import type { WatchEvent } from '../../api/types'
import { registerComponents } from '../../registry'
import { fromLabelSelector, matches } from '../../api/selectors'
import { controllerOf } from '../util/pods'
import { enqueueAfter, onResync } from '../util/queue'
import { sortedKeys } from '../util/sync-keys'
import { forgetBackoff, removeTrackingFinalizer, syncJob } from './sync'
import { JOB_CONTROLLER, JOB_TRACKING_FINALIZER } from './util'

/** syncJobBatchPeriod in job_controller.go. */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000

onResync(JOB_CONTROLLER, syncJob)

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const keys: Record<string, true> = {}
  const api = c.client(JOB_CONTROLLER)
  for (const e of events) {
    const obj = e.object
    const ns = obj.metadata.namespace ?? 'default'
    if (e.plural === 'jobs') {
      if (e.type !== 'DELETED') keys[`${ns}/${obj.metadata.name}`] = true
      else forgetBackoff(c, obj.metadata.uid)
      continue
    }
    const ref = controllerOf(obj)
    if (ref) {
      if (ref.kind !== 'Job') continue
      const job = api.get('jobs', ns, ref.name)
      // Pod events are batched for syncJobBatchPeriod (1 s, enqueueSyncJobBatched).
      if (job && job.metadata.uid === ref.uid) enqueueAfter(c, JOB_CONTROLLER, `${ns}/${ref.name}`, SYNC_JOB_BATCH_PERIOD_MS)
      else if (e.type !== 'DELETED' && (obj.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) {
        // An orphan pod still tracked: its job is gone, so nothing will count it (updatePod).
        const cur = api.get('pods', ns, obj.metadata.name)
        if (cur) removeTrackingFinalizer(c, cur)
      }
      continue
    }
    if (e.type === 'DELETED') continue
    for (const job of api.list('jobs', { namespace: ns })) {
      const sel = fromLabelSelector(job.spec?.selector)
      if (sel.length && matches(sel, obj.metadata.labels)) keys[`${ns}/${job.metadata.name}`] = true
    }
  }
  for (const key of sortedKeys(keys)) syncJob(c, key)
}

registerComponents(() => [{ name: JOB_CONTROLLER, watches: ['jobs', 'pods'], onEvents: onWatch }])
