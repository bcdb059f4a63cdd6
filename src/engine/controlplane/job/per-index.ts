// Backoff limit per index (beta, on by default in v1.30) for Indexed jobs: each index retries up
// to spec.backoffLimitPerIndex times; failed indexes are listed in status.failedIndexes and the
// job fails once they exceed maxFailedIndexes or when every index is finished.
// Source: k/k pkg/controller/job/indexed_job_utils.go (getIndexFailureCount,
// addIndexFailureCountAnnotation, isIndexFailed, calculateFailedIndexes), backoff_utils.go
// (getRemainingTimePerIndex).
import type { KObject } from '../../api/types'
import { simTimeOf } from '../../sim/time'
import { backoffDuration } from './backoff'
import { completionIndex } from './indexed'

export const INDEX_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-failure-count'

/** getIndexFailureCount: the failures of the pod's index before this pod (annotation, 0 if missing). */
export function indexFailureCount(pod: KObject): number {
  const v = pod.metadata.annotations?.[INDEX_FAILURE_COUNT_ANNOTATION]
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0
}

/** isIndexFailed: this failed pod used up the index's retries. */
export function failsIndex(pod: KObject, backoffLimitPerIndex: number): boolean {
  return indexFailureCount(pod) + 1 > backoffLimitPerIndex
}

export interface IndexHistory {
  /** Failures so far per index (the next pod's failure-count annotation). */
  failures: Record<number, number>
  /** sim ms of each index's latest failure. */
  lastFailure: Record<number, number>
}

/** The failure history of each index from its failed pods. */
export function indexHistory(pods: KObject[], completions: number, finishedAt: (p: KObject) => number): IndexHistory {
  const out: IndexHistory = { failures: {}, lastFailure: {} }
  for (const p of pods) {
    if (p.status?.phase !== 'Failed') continue
    const ix = completionIndex(p, completions)
    if (ix < 0) continue
    const n = indexFailureCount(p) + 1
    if (n >= (out.failures[ix] ?? 0)) {
      out.failures[ix] = n
      out.lastFailure[ix] = Math.max(out.lastFailure[ix] ?? -1, finishedAt(p))
    }
  }
  return out
}

/** getRemainingTimePerIndex: ms before index `ix` may get a new pod. */
export function indexBackoffLeft(h: IndexHistory, ix: number, now: number): number {
  const n = h.failures[ix] ?? 0
  if (!n) return 0
  const left = backoffDuration(n) - (now - (h.lastFailure[ix] ?? now))
  return left > 0 ? left : 0
}

/** Pod finish time from its container statuses (ms), or `fallback`. */
export function podFinishedAt(pod: KObject, fallback: number): number {
  let t = -1
  for (const cs of (pod.status?.containerStatuses ?? []) as { state?: { terminated?: { finishedAt?: string } } }[]) {
    const f = cs.state?.terminated?.finishedAt
    if (f) t = Math.max(t, simTimeOf(f))
  }
  return t >= 0 ? t : fallback
}
