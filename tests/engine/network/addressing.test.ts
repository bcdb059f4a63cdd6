import { describe, expect, it } from 'vitest'
import { nodeNetwork } from '../../../src/engine/index'
import { podIndex, topology, vtepMacOf } from '../../../src/engine/network/topology'
import { netCluster } from './fixture'

describe('addressing: nodes, pod subnets, flannel leases, pod IPs', () => {
  it('nodes sit on 192.168.56.0/24 with podCIDR 10.244.N.0/24 in creation order', () => {
    const c = netCluster()
    const t = topology(c)
    expect(t.nodes.map((n) => [n.name, n.ip, n.podCIDR, n.cni0, n.vtep])).toEqual([
      ['control-plane', '192.168.56.10', '10.244.0.0/24', '10.244.0.1', '10.244.0.0'],
      ['worker-1', '192.168.56.11', '10.244.1.0/24', '10.244.1.1', '10.244.1.0'],
      ['worker-2', '192.168.56.12', '10.244.2.0/24', '10.244.2.1', '10.244.2.0'],
    ])
  })

  it('flanneld publishes its lease as node annotations (kube subnet manager)', () => {
    const c = netCluster()
    const ann = c.api.get('nodes', undefined, 'worker-1')!.metadata.annotations
    expect(ann).toMatchObject({
      'flannel.alpha.coreos.com/backend-type': 'vxlan',
      'flannel.alpha.coreos.com/backend-data': JSON.stringify({ VNI: 1, VtepMAC: vtepMacOf('worker-1') }),
      'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
      'flannel.alpha.coreos.com/public-ip': '192.168.56.11',
    })
    expect(vtepMacOf('worker-1')).toMatch(/^[0-9a-f][26ae](:[0-9a-f]{2}){5}$/)
    expect(netCluster('host-gw').api.get('nodes', undefined, 'worker-2')!.metadata.annotations?.['flannel.alpha.coreos.com/backend-data']).toBe('null')
  })

  it('subnet.env says what flanneld leased (first usable address, MTU per backend, ip-masq)', () => {
    expect(nodeNetwork(netCluster(), 'worker-1')!.subnetEnv).toBe('FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n')
    expect(nodeNetwork(netCluster('host-gw'), 'worker-2')!.subnetEnv).toContain('FLANNEL_SUBNET=10.244.2.1/24\nFLANNEL_MTU=1500')
    expect(nodeNetwork(netCluster('udp'), 'worker-2')!.subnetEnv).toContain('FLANNEL_MTU=1472')
  })

  it('pods get addresses from their node subnet, each with a veth on cni0; deleting a pod removes its veth', () => {
    const c = netCluster()
    const w1 = podIndex(c).byNode['worker-1'].map((p) => p.ip)
    expect(w1.length).toBeGreaterThanOrEqual(3)
    for (const ip of w1) expect(ip).toMatch(/^10\.244\.1\.([2-9]|\d\d+)$/)
    const a = podIndex(c).byKey['default/a']
    const veth = nodeNetwork(c, 'worker-1')!.veths.find((d) => d.name === a.veth)!
    expect(veth).toMatchObject({ kind: 'veth', master: 'cni0', mtu: 1450, peer: { pod: 'default/a', ifname: 'eth0', ip: a.ip } })
    expect(a.veth).toMatch(/^veth[0-9a-f]{8}$/)
    c.api.delete('pods', 'default', 'a', { gracePeriodSeconds: 0 })
    c.advance(5_000)
    expect(nodeNetwork(c, 'worker-1')!.veths.some((d) => d.name === a.veth)).toBe(false)
    expect(podIndex(c).byIP[a.ip]).toBeUndefined()
  })
})
