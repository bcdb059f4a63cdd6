// Stabilisation, rate limits and clamping (horizontal.go), with and without spec.behavior:
// golden cases 13–15 and 20, and the behavior policies.
import { describe, expect, it } from 'vitest'
import { Cluster, initialState, DEFAULT_CONFIG } from '../../../../src/engine'
import type { HpaCondition } from '../../../../src/engine/controlplane/hpa/conditions'
import { defaultHpa } from '../../../../src/engine/api/defaults/workloads'
import {
  convertDesiredReplicasWithRules, normalizeDesiredReplicas, normalizeDesiredReplicasWithBehaviors, recordInitialRecommendation, storeScaleEvent,
} from '../../../../src/engine/controlplane/hpa/normalize'

const KEY = 'default/web'

function bare(): Cluster {
  const c = new Cluster(initialState({ ...DEFAULT_CONFIG }))
  c.state.now = 1_000_000
  return c
}

const cond = (conds: HpaCondition[], type: string) => conds.find((x) => x.type === type)

/** spec.behavior after API defaulting. */
function behavior(b: Record<string, unknown> = {}): any {
  const h = { spec: { maxReplicas: 10, behavior: b } }
  defaultHpa(h)
  return h.spec.behavior
}

describe('without behavior (kubectl autoscale)', () => {
  it('13: 4 → proposal 8, limit max(2×4, 4) = 8 → 8, within range', () => {
    const c = bare()
    recordInitialRecommendation(c, KEY, 4)
    const conds: HpaCondition[] = []
    const t = normalizeDesiredReplicas(c, conds, KEY, 4, 8, 1, 10)
    expect(t.desired).toBe(8)
    expect(t.scaleUpLimit).toBe(8)
    expect(cond(conds, 'ScalingLimited')).toMatchObject({ status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' })
    expect(cond(conds, 'AbleToScale')).toMatchObject({ status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' })
  })

  it('14: max 5 → 5, ScalingLimited True TooManyReplicas', () => {
    const c = bare()
    const conds: HpaCondition[] = []
    expect(normalizeDesiredReplicas(c, conds, KEY, 4, 8, 1, 5).desired).toBe(5)
    expect(cond(conds, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' })
  })

  it('15: from 1, raw 10 → limit max(2×1, 4) = 4 (ScaleUpLimit); next sync at most max(2×4, 4) = 8', () => {
    const c = bare()
    recordInitialRecommendation(c, KEY, 1)
    const conds: HpaCondition[] = []
    expect(normalizeDesiredReplicas(c, conds, KEY, 1, 10, 1, 10).desired).toBe(4)
    expect(cond(conds, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' })
    c.state.now += 15_000
    expect(normalizeDesiredReplicas(c, conds, KEY, 4, 10, 1, 10).desired).toBe(8)
  })

  it('below min → TooFewReplicas; the limit is per sync, with no time window', () => {
    expect(convertDesiredReplicasWithRules(3, 0, 1, 10)).toMatchObject({ replicas: 1, reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' })
    expect(convertDesiredReplicasWithRules(3, 50, 1, 100).replicas).toBe(6)
  })

  it('20: downscale stabilization keeps 8 until every recommendation ≥ 3 is older than 300 s, then 2 in one step', () => {
    const c = bare()
    recordInitialRecommendation(c, KEY, 8)
    const t0 = c.now + 15_000
    const results: [number, number, string][] = []
    for (let t = t0; t <= t0 + 330_000; t += 15_000) {
      c.state.now = t
      const conds: HpaCondition[] = []
      const n = normalizeDesiredReplicas(c, conds, KEY, 8, 2, 1, 10)
      results.push([t - t0, n.desired, cond(conds, 'AbleToScale')!.reason])
    }
    // The initial recommendation (8, at t0 − 15 s) leaves the window at t0 + 285 s + 15 s.
    expect(results.filter(([, d]) => d === 8).map(([t]) => t).at(-1)).toBe(285_000)
    expect(results.find(([t]) => t === 285_000)).toEqual([285_000, 8, 'ScaleDownStabilized'])
    expect(results.find(([t]) => t === 300_000)).toEqual([300_000, 2, 'ReadyForNewScale'])
  })
})

describe('with behavior', () => {
  it('13 with the default policies: max(4+4, ceil(4×2)) = 8', () => {
    const c = bare()
    const conds: HpaCondition[] = []
    const t = normalizeDesiredReplicasWithBehaviors(c, conds, KEY, behavior(), 4, 8, 1, 10)
    expect(t.scaleUpLimit).toBe(8)
    expect(t.desired).toBe(8)
    expect(normalizeDesiredReplicasWithBehaviors(bare(), [], KEY, behavior(), 4, 20, 1, 20).desired).toBe(8)
  })

  it('Pods policy per period: the period starts from the replicas before its scale events', () => {
    const c = bare()
    const b = behavior({ scaleUp: { policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }] } })
    const conds: HpaCondition[] = []
    expect(normalizeDesiredReplicasWithBehaviors(c, conds, KEY, b, 4, 10, 1, 10).desired).toBe(6)
    storeScaleEvent(c, b, KEY, 4, 6)
    c.state.now += 15_000
    expect(normalizeDesiredReplicasWithBehaviors(c, conds, KEY, b, 6, 10, 1, 10).desired).toBe(6) // 6 − 2 + 2
    expect(cond(conds, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' })
    c.state.now += 46_000 // the event leaves the 60 s period
    expect(normalizeDesiredReplicasWithBehaviors(c, conds, KEY, b, 6, 10, 1, 10).desired).toBe(8)
  })

  it('selectPolicy Min picks the smaller change; Disabled never scales that way', () => {
    const min = behavior({ scaleUp: { selectPolicy: 'Min', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] } })
    expect(normalizeDesiredReplicasWithBehaviors(bare(), [], KEY, min, 10, 40, 1, 50).desired).toBe(14)
    const off = behavior({ scaleDown: { selectPolicy: 'Disabled', stabilizationWindowSeconds: 0 } })
    const conds: HpaCondition[] = []
    expect(normalizeDesiredReplicasWithBehaviors(bare(), conds, KEY, off, 8, 2, 1, 10).desired).toBe(8)
    expect(cond(conds, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' })
  })

  it('scale-down Percent truncates: int(8 × 0.5) = 4', () => {
    const b = behavior({ scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] } })
    expect(normalizeDesiredReplicasWithBehaviors(bare(), [], KEY, b, 8, 2, 1, 10).desired).toBe(4)
    const b2 = behavior({ scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 30, periodSeconds: 60 }] } })
    expect(normalizeDesiredReplicasWithBehaviors(bare(), [], KEY, b2, 5, 1, 1, 10).desired).toBe(3) // int(3.5)
  })

  it('an unset scale-down window is the controller default, 300 s (ScaleDownStabilized)', () => {
    const c = bare()
    const b = behavior()
    expect(b.scaleDown.stabilizationWindowSeconds).toBeUndefined()
    recordInitialRecommendation(c, KEY, 8)
    c.state.now += 15_000
    const conds: HpaCondition[] = []
    const t = normalizeDesiredReplicasWithBehaviors(c, conds, KEY, b, 8, 2, 1, 10)
    expect(t.downWindowSeconds).toBe(300)
    expect(t.desired).toBe(8)
    expect(cond(conds, 'AbleToScale')).toMatchObject({ reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' })
  })

  it('a scale-up window takes the lowest recent recommendation (ScaleUpStabilized)', () => {
    const c = bare()
    const b = behavior({ scaleUp: { stabilizationWindowSeconds: 60 } })
    recordInitialRecommendation(c, KEY, 4)
    c.state.now += 15_000
    normalizeDesiredReplicasWithBehaviors(c, [], KEY, b, 4, 5, 1, 10)
    c.state.now += 15_000
    const conds: HpaCondition[] = []
    const t = normalizeDesiredReplicasWithBehaviors(c, conds, KEY, b, 4, 9, 1, 10)
    expect(t.upRecommendation).toBe(4)
    expect(t.desired).toBe(4)
    expect(cond(conds, 'AbleToScale')).toMatchObject({ reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' })
  })
})
