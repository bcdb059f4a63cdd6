import { describe, expect, it } from 'vitest'
import { cluster, pod } from '../helpers'

const spread = (when: string) => ({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: when, labelSelector: { matchLabels: { app: 'web' } } }] })

function message(c: ReturnType<typeof cluster>, name: string): string | undefined {
  return c.api.list('events').find((e) => e.reason === 'FailedScheduling' && (e.involvedObject as { name: string }).name === name)?.message as string | undefined
}

describe('PodTopologySpread (pod constraints)', () => {
  it('DoNotSchedule keeps zones within maxSkew', () => {
    const c = cluster({ nodes: [{ name: 'a1', labels: { zone: 'a' } }, { name: 'a2', labels: { zone: 'a' } }, { name: 'b1', labels: { zone: 'b' } }] })
    for (let i = 0; i < 4; i++) { c.api.create(pod(`w${i}`, spread('DoNotSchedule'), { app: 'web' })); c.advance(20) }
    const zones: Record<string, number> = {}
    for (const p of c.api.list('pods')) {
      const z = p.spec.nodeName === 'b1' ? 'b' : 'a'
      zones[z] = (zones[z] ?? 0) + 1
    }
    expect(zones).toEqual({ a: 2, b: 2 })
  })

  it('a node without the topology key is unresolvable; skew violations are reported', () => {
    const c = cluster({ nodes: [{ name: 'a1', labels: { zone: 'a' }, cpu: '1' }, { name: 'b1', labels: { zone: 'b' } }, { name: 'nolabel' }] })
    c.api.create(pod('w0', { ...spread('DoNotSchedule'), nodeSelector: { zone: 'b' } }, { app: 'web' }))
    c.advance(20)
    c.api.create(pod('w1', { ...spread('DoNotSchedule'), nodeSelector: { zone: 'b' } }, { app: 'web' }))
    c.advance(20)
    // nodeAffinityPolicy Honor: only zone b counts as a domain, so w1 may join it.
    expect(c.api.get('pods', 'default', 'w1')!.spec.nodeName).toBe('b1')
    c.api.create(pod('w2', { ...spread('DoNotSchedule'), containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '2' } } }] }, { app: 'web' }))
    c.advance(20)
    expect(message(c, 'w2')).toBe("0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match pod topology spread constraints, 1 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..")
  })

  it('ScheduleAnyway prefers the emptier zone but never blocks', () => {
    const c = cluster({ nodes: [{ name: 'a1', labels: { zone: 'a' } }, { name: 'b1', labels: { zone: 'b' } }] })
    c.api.create(pod('seed', { nodeSelector: { zone: 'a' } }, { app: 'web' }))
    c.advance(20)
    c.api.create(pod('w', spread('ScheduleAnyway'), { app: 'web' }))
    c.advance(20)
    expect(c.api.get('pods', 'default', 'w')!.spec.nodeName).toBe('b1')
  })
})
