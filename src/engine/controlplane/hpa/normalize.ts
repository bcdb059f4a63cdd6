// Normalisation of the metrics' proposal: the stabilisation window over recent recommendations,
// the scale-up limit (max(2×current, 4) without behavior; Pods/Percent policies per period with
// behavior), and the min/max clamp, with the AbleToScale/ScalingLimited reasons. The controller's
// memory (recommendations and scale events per HPA) lives in its slot, as plain JSON. Source: k/k
// pkg/controller/podautoscaler/horizontal.go (recordInitialRecommendation, stabilizeRecommendation,
// normalizeDesiredReplicas, convertDesiredReplicasWithRules, calculateScaleUpLimit,
// normalizeDesiredReplicasWithBehaviors, stabilizeRecommendationWithBehaviors,
// convertDesiredReplicasWithBehaviorRate, storeScaleEvent, markScaleEventsOutdated,
// getReplicasChangePerPeriod, calculateScaleUp/DownLimitWithScalingRules).
import type { Cluster } from '../../cluster'
import { DOWNSCALE_STABILIZATION_MS, SCALE_UP_LIMIT_FACTOR, SCALE_UP_LIMIT_MINIMUM } from './constants'
import { hpaMemory, type Recommendation, type ScaleEvent } from './memory'
import { setCondition, type HpaCondition } from './conditions'

type Json = any

/** How the proposal became the desired count (for the HPA panel). */
export interface NormalizationTrace {
  behavior: boolean
  /** The metrics' proposal before normalisation. */
  proposal: number
  /** Recommendations that were inside a stabilisation window (before this one was recorded). */
  window: Recommendation[]
  upWindowSeconds?: number
  downWindowSeconds: number
  upRecommendation?: number
  downRecommendation?: number
  stabilized: number
  /** The rate limit that applied in the direction of the change, if any. */
  scaleUpLimit?: number
  scaleDownLimit?: number
  limitReason: string
  limitMessage: string
  desired: number
}

/** recordInitialRecommendation: the current size, the first time an HPA is reconciled. */
export function recordInitialRecommendation(c: Cluster, key: string, current: number): void {
  const m = hpaMemory(c)
  if (!m.recommendations[key]) m.recommendations[key] = [{ replicas: current, at: c.now }]
}

/** Records `rec` in place of the last sample older than every window, else appends it. */
function record(list: Recommendation[], oldIndex: number, rec: Recommendation): void {
  if (oldIndex >= 0) list[oldIndex] = rec
  else list.push(rec)
}

/** stabilizeRecommendation: the highest recommendation of the last 5 minutes (this one included). */
function stabilize(c: Cluster, key: string, proposal: number, trace: NormalizationTrace): number {
  const list = (hpaMemory(c).recommendations[key] ??= [])
  const cutoff = c.now - DOWNSCALE_STABILIZATION_MS
  let max = proposal
  let oldIndex = -1
  for (let i = 0; i < list.length; i++) {
    const rec = list[i]
    if (rec.at < cutoff) oldIndex = i
    else {
      trace.window.push({ ...rec })
      if (rec.replicas > max) max = rec.replicas
    }
  }
  record(list, oldIndex, { replicas: proposal, at: c.now })
  return max
}

