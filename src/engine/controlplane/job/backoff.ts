// Pod-failure back-off of the Job controller (k/k pkg/controller/job/backoff_utils.go
// backoffRecord, getRemainingTimePerIndex/getRemainingTime; job_controller.go
// DefaultJobPodFailureBackOff = 10s, MaxJobPodFailureBackOff = 10m in v1.30).
export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000

/** Per-job record, kept in the controller's slot (the upstream backoffRecordStore). */
export interface BackoffRecord {
  failuresAfterLastSuccess: number
  /** sim ms of the last counted failure, or -1. */
  lastFailureTime: number
}

export function emptyBackoff(): BackoffRecord {
  return { failuresAfterLastSuccess: 0, lastFailureTime: -1 }
}

/** The delay before the next pod may be created after `failures` consecutive failures. */
export function backoffDuration(failures: number): number {
  if (failures <= 0) return 0
  let d = DEFAULT_POD_FAILURE_BACKOFF_MS
  for (let i = 1; i < failures && d < MAX_POD_FAILURE_BACKOFF_MS; i++) d *= 2
  return Math.min(d, MAX_POD_FAILURE_BACKOFF_MS)
}

/** getRemainingTime: ms left before a replacement pod may be created (0 = now). */
export function remainingBackoff(rec: BackoffRecord, now: number): number {
  if (rec.failuresAfterLastSuccess === 0 || rec.lastFailureTime < 0) return 0
  const left = backoffDuration(rec.failuresAfterLastSuccess) - (now - rec.lastFailureTime)
  return left > 0 ? left : 0
}

/** newBackoffRecord: successes reset the count, each new failure adds one. */
export function recordFinished(rec: BackoffRecord, succeeded: number, failed: number, now: number): BackoffRecord {
  if (succeeded > 0 && failed === 0) return emptyBackoff()
  if (failed === 0) return rec
  const base = succeeded > 0 ? 0 : rec.failuresAfterLastSuccess
  return { failuresAfterLastSuccess: base + failed, lastFailureTime: now }
}
