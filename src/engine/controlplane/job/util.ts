// Job helpers shared by the Job, CronJob and TTL-after-finished controllers
// (k/k pkg/controller/job/util/utils.go IsJobFinished, pkg/controller/job/job_controller.go newCondition).
import type { KObject } from '../../api/types'
import { rfc3339 } from '../../sim/time'

export const JOB_CONTROLLER = 'job-controller'
/** batch.JobTrackingFinalizer: keeps a finished pod until the controller has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking'
export const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index'
export const COMPLETION_INDEX_LABEL = 'batch.kubernetes.io/job-completion-index'

export interface JobCondition {
  type: string
  status: string
  lastProbeTime: string
  lastTransitionTime: string
  reason?: string
  message?: string
}

export function jobCondition(job: KObject, type: string): JobCondition | undefined {
  return (job.status?.conditions as JobCondition[] | undefined)?.find((x) => x.type === type)
}

function conditionTrue(job: KObject, type: string): boolean {
  return jobCondition(job, type)?.status === 'True'
}

/** IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: KObject): boolean {
  return conditionTrue(job, 'Complete') || conditionTrue(job, 'Failed')
}

/** getFinishedStatus: the type of the finished condition ("Complete" | "Failed"), or undefined. */
export function finishedType(job: KObject): string | undefined {
  if (conditionTrue(job, 'Complete')) return 'Complete'
  if (conditionTrue(job, 'Failed')) return 'Failed'
  return undefined
}

/** newCondition: empty reason/message are omitted, as the API serialises them (omitempty). */
export function newCondition(type: string, status: string, reason: string, message: string, now: number): JobCondition {
  const cond: JobCondition = { type, status, lastProbeTime: rfc3339(now), lastTransitionTime: rfc3339(now) }
  if (reason) cond.reason = reason
  if (message) cond.message = message
  return cond
}

/**
 * ensureJobConditionStatus: adds or updates a condition; lastTransitionTime only moves when
 * the status changes. Returns the new list (input is not modified).
 */
export function withCondition(conds: JobCondition[], cond: JobCondition): JobCondition[] {
  const i = conds.findIndex((x) => x.type === cond.type)
  if (i < 0) return cond.status === 'False' ? conds : [...conds, cond] // a missing condition is already "False"

  const old = conds[i]
  if (old.status === cond.status && old.reason === cond.reason && old.message === cond.message) return conds
  const next = { ...cond, lastTransitionTime: old.status === cond.status ? old.lastTransitionTime : cond.lastTransitionTime }
  return conds.map((x, j) => (j === i ? next : x))
}
