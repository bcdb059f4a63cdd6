// Human-readable durations, as every AGE column and "x ago" text shows them.
// Source: k/k staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go HumanDuration;
// translateTimestampSince in k/k pkg/printers/internalversion/printers.go.
import type { Cluster } from '../../engine'
import { simTimeOf } from '../../engine/sim/time'

const trunc = Math.trunc

/** duration.HumanDuration for a duration in milliseconds (integer truncation everywhere). */
export function humanDuration(ms: number): string {
  const seconds = trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = trunc(ms / 60000)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = trunc(ms / 3600000)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365
    const y = trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${trunc(hours / 24 / 365)}y`
}

/** Sim ms of an RFC3339 timestamp, or undefined when unset/malformed (Go's zero time). */
export function timeOf(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || ts === '') return undefined
  const t = simTimeOf(ts)
  return Number.isNaN(t) ? undefined : t
}

/** printers.go translateTimestampSince: "<unknown>" for a zero timestamp. */
export function since(c: Pick<Cluster, 'now'>, ts: unknown): string {
  const t = timeOf(ts)
  return t === undefined ? '<unknown>' : humanDuration(c.now - t)
}

/** describe.go translateTimestampUntil: "<unknown>" for a zero timestamp. */
export function until(c: Pick<Cluster, 'now'>, ts: unknown): string {
  const t = timeOf(ts)
  return t === undefined ? '<unknown>' : humanDuration(t - c.now)
}
