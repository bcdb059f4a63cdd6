import { describe, expect, it } from 'vitest'
import { flows, packetsSince } from '../../../src/engine/index'
import { flowRate, ledger } from '../../../src/engine/metrics/load'
import { netCluster } from './fixture'

describe('rate-based traffic', () => {
  it('splits a flow evenly over the Service endpoints, as the statistic rules do, and charges them', () => {
    const c = netCluster()
    const r = c.act({ type: 'traffic.set', target: 'svc/default/np', rps: 50 })
    expect(r).toMatchObject({ ok: true })
    expect(r.ok && r.value).toBe('traffic external → svc/default/np: 50 requests/s (default/b 25/s, default/c 25/s)')
    expect(flowRate(c, 'default/b', 'main')).toBe(25)
    expect(flowRate(c, 'default/c', 'main')).toBe(25)
    const [f] = flows(c)
    expect(f).toMatchObject({ from: 'external', target: 'svc/default/np', rps: 50, failingRps: 0 })
  })

  it('samples a couple of requests per second hop by hop, spread over the second', () => {
    const c = netCluster()
    const t0 = c.now
    c.act({ type: 'traffic.set', target: 'svc/default/b', rps: 100, from: 'pod/default/a' })
    c.advance(3_000)
    const sampled = packetsSince(c, t0).filter((p) => p.flow && p.phase === 'request')
    expect(sampled.length).toBe(8) // at set time and at each of the 3 syncs, 2 each
    expect(new Set(sampled.map((p) => p.sentAt)).size).toBe(8)
    expect(sampled.every((p) => p.hops[0].headers.src === c.api.get('pods', 'default', 'a')!.status.podIP)).toBe(true)
  })

  it('ClientIP affinity sends one client to one endpoint', () => {
    const c = netCluster()
    c.act({ type: 'traffic.set', target: 'svc/default/sticky', rps: 10, from: 'pod/default/a' })
    const [f] = flows(c)
    expect(f.targets).toHaveLength(1)
    expect(f.targets[0].rps).toBe(10)
  })

  it('re-splits every second: a partitioned endpoint node makes its share fail', () => {
    const c = netCluster()
    c.act({ type: 'traffic.set', target: 'svc/default/b', rps: 40, from: 'pod/default/a' })
    c.act({ type: 'node.partition', node: 'worker-2' })
    c.advance(1_000)
    const [f] = flows(c)
    expect(f.targets).toEqual([{ pod: 'default/c', container: 'main', rps: 20 }])
    expect(f.failingRps).toBe(20)
    expect(f.why).toContain('cut off from the underlay')
  })

  it('rps 0 stops the flow and clears its load', () => {
    const c = netCluster()
    c.act({ type: 'traffic.set', target: 'svc/default/np', rps: 10 })
    expect(c.act({ type: 'traffic.set', target: 'svc/default/np', rps: 0 })).toMatchObject({ ok: true, value: 'traffic external → svc/default/np stopped' })
    expect(flows(c)).toEqual([])
    expect(Object.keys(ledger(c).flows)).toEqual([])
  })

  it('bad input is refused with a clear message and changes nothing', () => {
    const c = netCluster()
    const hash = c.hash()
    expect(c.act({ type: 'traffic.set', target: 'deploy/x', rps: 1 })).toMatchObject({ ok: false, status: { message: 'invalid traffic target "deploy/x": use svc/NAMESPACE/NAME or pod/NAMESPACE/NAME' } })
    expect(c.act({ type: 'traffic.set', target: 'svc/default/b', rps: -1 })).toMatchObject({ ok: false, status: { message: 'invalid rate -1: requests per second must be a number ≥ 0' } })
    expect(c.act({ type: 'traffic.set', target: 'svc/default/b', rps: 1, from: 'pod/default/nope' })).toMatchObject({ ok: false, status: { message: 'pods "nope" not found' } })
    expect(c.hash()).toBe(hash)
  })

  it('an external client cannot reach a ClusterIP-only Service: the whole rate fails', () => {
    const c = netCluster()
    const r = c.act({ type: 'traffic.set', target: 'svc/default/b', rps: 5, from: 'external' })
    expect(r.ok && r.value).toContain('5/s failing: service default/b has no NodePort')
  })
})
