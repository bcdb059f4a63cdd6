import { describe, expect, it } from 'vitest'
import { cluster, pod } from '../helpers'

const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'kubernetes.io/hostname' }] } }

function message(c: ReturnType<typeof cluster>, name: string): string | undefined {
  return c.api.list('events').find((e) => e.reason === 'FailedScheduling' && (e.involvedObject as { name: string }).name === name)?.message as string | undefined
}

describe('InterPodAffinity', () => {
  it('required anti-affinity puts one replica per node, the third stays Pending', () => {
    const c = cluster()
    for (const n of ['c1', 'c2', 'c3']) {
      c.api.create(pod(n, { affinity: anti }, { app: 'cache' }))
      c.advance(20)
    }
    const nodes = ['c1', 'c2'].map((n) => c.api.get('pods', 'default', n)!.spec.nodeName).sort()
    expect(nodes).toEqual(['worker-1', 'worker-2'])
    expect(c.api.get('pods', 'default', 'c3')!.spec.nodeName).toBeUndefined()
    expect(message(c, 'c3')).toBe("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..")
  })

  it('existing pods’ anti-affinity repels a matching newcomer', () => {
    const c = cluster({ nodes: [{ name: 'only' }] })
    c.api.create(pod('loner', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'noisy' } }, topologyKey: 'kubernetes.io/hostname' }] } } }))
    c.advance(20)
    c.api.create(pod('noisy', {}, { app: 'noisy' }))
    c.advance(20)
    expect(message(c, 'noisy')).toContain("1 node(s) didn't satisfy existing pods anti-affinity rules")
  })

  it('required affinity follows the matching pod; the first of a group may match itself', () => {
    const c = cluster()
    const aff = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } }
    c.api.create(pod('db', { affinity: aff }, { app: 'db' }))
    c.advance(20)
    const dbNode = c.api.get('pods', 'default', 'db')!.spec.nodeName
    expect(dbNode).toMatch(/^worker-/)
    for (const n of ['app1', 'app2']) c.api.create(pod(n, { affinity: aff }))
    c.advance(20)
    expect(c.api.get('pods', 'default', 'app1')!.spec.nodeName).toBe(dbNode)
    expect(c.api.get('pods', 'default', 'app2')!.spec.nodeName).toBe(dbNode)
    c.api.create(pod('lost', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'nothing' } }, topologyKey: 'kubernetes.io/hostname' }] } } }))
    c.advance(20)
    expect(message(c, 'lost')).toContain("2 node(s) didn't match pod affinity rules")
  })

  it('preferred anti-affinity steers away from a matching pod', () => {
    const c = cluster({ nodes: [{ name: 'a' }, { name: 'b' }] })
    c.api.create(pod('first', { nodeName: undefined, nodeSelector: { 'kubernetes.io/hostname': 'a' } }, { app: 'web' }))
    c.advance(20)
    c.api.create(pod('second', { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' } }] } } }))
    c.advance(20)
    expect(c.api.get('pods', 'default', 'second')!.spec.nodeName).toBe('b')
  })
})
