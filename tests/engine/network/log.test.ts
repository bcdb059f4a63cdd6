import { describe, expect, it } from 'vitest'
import { iptablesSave, nodeNetwork, packetById, packetsSince, traceConnection, RING_SIZE } from '../../../src/engine/index'
import { PROBES_PER_SECOND, RECORD_PER_SECOND } from '../../../src/engine/network/packet/log'
import { podNetwork } from '../../../src/engine/network/types'
import { fromPod, netCluster, podIP } from './fixture'

describe('the packet record', () => {
  it('keeps the last RING_SIZE packets; ids are unique and found by id', () => {
    const c = netCluster()
    for (let i = 0; i < 300; i++) traceConnection(c, 'pod/a', 'pod/c', { port: 80 })
    const all = packetsSince(c, 0)
    expect(all).toHaveLength(RING_SIZE)
    expect(new Set(all.map((p) => p.id)).size).toBe(RING_SIZE)
    const last = all.at(-1)!
    expect(packetById(c, last.id)).toBe(last)
    expect(packetById(c, 'p1')).toBeUndefined()
  })

  it('packetsSince returns what still travels at or after a sim time', () => {
    const c = netCluster()
    c.advance(1_000)
    const t = c.now
    traceConnection(c, 'pod/a', 'pod/b', { port: 80 })
    const recent = packetsSince(c, t)
    expect(recent.length).toBeGreaterThanOrEqual(2)
    expect(recent.every((p) => p.arriveAt >= t)).toBe(true)
    expect(packetsSince(c, t + 1_000_000)).toEqual([])
  })

  it('records at most RECORD_PER_SECOND exchanges per sim second in full (the rest are only counted)', () => {
    const c = netCluster()
    c.advance(1_000)
    const t = c.now
    const from = fromPod(c, 'client')
    for (let i = 0; i < 3 * RECORD_PER_SECOND; i++) podNetwork().http(c, from, `http://${podIP(c, 'a')}/`)
    expect(packetsSince(c, t).filter((p) => p.kind === 'http' && p.phase === 'request')).toHaveLength(RECORD_PER_SECOND)
    c.advance(1_000)
    podNetwork().http(c, from, `http://${podIP(c, 'a')}/`)
    expect(packetsSince(c, t).filter((p) => p.kind === 'http' && p.phase === 'request')).toHaveLength(RECORD_PER_SECOND + 1)
  })

  it('kubelet probes (a pod without a container: the kubelet probing it) get a smaller share, from the node', () => {
    const c = netCluster()
    c.advance(1_000)
    const t = c.now
    const a = c.api.get('pods', 'default', 'a')!
    for (let i = 0; i < 10; i++) expect(podNetwork().http(c, { pod: a, node: 'worker-1' }, `http://${podIP(c, 'a')}/`)).toMatchObject({ ok: true, status: 200 })
    const probes = packetsSince(c, t).filter((p) => p.kind === 'probe' && p.phase === 'request')
    expect(probes).toHaveLength(PROBES_PER_SECOND)
    expect(probes[0].from).toBe('node/worker-1')
    expect(probes[0].hops[0]).toMatchObject({ element: 'host', headers: { src: '10.244.1.1' } })
  })

  it('reading views does not change the cluster state', () => {
    const c = netCluster()
    const h = c.hash()
    packetsSince(c, 0)
    nodeNetwork(c, 'worker-1')
    iptablesSave(c, 'worker-2', 'filter')
    expect(c.hash()).toBe(h)
  })
})