/** convertDesiredReplicasWithRules: scale-up limit max(2×current, 4), then [min, max]. */
export function convertDesiredReplicasWithRules(current: number, desired: number, min: number, max: number): { replicas: number; reason: string; message: string; scaleUpLimit: number } {
  const scaleUpLimit = Math.trunc(Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM))
  let maximumAllowed: number
  let reason: string
  let message: string
  if (max > scaleUpLimit) {
    maximumAllowed = scaleUpLimit
    reason = 'ScaleUpLimit'
    message = 'the desired replica count is increasing faster than the maximum scale rate'
  } else {
    maximumAllowed = max
    reason = 'TooManyReplicas'
    message = 'the desired replica count is more than the maximum replica count'
  }
  if (desired < min) return { replicas: min, reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count', scaleUpLimit }
  if (desired > maximumAllowed) return { replicas: maximumAllowed, reason, message, scaleUpLimit }
  return { replicas: desired, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range', scaleUpLimit }
}

/** normalizeDesiredReplicas: spec.behavior unset. */
export function normalizeDesiredReplicas(c: Cluster, conds: HpaCondition[], key: string, current: number, proposal: number, min: number, max: number): NormalizationTrace {
  const trace: NormalizationTrace = { behavior: false, proposal, window: [], downWindowSeconds: DOWNSCALE_STABILIZATION_MS / 1000, stabilized: proposal, limitReason: '', limitMessage: '', desired: proposal }
  const stabilized = stabilize(c, key, proposal, trace)
  trace.stabilized = stabilized
  if (stabilized !== proposal) setCondition(c, conds, 'AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation')
  else setCondition(c, conds, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size')
  const r = convertDesiredReplicasWithRules(current, stabilized, min, max)
  setCondition(c, conds, 'ScalingLimited', r.replicas === stabilized ? 'False' : 'True', r.reason, r.message)
  if (stabilized > current) trace.scaleUpLimit = r.scaleUpLimit
  Object.assign(trace, { limitReason: r.reason, limitMessage: r.message, desired: r.replicas })
  return trace
}

/** getReplicasChangePerPeriod: replicas added (or removed) by events within the period. */
function changeInPeriod(now: number, periodSeconds: number, events: ScaleEvent[]): number {
  const cutoff = now - periodSeconds * 1000
  let n = 0
  for (const e of events) if (e.at > cutoff) n += e.change
  return n
}

/** calculateScaleUpLimitWithScalingRules. */
function scaleUpLimitWithRules(now: number, current: number, up: ScaleEvent[], down: ScaleEvent[], rules: Json): number {
  if (rules.selectPolicy === 'Disabled') return current
  const useMin = rules.selectPolicy === 'Min'
  let result = useMin ? Infinity : -Infinity
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(now, p.periodSeconds, up) + changeInPeriod(now, p.periodSeconds, down)
    // A percentage rounds up, or a small target could never grow.
    const proposed = p.type === 'Pods' ? start + p.value : p.type === 'Percent' ? Math.ceil(start * (1 + p.value / 100)) : 0
    result = useMin ? Math.min(result, proposed) : Math.max(result, proposed)
  }
  return result
}

/** calculateScaleDownLimitWithBehaviors. */
function scaleDownLimitWithRules(now: number, current: number, up: ScaleEvent[], down: ScaleEvent[], rules: Json): number {
  if (rules.selectPolicy === 'Disabled') return current
  const useMin = rules.selectPolicy === 'Min'
  let result = useMin ? -Infinity : Infinity
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(now, p.periodSeconds, up) + changeInPeriod(now, p.periodSeconds, down)
    const proposed = p.type === 'Pods' ? start - p.value : p.type === 'Percent' ? Math.trunc(start * (1 - p.value / 100)) : 0
    result = useMin ? Math.max(result, proposed) : Math.min(result, proposed)
  }
  return result
}

