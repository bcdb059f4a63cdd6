import { describe, expect, it } from 'vitest'
import { cluster, events, pod, run } from '../helpers'

const req = (cpu: string) => ({ containers: [{ name: 'a', image: 'x', resources: { requests: { cpu } } }] })

describe('DefaultPreemption', () => {
  it('a high-priority pod evicts the lower-priority pod and then binds on that node', () => {
    const c = cluster({ nodes: [{ name: 'n', cpu: '1' }] })
    c.api.create(pod('low', { ...req('800m'), priority: 0 }))
    run(c, 200)
    c.api.create(pod('high', { ...req('800m'), priority: 1000 }))
    c.advance(20)
    const pre = events(c, 'Preempted')
    expect(pre).toHaveLength(1)
    const high = c.api.get('pods', 'default', 'high')!
    expect(pre[0].message).toBe(`Preempted by pod ${high.metadata.uid} on node n`)
    expect(high.status.nominatedNodeName).toBe('n')
    expect(c.api.list('events').find((e) => e.reason === 'FailedScheduling')!.message).toBe('0/1 nodes are available: 1 Insufficient cpu.')
    run(c, 500) // the fake kubelet finishes the victim
    expect(c.api.get('pods', 'default', 'low')).toBeUndefined()
    const bound = c.api.get('pods', 'default', 'high')!
    expect(bound.spec.nodeName).toBe('n')
    expect(bound.status.nominatedNodeName).toBeUndefined()
  })

  it('equal priority finds no victims; preemptionPolicy Never is not eligible', () => {
    const c = cluster({ nodes: [{ name: 'n', cpu: '1' }] })
    c.api.create(pod('a', req('800m')))
    c.advance(20)
    c.api.create(pod('b', req('800m')))
    c.api.create(pod('never', { ...req('800m'), priority: 1000, preemptionPolicy: 'Never' }))
    c.advance(20)
    const msg = (n: string) => c.api.list('events').find((e) => e.reason === 'FailedScheduling' && (e.involvedObject as { name: string }).name === n)?.message
    expect(msg('b')).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..')
    expect(msg('never')).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.')
    expect(c.api.get('pods', 'default', 'a')).toBeDefined()
  })
})
