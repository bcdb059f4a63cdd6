// flowcontrol.Backoff as the kubelet uses it for container restarts and image pulls:
// 10 s initial, doubling to 300 s, entry expired after 2 × max = 600 s without update.
// (k8s.io/client-go/util/flowcontrol/backoff.go; k/k pkg/kubelet/kubelet.go backOffPeriod/MaxContainerBackOff)
import type { BackoffEntry } from './types'

export const BACKOFF_INITIAL_MS = 10_000
export const BACKOFF_MAX_MS = 300_000

/** hasExpired: eventTime - lastUpdate > 2 * max. */
export function expired(e: BackoffEntry | undefined, eventTime: number): boolean {
  return !e || eventTime - e.lastUpdate > 2 * BACKOFF_MAX_MS
}

/** IsInBackOffSince(eventTime): now - eventTime < current back-off. */
export function inBackOffSince(e: BackoffEntry | undefined, eventTime: number, now: number): boolean {
  if (!e || expired(e, eventTime)) return false
  return now - eventTime < e.ms
}

/** Next(eventTime): a fresh 10 s entry, or the doubled one; lastUpdate = now. */
export function next(e: BackoffEntry | undefined, eventTime: number, now: number): BackoffEntry {
  if (!e || expired(e, eventTime)) return { ms: BACKOFF_INITIAL_MS, lastUpdate: now }
  return { ms: Math.min(e.ms * 2, BACKOFF_MAX_MS), lastUpdate: now }
}
