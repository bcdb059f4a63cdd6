// The replica calculator against k8s-fidelity.md §10 golden cases 13–21 (exact numbers) and
// replica_calculator.go's grouping rules.
import { describe, expect, it } from 'vitest'
import { calculatePodRequests, groupPods, podRows, rawResourceReplicas, resourceReplicas, utilizationRatio } from '../../../../src/engine/controlplane/hpa/replicas'
import { NOW, column, input, pod } from './fixtures'

const pods = (n: number, o = {}) => Array.from({ length: n }, (_, i) => pod(`web-${i}`, o))
const each = (n: number, v: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`web-${i}`, v]))

function proposal(current: number, ps: ReturnType<typeof pods>, m: Record<string, number>, target: number) {
  const r = resourceReplicas(input(current, ps, m), target)
  if (!r.ok) throw new Error(r.error)
  return r
}

describe('GetResourceReplicas (golden cases)', () => {
  it('13: 4 pods at 90m of 100m, target 50% → utilization 90, ratio 1.8, ceil(1.8×4) = 8', () => {
    const r = proposal(4, pods(4), each(4, 90), 50)
    expect(r.utilization).toBe(90)
    expect(r.average).toBe(90)
    expect(r.trace.ratio).toBe(1.8)
    expect(r.replicas).toBe(8)
    expect(r.trace.rule).toBe('scale')
  })

  it('15: 1 pod at 500m of 100m → utilization 500, ratio 10, raw 10; next sync with 3 new pods missing metrics → 10 (they count 0%)', () => {
    const first = proposal(1, pods(1), each(1, 500), 50)
    expect([first.utilization, first.trace.ratio, first.replicas]).toEqual([500, 10, 10])
    const second = proposal(4, pods(4), { 'web-0': 500 }, 50)
    expect(second.trace.newUtilization).toBe(125) // 500×100/400
    expect(second.trace.newRatio).toBe(2.5)
    expect(second.replicas).toBe(10) // ceil(2.5×4); the scale-up limit makes it 8 (normalize.test.ts)
    expect(podRows(second.trace.pods).filter((p) => p.group === 'missing').map((p) => p.assumed)).toEqual([0, 0, 0])
  })

  it('16: tolerance boundary: 55m → ratio 1.1 scales to ceil(4.4) = 5; 45m → 0.9 stays 4', () => {
    const up = proposal(4, pods(4), each(4, 55), 50)
    expect(Math.abs(1 - up.trace.ratio!)).toBeGreaterThan(0.1) // 0.10000000000000009
    expect(up.replicas).toBe(5)
    const down = proposal(4, pods(4), each(4, 45), 50)
    expect(Math.abs(1 - down.trace.ratio!)).toBeLessThanOrEqual(0.1) // 0.09999999999999998
    expect(down.replicas).toBe(4)
    expect(down.trace.rule).toBe('tolerance')
  })

  it('17: integer utilization: 52m+52m+51m over 300m → 51 (not 51.67), ratio 1.02, no change', () => {
    const r = proposal(3, pods(3), { 'web-0': 52, 'web-1': 52, 'web-2': 51 }, 50)
    expect(r.utilization).toBe(51)
    expect(r.trace.ratio).toBe(1.02)
    expect(r.replicas).toBe(3)
  })

  it('18: 2 ready pods at 100m + 2 Pending → ratio 2.0, but pending count 0 → 50% → ratio 1.0 → stays 4', () => {
    const ps = [pod('web-0'), pod('web-1'), pod('web-2', { phase: 'Pending' }), pod('web-3', { phase: 'Pending' })]
    const r = proposal(4, ps, { 'web-0': 100, 'web-1': 100 }, 50)
    expect(r.utilization).toBe(100)
    expect(r.trace.ratio).toBe(2)
    expect(r.trace.newUtilization).toBe(50)
    expect(r.trace.newRatio).toBe(1)
    expect(r.replicas).toBe(4)
    expect(r.trace.rule).toBe('tolerance-after-fill')
  })

  it('19: scale-down with a pod missing metrics: it counts as 100% → (30+100)×100/400 = 32 → ratio 0.64 → ceil(2.56) = 3', () => {
    const r = proposal(4, pods(4), { 'web-0': 10, 'web-1': 10, 'web-2': 10 }, 50)
    expect(r.utilization).toBe(10)
    expect(r.trace.ratio).toBe(0.2)
    expect(r.trace.newUtilization).toBe(32)
    expect(r.trace.newRatio).toBe(0.64)
    expect(r.replicas).toBe(3)
    expect(podRows(r.trace.pods).find((p) => p.name === 'web-3')?.assumed).toBe(100)
  })

  it('missing pods on a scale-down count as the target when it is above 100%', () => {
    const r = proposal(2, pods(2, { request: '100m' }), { 'web-0': 20 }, 150)
    expect(podRows(r.trace.pods).find((p) => p.name === 'web-1')?.assumed).toBe(150)
  })

  it('21: a container without a CPU request → "missing request for cpu in container app of Pod …"', () => {
    const r = resourceReplicas(input(2, [pod('web-7c5ddbdf54-x8k2p', { request: null })], { 'web-7c5ddbdf54-x8k2p': 10 }), 50)
    expect(r).toMatchObject({ ok: false, error: 'missing request for cpu in container app of Pod web-7c5ddbdf54-x8k2p' })
  })

  it('only unready pods → "did not receive metrics for targeted pods (pods might be unready)"', () => {
    const r = resourceReplicas(input(2, [pod('a', { phase: 'Pending' })], {}), 50)
    expect(r).toEqual({ ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' })
    expect(resourceReplicas(input(2, [], {}), 50)).toEqual({ ok: false, error: 'no pods returned by selector while calculating replica count' })
  })

  it('requests of 0 → "no metrics returned matched known pods"', () => {
    expect(utilizationRatio({ metrics: 5, requests: 0, entries: 1 }, 50)).toEqual({ ok: false, error: 'no metrics returned matched known pods' })
  })

  it('a direction flip after filling keeps the current count', () => {
    // Scale-up by ratio, but missing pods at 0 bring the average below target.
    const r = proposal(4, pods(4), { 'web-0': 60 }, 50)
    expect(r.trace.ratio).toBe(1.2)
    expect(r.trace.newRatio).toBe(0.3)
    expect(r.replicas).toBe(4)
    expect(r.trace.rule).toBe('direction-flip')
  })
})

describe('groupPods', () => {
  const m = { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 }
  it('deleted and failed pods are ignored, pending unready, no metric missing', () => {
    const ps = [pod('a', { deleted: true }), pod('b', { phase: 'Failed' }), pod('c', { phase: 'Pending' }), pod('z')]
    const g = groupPods(NOW, ps, column(ps, m), 'cpu')
    expect(g.letters).toBe('iium')
    expect([g.readyPodCount, g.unready, g.missing]).toEqual([0, 1, 1])
  })
  it('CPU, within the 5-minute initialisation: unready while not Ready or until a full window since it became ready', () => {
    const young = { startedAgo: 60_000 }
    const ps = [pod('a', { ...young, ready: false }), pod('b', { ...young, readyAgo: 12_000 }), pod('c', { ...young, readyAgo: 30_000 })]
    const g = groupPods(NOW, ps, column(ps, m), 'cpu')
    // b: ready 12 s ago, metric taken 5 s ago with a 15 s window → 5 < 12−15… the metric starts before readiness.
    expect(g.letters).toBe('uur')
  })
  it('CPU, after the initialisation period: unready only if it never became ready within 30 s of start', () => {
    const old = { startedAgo: 900_000 }
    const ps = [pod('a', { ...old, ready: false, readyAgo: 880_000 }), pod('b', { ...old, ready: false, readyAgo: 100_000 })]
    const g = groupPods(NOW, ps, column(ps, m), 'cpu')
    expect(g.letters).toBe('ur')
  })
  it('memory ignores readiness', () => {
    const ps = [pod('a', { ready: false, startedAgo: 10_000 })]
    expect(groupPods(NOW, ps, column(ps, m), 'memory').letters).toBe('r')
  })
})

describe('calculatePodRequests and AverageValue targets', () => {
  it('sums app containers and sidecars (restartable init containers), in milli-units', () => {
    const p = pod('a')
    p.spec.containers.push({ name: 'b', resources: { requests: { cpu: '0.25' } } })
    p.spec.initContainers = [{ name: 'side', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } }, { name: 'init', resources: {} }]
    expect(calculatePodRequests([p], '', 'cpu')).toEqual({ ok: true, requests: [400] })
    expect(calculatePodRequests([p], 'b', 'cpu')).toEqual({ ok: true, requests: [250] })
  })
  it('AverageValue: average per pod against the target value; a missing pod counts as the target on a scale-down', () => {
    const r = rawResourceReplicas(input(3, pods(3), { 'web-0': 20, 'web-1': 40 }), 100)
    if (!r.ok) throw new Error(r.error)
    expect(r.average).toBe(30)
    expect(r.trace.ratio).toBe(0.3)
    expect(podRows(r.trace.pods).find((p) => p.name === 'web-2')?.assumed).toBe(100)
    expect(r.replicas).toBe(2) // int((20+40+100)/3) = 53 → ratio 0.53 → ceil(0.53×3) = 2
  })
})
