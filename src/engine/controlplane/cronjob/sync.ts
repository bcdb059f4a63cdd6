// CronJob controller (v2): reconciles status.active with the owned Jobs, creates the Job of the
// most recent unmet schedule (honouring suspend, startingDeadlineSeconds, concurrencyPolicy),
// deletes finished Jobs beyond the history limits, and wakes at the next scheduled minute.
// Source: k/k pkg/controller/cronjob/cronjob_controllerv2.go (sync, syncCronJob,
// cleanupFinishedJobs, removeOldestJobs), utils.go (getJobFromTemplate2, nextScheduleTime,
// inActiveList, byJobStartTime).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { recordEvent } from '../../api/events'
import { civil, EPOCH_UNIX_MS, parseRfc3339, rfc1123z, rfc3339, unixMs } from '../../sim/time'
import { controllerOf, controllerRef } from '../util/pods'
import { enqueueAfter } from '../util/queue'
import { splitKey } from '../util/sync-keys'
import { finishedType, isJobFinished } from '../job/util'
import { parseCron } from '../../sim/cron'
import { isKnownZone, zoneOffsetAt } from '../../sim/zones'
import { jobNameFor, mostRecentScheduleTime, nextScheduleDelay } from './schedule'

export const CRONJOB_CONTROLLER = 'cronjob-controller'
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp'
const SRC = { component: CRONJOB_CONTROLLER }

interface ActiveRef { kind: string; namespace: string; name: string; uid: string; apiVersion: string; resourceVersion?: string }

const pad = (n: number) => String(n).padStart(2, '0')

/** time.Format(RFC3339) of `unix` in a zone `offsetMs` east of UTC. */
export function rfc3339In(unix: number, offsetMs: number): string {
  if (offsetMs === 0) return rfc3339(unix - EPOCH_UNIX_MS)
  const t = civil(unix + offsetMs)
  const off = Math.abs(offsetMs) / 60000
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(off / 60))}:${pad(off % 60)}`
}

/** getJobFromTemplate2: the Job for one scheduled time (the annotation is in the CronJob's zone). */
export function jobFromTemplate(cj: KObject, scheduledUnix: number, zone = 'UTC'): { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: unknown } {
  const tpl = cj.spec?.jobTemplate ?? {}
  const annotations: Record<string, string> = { ...(tpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduledUnix, zoneOffsetAt(zone, scheduledUnix) ?? 0) }
  const metadata: Record<string, unknown> = {
    name: jobNameFor(cj, scheduledUnix),
    namespace: cj.metadata.namespace,
    annotations,
    ownerReferences: [controllerRef(cj)],
  }
  if (tpl.metadata?.labels) metadata.labels = { ...tpl.metadata.labels }
  // The job's creation time equals its scheduled time upstream only by intent; here it is now.
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(tpl.spec ?? {}) }
}

function ownedJobs(c: Cluster, cj: KObject): KObject[] {
  return c.client(CRONJOB_CONTROLLER).list('jobs', { namespace: cj.metadata.namespace }).filter((j) => controllerOf(j)?.uid === cj.metadata.uid)
}

/** byJobStartTime: by status.startTime (unset last), then name. */
function byStartTime(a: KObject, b: KObject): number {
  const sa = a.status?.startTime
  const sb = b.status?.startTime
  if (sa && sb && sa !== sb) return sa < sb ? -1 : 1
  if (!sa !== !sb) return sa ? -1 : 1
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
}

/** removeOldestJobs / cleanupFinishedJobs: finished jobs beyond the history limits are deleted (background). */
function cleanupFinishedJobs(c: Cluster, cj: KObject, jobs: KObject[]): void {
  const api = c.client(CRONJOB_CONTROLLER)
  const limits: [string, number | undefined][] = [['Complete', cj.spec?.successfulJobsHistoryLimit], ['Failed', cj.spec?.failedJobsHistoryLimit]]
  for (const [type, limit] of limits) {
    if (typeof limit !== 'number') continue
    const done = jobs.filter((j) => finishedType(j) === type && !j.metadata.deletionTimestamp).sort(byStartTime)
    for (const j of done.slice(0, Math.max(0, done.length - limit))) {
      const r = api.delete('jobs', j.metadata.namespace, j.metadata.name, { propagationPolicy: 'Background' })
      if (r.ok) recordEvent(c, SRC, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`)
    }
  }
}

