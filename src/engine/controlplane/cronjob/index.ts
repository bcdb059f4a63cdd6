// Registers the CronJob controller: cronjob and owned-job watch events sync the CronJob
// (k/k pkg/controller/cronjob/cronjob_controllerv2.go addJob/updateJob/updateCronJob), and
// each sync asks for a wake-up at the next scheduled minute.
import type { Cluster } from '../../cluster'
import type { WatchEvent } from '../../api/types'
import { registerComponents } from '../../registry'
import { controllerOf } from '../util/pods'
import { onResync } from '../util/queue'
import { sortedKeys } from '../util/sync-keys'
import { CRONJOB_CONTROLLER, syncCronJob } from './sync'

export { CRONJOB_CONTROLLER, syncCronJob, jobFromTemplate, SCHEDULED_TIMESTAMP_ANNOTATION } from './sync'
export { parseCron, nextAfter } from '../../sim/cron'
export { isKnownZone, zoneOffsetAt } from '../../sim/zones'
export { jobNameFor, mostRecentScheduleTime } from './schedule'

onResync(CRONJOB_CONTROLLER, syncCronJob)

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const keys: Record<string, true> = {}
  for (const e of events) {
    const obj = e.object
    const ns = obj.metadata.namespace ?? 'default'
    if (e.plural === 'cronjobs') {
      if (e.type !== 'DELETED') keys[`${ns}/${obj.metadata.name}`] = true
      continue
    }
    const ref = controllerOf(obj)
    if (ref?.kind === 'CronJob') keys[`${ns}/${ref.name}`] = true
  }
  for (const key of sortedKeys(keys)) syncCronJob(c, key)
}

registerComponents(() => [{ name: CRONJOB_CONTROLLER, watches: ['cronjobs', 'jobs'], onEvents: onWatch }])
