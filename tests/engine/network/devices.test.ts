import { describe, expect, it } from 'vitest'
import { nodeNetwork } from '../../../src/engine/index'
import { netCluster } from './fixture'

const routes = (c: ReturnType<typeof netCluster>, node: string) => nodeNetwork(c, node)!.routes.map((r) => r.text)

describe('per-node devices and tables', () => {
  it('vxlan: flannel.1 VTEP (VNI 1, UDP 8472, MTU 1450), onlink routes via each remote VTEP, ARP + FDB entries', () => {
    const c = netCluster()
    const n = nodeNetwork(c, 'worker-1')!
    expect(routes(c, 'worker-1')).toEqual([
      'default via 192.168.56.1 dev eth0',
      '10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink',
      '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
      '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
      '192.168.56.0/24 dev eth0 proto kernel scope link src 192.168.56.11',
    ])
    expect(n.devices.find((d) => d.name === 'flannel.1')).toMatchObject({ kind: 'vxlan', mtu: 1450, state: 'UP', addresses: ['10.244.1.0/32'], vxlan: { vni: 1, port: 8472, local: '192.168.56.11', dev: 'eth0' } })
    expect(n.devices.find((d) => d.name === 'cni0')).toMatchObject({ kind: 'bridge', addresses: ['10.244.1.1/24'] })
    expect(n.devices.find((d) => d.name === 'eth0')).toMatchObject({ addresses: ['192.168.56.11/24'], mac: expect.stringMatching(/^08:00:27:/) })
    const w2mac = nodeNetwork(c, 'worker-2')!.devices.find((d) => d.name === 'flannel.1')!.mac
    expect(n.neigh.map((x) => x.text)).toContain(`10.244.2.0 dev flannel.1 lladdr ${w2mac} PERMANENT`)
    expect(n.fdb.map((x) => x.text)).toContain(`${w2mac} dev flannel.1 dst 192.168.56.12 self permanent`)
    expect(n.fdb).toHaveLength(2)
  })

  it('host-gw: direct routes via the other nodes, no tunnel device', () => {
    const c = netCluster('host-gw')
    expect(routes(c, 'worker-2')).toContain('10.244.1.0/24 via 192.168.56.11 dev eth0')
    expect(nodeNetwork(c, 'worker-2')!.devices.some((d) => d.kind === 'vxlan' || d.kind === 'tun')).toBe(false)
    expect(nodeNetwork(c, 'worker-2')!.fdb).toEqual([])
  })

  it('udp: the flannel0 TUN device and one route for the whole pod network', () => {
    const c = netCluster('udp')
    expect(routes(c, 'worker-2')).toContain('10.244.0.0/16 dev flannel0')
    expect(nodeNetwork(c, 'worker-2')!.devices.find((d) => d.name === 'flannel0')).toMatchObject({ kind: 'tun', mtu: 1472, addresses: ['10.244.2.0/32'] })
  })

  it('stopping flanneld takes its device down and the routes through it with it', () => {
    const c = netCluster()
    expect(c.act({ type: 'flannel.stop', node: 'worker-1' })).toMatchObject({ ok: true })
    const n = nodeNetwork(c, 'worker-1')!
    expect(n.devices.find((d) => d.name === 'flannel.1')!.state).toBe('DOWN')
    expect(n.routes.some((r) => r.dev === 'flannel.1')).toBe(false)
    c.act({ type: 'flannel.start', node: 'worker-1' })
    expect(nodeNetwork(c, 'worker-1')!.routes.filter((r) => r.dev === 'flannel.1')).toHaveLength(2)
  })

  it('an unknown node has no network', () => {
    expect(nodeNetwork(netCluster(), 'nope')).toBeUndefined()
  })
})
