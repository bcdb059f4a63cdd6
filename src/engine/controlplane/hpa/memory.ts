// The HPA controller's in-memory state, kept in its slot as plain JSON: per HPA key, the recent
// unstabilised recommendations, the scale events (with behavior) and the last known selector
// (horizontal.go: recommendations, scaleUpEvents, scaleDownEvents, hpaSelectors).
import type { Cluster } from '../../cluster'
import type { Selector } from '../../api/selectors'
import { HPA_CONTROLLER } from './constants'

export interface Recommendation { replicas: number; at: number }
export interface ScaleEvent { change: number; at: number; outdated: boolean }

export interface HpaMemory {
  recommendations: Record<string, Recommendation[]>
  scaleUpEvents: Record<string, ScaleEvent[]>
  scaleDownEvents: Record<string, ScaleEvent[]>
  /** Registered on enqueue with no selector (labels.Nothing: null), set at each reconcile. */
  selectors: Record<string, Selector | null>
}

export function hpaMemory(c: Cluster): HpaMemory {
  return c.slot<HpaMemory>(HPA_CONTROLLER, () => ({ recommendations: {}, scaleUpEvents: {}, scaleDownEvents: {}, selectors: {} }))
}

/** enqueueHPA: registers the HPA with a selector that selects nothing, until it is known. */
export function registerHpa(c: Cluster, key: string): void {
  const m = hpaMemory(c)
  if (!(key in m.selectors)) m.selectors[key] = null
}

/** deleteHPA: its selector goes at once. */
export function unregisterHpa(c: Cluster, key: string): void {
  delete hpaMemory(c).selectors[key]
}

/** reconcileKey of a deleted HPA: its recommendations and scale events go. */
export function forgetHpa(c: Cluster, key: string): void {
  const m = hpaMemory(c)
  delete m.recommendations[key]
  delete m.scaleUpEvents[key]
  delete m.scaleDownEvents[key]
}
