// Job controller: creates pods until spec.completions succeed, retries failures with back-off
// up to backoffLimit, honours suspend and activeDeadlineSeconds, and counts finished pods with
// the batch.kubernetes.io/job-tracking finalizer. Sources (v1.30): k/k
// pkg/controller/job/job_controller.go (syncJob, manageJob, trackJobStatusAndRemoveFinalizers,
// deleteJobPods, pastBackoffLimitOnFailure, pastActiveDeadline, isPodFailed),
// backoff_utils.go, indexed_job_utils.go, pod_failure_policy.go (see per-index.ts, failure-policy.ts). Simplified: the store is read directly (no informer
// cache or expectations) and uncountedTerminatedPods never holds pods between syncs.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { recordEvent } from '../../api/events'
import { rfc3339, simTimeOf } from '../../sim/time'
import { claimPods } from '../replicaset'
import { isPodActive, isPodReady, podFromTemplate } from '../util/pods'
import { enqueueAfter } from '../util/queue'
import { splitKey } from '../util/sync-keys'
import { emptyBackoff, recordFinished, remainingBackoff, type BackoffRecord } from './backoff'
import { matchPodFailurePolicy } from './failure-policy'
import { INDEX_FAILURE_COUNT_ANNOTATION, failsIndex, indexBackoffLeft, indexHistory, podFinishedAt, type IndexHistory } from './per-index'
import { applyIndex, completionIndex, firstPendingIndexes, formatIndexes, parseIndexes } from './indexed'
import { JOB_CONTROLLER, JOB_TRACKING_FINALIZER, isJobFinished, newCondition, withCondition, type JobCondition } from './util'

const SRC = { component: JOB_CONTROLLER }

function backoffs(c: Cluster): Record<string, BackoffRecord> {
  return c.slot<Record<string, BackoffRecord>>(`${JOB_CONTROLLER}/backoff`, () => ({}))
}

/** Drops a deleted job's back-off record (the backoffRecordStore's cleanup on job deletion). */
export function forgetBackoff(c: Cluster, uid: string): void {
  delete backoffs(c)[uid]
}

function hasTrackingFinalizer(pod: KObject): boolean {
  return (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)
}

/** removeTrackingFinalizerPatch: drops the job-tracking finalizer from a pod. */
export function removeTrackingFinalizer(c: Cluster, pod: KObject): void {
  if (!hasTrackingFinalizer(pod)) return
  c.client(JOB_CONTROLLER).mutate('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
    const rest = (p.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER)
    if (rest.length === (p.metadata.finalizers ?? []).length) return false
    if (rest.length) p.metadata.finalizers = rest
    else delete p.metadata.finalizers
  })
}

/** isPodFailed: Failed, or (without a podFailurePolicy) deleted before succeeding. */
function isPodFailed(pod: KObject, job: KObject): boolean {
  if (pod.status?.phase === 'Failed') return true
  if (job.spec?.podFailurePolicy || job.spec?.podReplacementPolicy === 'Failed') return false
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded'
}