export function syncCronJob(c: Cluster, key: string): void {
  const [ns, name] = splitKey(key)
  const api = c.client(CRONJOB_CONTROLLER)
  const cj = api.get('cronjobs', ns, name)
  if (!cj) return
  const jobs = ownedJobs(c, cj)
  const status: Record<string, any> = { ...(cj.status ?? {}) }
  let active: ActiveRef[] = [...(status.active ?? [])]
  const isActive = (uid: string) => active.some((a) => a.uid === uid)

  for (const j of jobs) {
    if (!isActive(j.metadata.uid) && !isJobFinished(j)) {
      recordEvent(c, SRC, cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`)
    } else if (isActive(j.metadata.uid) && isJobFinished(j)) {
      active = active.filter((a) => a.uid !== j.metadata.uid)
      recordEvent(c, SRC, cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${finishedType(j)}`)
    } else if (finishedType(j) === 'Complete' && j.status?.completionTime) {
      // A succeeded job need not be in the active list to move lastSuccessfulTime.
      if (!status.lastSuccessfulTime || parseRfc3339(j.status.completionTime) > parseRfc3339(status.lastSuccessfulTime)) status.lastSuccessfulTime = j.status.completionTime
    }
  }
  // Active jobs that no longer exist.
  for (const a of [...active]) {
    if (jobs.some((j) => j.metadata.uid === a.uid)) continue
    recordEvent(c, SRC, cj, 'Normal', 'MissingJob', `Active job went missing: ${a.name}`)
    active = active.filter((x) => x.uid !== a.uid)
  }

  const requeue = schedule(c, cj, status, active, jobs)
  status.active = active
  if (!active.length) delete status.active
  if (JSON.stringify(status) !== JSON.stringify(cj.status ?? {})) {
    api.updateStatus('cronjobs', ns, name, (o) => {
      o.status = status
    })
  }
  cleanupFinishedJobs(c, cj, ownedJobs(c, cj))
  if (requeue !== undefined) enqueueAfter(c, CRONJOB_CONTROLLER, key, requeue)
}

/** The scheduling half of syncCronJob; updates `status`/`active` in place and returns the requeue delay. */
function schedule(c: Cluster, cj: KObject, status: Record<string, any>, active: ActiveRef[], jobs: KObject[]): number | undefined {
  if (cj.metadata.deletionTimestamp) return undefined
  const spec = cj.spec ?? {}
  const zone: string = spec.timeZone ?? 'UTC' // kube-controller-manager's local zone: UTC on kubeadm
  if (!isKnownZone(zone)) {
    recordEvent(c, SRC, cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${zone}": unknown time zone ${zone}`)
    return undefined
  }
  const parsed = parseCron(spec.schedule ?? '')
  if (!parsed.ok) {
    recordEvent(c, SRC, cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${spec.schedule}" : ${parsed.error}`)
    return undefined
  }
  const sched = parsed.schedule
  const now = unixMs(c.now)
  const next = () => nextScheduleDelay(cj, now, sched, zone)
  if (spec.suspend === true) return undefined
  const recent = mostRecentScheduleTime(cj, now, sched, zone)
  if (recent.error) {
    recordEvent(c, SRC, cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${spec.schedule} : ${recent.error}`)
    return undefined
  }
  if (recent.missed > 100) {
    recordEvent(c, SRC, cj, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${recent.missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`)
  }
  const scheduled = recent.time
  if (scheduled === undefined) return next()
  if (typeof spec.startingDeadlineSeconds === 'number' && scheduled + spec.startingDeadlineSeconds * 1000 < now) {
    recordEvent(c, SRC, cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`)
    return next()
  }
  const jobName = jobNameFor(cj, scheduled)
  if (active.some((a) => a.name === jobName) || (status.lastScheduleTime && parseRfc3339(status.lastScheduleTime) === scheduled)) return next()
  if (spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
    recordEvent(c, SRC, cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid')
    return next()
  }
  const api = c.client(CRONJOB_CONTROLLER)
  if (spec.concurrencyPolicy === 'Replace') {
    for (const a of [...active]) {
      const j = jobs.find((x) => x.metadata.uid === a.uid)
      if (!j) continue
      const r = api.delete('jobs', j.metadata.namespace, j.metadata.name, { propagationPolicy: 'Background' })
      if (!r.ok) return next()
      recordEvent(c, SRC, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`)
      active.splice(active.findIndex((x) => x.uid === a.uid), 1)
    }
  }
  const r = api.create(jobFromTemplate(cj, scheduled, zone) as never)
  if (!r.ok) {
    if (r.status.reason === 'AlreadyExists') return next() // created in an earlier sync
    recordEvent(c, SRC, cj, 'Warning', 'FailedCreate', `Error creating job: ${r.status.message}`)
    return next()
  }
  const job = r.value
  recordEvent(c, SRC, cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`)
  active.push({ kind: 'Job', namespace: job.metadata.namespace ?? 'default', name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion })
  status.lastScheduleTime = rfc3339(scheduled - EPOCH_UNIX_MS)
  return next()
}