/** normalizeDesiredReplicasWithBehaviors: windows per direction, then the policies' rate limits. */
export function normalizeDesiredReplicasWithBehaviors(c: Cluster, conds: HpaCondition[], key: string, behavior: Json, current: number, proposal: number, min: number, max: number): NormalizationTrace {
  const mem = hpaMemory(c)
  // maybeInitScaleDownStabilizationWindow: an unset scale-down window is the controller's 300 s.
  const upWindow: number = behavior.scaleUp?.stabilizationWindowSeconds ?? 0
  const downWindow: number = behavior.scaleDown?.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_MS / 1000
  const trace: NormalizationTrace = { behavior: true, proposal, window: [], upWindowSeconds: upWindow, downWindowSeconds: downWindow, stabilized: proposal, limitReason: '', limitMessage: '', desired: proposal }
  // stabilizeRecommendationWithBehaviors.
  const upCutoff = c.now - upWindow * 1000
  const downCutoff = c.now - downWindow * 1000
  let upRec = proposal
  let downRec = proposal
  let oldIndex = -1
  const list = (mem.recommendations[key] ??= [])
  for (let i = 0; i < list.length; i++) {
    const rec = list[i]
    if (rec.at > upCutoff || rec.at > downCutoff) trace.window.push({ ...rec })
    if (rec.at > upCutoff) upRec = Math.min(rec.replicas, upRec)
    if (rec.at > downCutoff) downRec = Math.max(rec.replicas, downRec)
    if (rec.at < upCutoff && rec.at < downCutoff) oldIndex = i
  }
  let stabilized = current
  if (stabilized < upRec) stabilized = upRec
  if (stabilized > downRec) stabilized = downRec
  record(list, oldIndex, { replicas: proposal, at: c.now })
  Object.assign(trace, { upRecommendation: upRec, downRecommendation: downRec, stabilized })
  if (stabilized !== proposal) {
    if (proposal >= current) setCondition(c, conds, 'AbleToScale', 'True', 'ScaleUpStabilized', 'recent recommendations were lower than current one, applying the lowest recent recommendation')
    else setCondition(c, conds, 'AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation')
  } else setCondition(c, conds, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size')
  // convertDesiredReplicasWithBehaviorRate.
  const up = mem.scaleUpEvents[key] ?? []
  const down = mem.scaleDownEvents[key] ?? []
  let desired = stabilized
  let reason = 'DesiredWithinRange'
  let message = 'the desired count is within the acceptable range'
  if (stabilized > current) {
    // Until old scale-ups leave the period, do not scale up further.
    const limit = Math.max(current, scaleUpLimitWithRules(c.now, current, up, down, behavior.scaleUp))
    trace.scaleUpLimit = limit
    const maximumAllowed = Math.min(max, limit)
    const [r, m] = max > limit ? ['ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'] : ['TooManyReplicas', 'the desired replica count is more than the maximum replica count']
    if (stabilized > maximumAllowed) [desired, reason, message] = [maximumAllowed, r, m]
  } else if (stabilized < current) {
    const limit = Math.min(current, scaleDownLimitWithRules(c.now, current, up, down, behavior.scaleDown))
    trace.scaleDownLimit = limit
    const minimumAllowed = Math.max(min, limit)
    const [r, m] = min < limit ? ['ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate'] : ['TooFewReplicas', 'the desired replica count is less than the minimum replica count']
    if (stabilized < minimumAllowed) [desired, reason, message] = [minimumAllowed, r, m]
  }
  setCondition(c, conds, 'ScalingLimited', desired === stabilized ? 'False' : 'True', reason, message)
  Object.assign(trace, { limitReason: reason, limitMessage: message, desired })
  return trace
}

/** The longest policy period of a direction (getLongestPolicyPeriod). */
function longestPeriod(rules: Json): number {
  let n = 0
  for (const p of rules?.policies ?? []) if (p.periodSeconds > n) n = p.periodSeconds
  return n
}

/** storeScaleEvent: remembered only with behavior, reusing an outdated slot. */
export function storeScaleEvent(c: Cluster, behavior: Json, key: string, prev: number, next: number): void {
  if (!behavior) return
  const mem = hpaMemory(c)
  const upward = next > prev
  const list = ((upward ? mem.scaleUpEvents : mem.scaleDownEvents)[key] ??= [])
  const cutoff = c.now - longestPeriod(upward ? behavior.scaleUp : behavior.scaleDown) * 1000
  let oldIndex = -1
  for (let i = 0; i < list.length; i++) {
    if (list[i].at < cutoff) list[i].outdated = true // markScaleEventsOutdated
    if (list[i].outdated) oldIndex = i
  }
  const ev: ScaleEvent = { change: Math.abs(next - prev), at: c.now, outdated: false }
  if (oldIndex >= 0) list[oldIndex] = ev
  else list.push(ev)
}