/** deleteJobPods: the finalizer goes first, so pods the controller removes are not counted as failures. */
function deleteJobPods(c: Cluster, job: KObject, pods: KObject[]): void {
  const api = c.client(JOB_CONTROLLER)
  for (const pod of pods) {
    removeTrackingFinalizer(c, pod)
    const r = api.delete('pods', pod.metadata.namespace, pod.metadata.name)
    if (r.ok) recordEvent(c, SRC, job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`)
  }
}

/** Restarts of all containers of the Pending/Running pods (pastBackoffLimitOnFailure). */
function activeRestarts(pods: KObject[]): number {
  let n = 0
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])] as { restartCount?: number }[]) n += s.restartCount ?? 0
  }
  return n
}

/** activePodsForRemoval: not-ready and unscheduled pods first, then the newest. */
function removalOrder(pods: KObject[]): KObject[] {
  return [...pods].sort((a, b) => {
    const ka = [a.spec?.nodeName ? 1 : 0, isPodReady(a) ? 1 : 0]
    const kb = [b.spec?.nodeName ? 1 : 0, isPodReady(b) ? 1 : 0]
    for (let i = 0; i < 2; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i]
    if (a.metadata.creationTimestamp !== b.metadata.creationTimestamp) return a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : -1
    return a.metadata.name < b.metadata.name ? 1 : -1
  })
}

export function syncJob(c: Cluster, key: string): void {
  const [ns, name] = splitKey(key)
  const api = c.client(JOB_CONTROLLER)
  const job = api.get('jobs', ns, name)
  if (!job) return
  const all = api.list('pods', { namespace: ns })
  const pods = job.metadata.deletionTimestamp ? all.filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === job.metadata.uid)) : claimPods(c, JOB_CONTROLLER, job, all)
  if (isJobFinished(job) || job.metadata.deletionTimestamp) {
    // A finished or deleted job only releases its pods' finalizers.
    for (const p of pods) removeTrackingFinalizer(c, p)
    return
  }
  const spec = job.spec ?? {}
  const indexed = spec.completionMode === 'Indexed'
  const completions: number | undefined = typeof spec.completions === 'number' ? spec.completions : undefined
  const parallelism: number = typeof spec.parallelism === 'number' ? spec.parallelism : 1
  const backoffLimit: number = typeof spec.backoffLimit === 'number' ? spec.backoffLimit : 6
  const suspended = spec.suspend === true
  const st = job.status ?? {}
  const status: Record<string, any> = { ...st }
  let conds: JobCondition[] = [...(st.conditions ?? [])]

  if (!status.startTime && !suspended) status.startTime = rfc3339(c.now)

  // trackJobStatusAndRemoveFinalizers: count pods that finished (or are being deleted) once.
  let succeeded: number = st.succeeded ?? 0
  let failed: number = st.failed ?? 0
  const doneIdx = indexed ? parseIndexes(st.completedIndexes) : []
  const perIndex = indexed && typeof spec.backoffLimitPerIndex === 'number'
  const failedIdx = perIndex ? parseIndexes(st.failedIndexes) : []
  let newSucceeded = 0
  let newFailed = 0
  const toRelease: KObject[] = []
  for (const p of pods) {
    if (!hasTrackingFinalizer(p)) continue
    const phase = p.status?.phase
    if (phase !== 'Succeeded' && phase !== 'Failed' && !p.metadata.deletionTimestamp) continue
    toRelease.push(p)
    if (phase === 'Succeeded') {
      if (indexed) {
        const ix = completionIndex(p, completions ?? 0)
        if (ix >= 0 && !doneIdx.includes(ix)) doneIdx.push(ix)
      } else succeeded++
      newSucceeded++
    } else if (isPodFailed(p, job)) {
      newFailed++ // the back-off counts ignored failures too (newBackoffRecord)
      if (!matchPodFailurePolicy(job, p).countFailed) continue
      failed++ // nonIgnoredFailedPodsCount
      const ix = completionIndex(p, completions ?? 0)
      if (perIndex && ix >= 0 && !failedIdx.includes(ix) && failsIndex(p, spec.backoffLimitPerIndex)) failedIdx.push(ix)
    }
  }
  if (indexed) succeeded = doneIdx.length
  const rec = backoffs(c)
  const uid = job.metadata.uid
  if (newSucceeded || newFailed) {
    const lastFinish = Math.max(...toRelease.filter((p) => p.status?.phase !== 'Succeeded').map((p) => Math.min(podFinishedAt(p, c.now), c.now)), -1)
    rec[uid] = recordFinished(rec[uid] ?? emptyBackoff(), newSucceeded, newFailed, lastFinish >= 0 ? lastFinish : c.now)
  }

  let active = pods.filter(isPodActive)
  let finished: JobCondition | undefined
  let finishedEvent: [('Normal' | 'Warning'), string, string] | undefined

  // syncJob: failure first (backoff limit, then the active deadline).
  const restartPolicy = spec.template?.spec?.restartPolicy
  const restarts = restartPolicy === 'OnFailure' ? activeRestarts(active) : 0
  const pastOnFailure = restartPolicy === 'OnFailure' && (backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit)
  // getFailJobMessage: a failed pod matching a FailJob rule fails the job (FailureTarget, then Failed).
  const failJob = spec.podFailurePolicy ? pods.filter((p) => isPodFailed(p, job)).map((p) => matchPodFailurePolicy(job, p).failJobMessage).find((m) => m) : undefined
  if (failJob) {
    conds = withCondition(conds, newCondition('FailureTarget', 'True', 'PodFailurePolicy', failJob, c.now))
    finished = newCondition('Failed', 'True', 'PodFailurePolicy', failJob, c.now)
  } else if (failed > backoffLimit || pastOnFailure) {
    finished = newCondition('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', c.now)
  } else if (perIndex && typeof spec.maxFailedIndexes === 'number' && failedIdx.length > spec.maxFailedIndexes) {
    finished = newCondition('Failed', 'True', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes', c.now)
  } else if (perIndex && failedIdx.length > 0 && failedIdx.length + succeeded >= (completions ?? 0)) {
    finished = newCondition('Failed', 'True', 'FailedIndexes', 'Job has failed indexes', c.now)
  } else if (typeof spec.activeDeadlineSeconds === 'number' && status.startTime && !suspended) {
    const deadline = simTimeOf(status.startTime) + spec.activeDeadlineSeconds * 1000
    if (c.now >= deadline) finished = newCondition('Failed', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', c.now)
    else enqueueAfter(c, JOB_CONTROLLER, key, deadline - c.now)
  }
  if (finished) {
    deleteJobPods(c, job, active)
    active = []
    finishedEvent = ['Warning', finished.reason ?? '', finished.message ?? '']
  } else {
    // Success: completions reached (or, without completions, any success and nothing running).
    const complete = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0
    if (complete) {
      deleteJobPods(c, job, active)
      active = []
      finished = newCondition('Complete', 'True', '', '', c.now)
      status.completionTime = rfc3339(c.now)
      finishedEvent = ['Normal', 'Completed', 'Job completed']
    } else if (suspended) {
      deleteJobPods(c, job, active)
      active = []
      const next = withCondition(conds, newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', c.now))
      if (next !== conds) recordEvent(c, SRC, job, 'Normal', 'Suspended', 'Job suspended')
      conds = next
    } else {
      if (conds.some((x) => x.type === 'Suspended' && x.status === 'True')) {
        conds = withCondition(conds, newCondition('Suspended', 'False', 'JobResumed', 'Job resumed', c.now))
        recordEvent(c, SRC, job, 'Normal', 'Resumed', 'Job resumed')
        status.startTime = rfc3339(c.now) // resumed jobs restart the active deadline
      }
      // podReplacementPolicy Failed (the default with a podFailurePolicy): terminating pods are not replaced yet.
      const onlyFailed = !!spec.podFailurePolicy || spec.podReplacementPolicy === 'Failed'
      const terminating = onlyFailed ? pods.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length : 0
      const history = perIndex ? indexHistory(pods, completions ?? 0, (p) => podFinishedAt(p, c.now)) : undefined
      active = manageJob(c, job, active, { indexed, completions, parallelism, succeeded, doneIdx: [...doneIdx, ...failedIdx], key, terminating, history })
    }
  }

  // Release counted pods only after the counts are in the status (here: in the same step).
  if (finished) conds = withCondition(conds, finished)
  status.conditions = conds
  if (!conds.length) delete status.conditions
  status.active = active.length
  status.ready = active.filter(isPodReady).length
  status.terminating = pods.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length
  status.succeeded = succeeded
  status.failed = failed
  if (indexed) status.completedIndexes = formatIndexes(doneIdx)
  if (perIndex) status.failedIndexes = formatIndexes(failedIdx)
  status.uncountedTerminatedPods = {}
  // omitempty counters, as the API serialises JobStatus.
  for (const k of ['active', 'succeeded', 'failed']) if (status[k] === 0) delete status[k]
  if (indexed && !status.completedIndexes) delete status.completedIndexes
  if (JSON.stringify(status) !== JSON.stringify(st)) {
    api.updateStatus('jobs', ns, name, (o) => {
      o.status = status
    })
  }
  for (const p of toRelease) removeTrackingFinalizer(c, p)
  if (finishedEvent) {
    recordEvent(c, SRC, job, finishedEvent[0], finishedEvent[1], finishedEvent[2])
    delete rec[uid]
  }
}

interface Plan {
  indexed: boolean
  completions?: number
  parallelism: number
  succeeded: number
  /** Indexes that need no more pods (succeeded, or failed with backoffLimitPerIndex). */
  doneIdx: number[]
  key: string
  terminating: number
  /** Per-index failures (backoffLimitPerIndex only). */
  history?: IndexHistory
}

/** manageJob: scale the active pods to min(parallelism, remaining completions), after the back-off. */
function manageJob(c: Cluster, job: KObject, active: KObject[], plan: Plan): KObject[] {
  const { completions, parallelism, succeeded } = plan
  let want: number
  // Without completions, once a pod succeeded whatever runs keeps running (no new pods).
  if (completions === undefined) want = succeeded > 0 ? active.length : parallelism
  else want = Math.max(0, Math.min(parallelism, completions - (plan.indexed ? plan.doneIdx.length : succeeded)))
  if (active.length > want) {
    const victims = removalOrder(active).slice(0, active.length - want)
    deleteJobPods(c, job, victims)
    return active.filter((p) => !victims.includes(p))
  }
  if (active.length + plan.terminating >= want) return active
  const left = plan.history ? 0 : remainingBackoff(backoffs(c)[job.metadata.uid] ?? emptyBackoff(), c.now)
  if (left > 0) {
    enqueueAfter(c, JOB_CONTROLLER, plan.key, left)
    return active
  }
  const api = c.client(JOB_CONTROLLER)
  const n = want - active.length - plan.terminating
  let indexes = plan.indexed
    ? firstPendingIndexes(completions ?? 0, plan.doneIdx, active.map((p) => completionIndex(p, completions ?? 0)).filter((i) => i >= 0), n)
    : Array.from({ length: n }, () => -1)
  const history = plan.history
  if (history) {
    // getRemainingTimePerIndex: an index still in back-off waits; wake for the earliest one.
    const waits = indexes.map((ix) => indexBackoffLeft(history, ix, c.now)).filter((x) => x > 0)
    if (waits.length) enqueueAfter(c, JOB_CONTROLLER, plan.key, Math.min(...waits))
    indexes = indexes.filter((ix) => indexBackoffLeft(history, ix, c.now) === 0)
  }
  const created: KObject[] = []
  for (const ix of indexes) {
    const pod = podFromTemplate(job.spec?.template, job, ix >= 0 ? `${job.metadata.name}-${ix}-` : `${job.metadata.name}-`)
    pod.metadata.finalizers = [...((pod.metadata.finalizers as string[] | undefined) ?? []), JOB_TRACKING_FINALIZER]
    if (ix >= 0) applyIndex(pod, job.metadata.name, ix)
    if (history) pod.metadata.annotations = { ...(pod.metadata.annotations as Record<string, string>), [INDEX_FAILURE_COUNT_ANNOTATION]: String(history.failures[ix] ?? 0) }
    const r = api.create(pod as never)
    if (r.ok) {
      created.push(r.value)
      recordEvent(c, SRC, job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`)
    } else {
      recordEvent(c, SRC, job, 'Warning', 'FailedCreate', `Error creating: ${r.status.message}`)
      break
    }
  }
  return [...active, ...created]
}
