import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../../../../src/engine/index'
import { servicePorts } from '../../../../src/engine/network/kubeproxy/service-ports'
import { kubeProxyTables } from '../../../../src/engine/network/kubeproxy/sync'
import { saveTable } from '../../../../src/engine/network/kubeproxy/save'
import { serviceChains, endpointChain } from '../../../../src/engine/network/kubeproxy/names'

type Json = any

function cluster(): Cluster {
  return createCluster({ settle: false })
}

function service(c: Cluster, name: string, spec: Json): void {
  const r = c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ port: 80 }], ...spec } })
  if (!r.ok) throw new Error(r.status.message)
}

function slice(c: Cluster, svc: string, eps: { ip: string; node?: string; ready?: boolean; serving?: boolean; terminating?: boolean }[], port = 80, portName = ''): void {
  const r = c.api.create({
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: `${svc}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4', ports: [{ name: portName, port, protocol: 'TCP' }],
    endpoints: eps.map((e) => ({ addresses: [e.ip], nodeName: e.node ?? 'worker-1', conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false } })),
  })
  if (!r.ok) throw new Error(r.status.message)
}

/** The nat and filter text kube-proxy writes on `node` for the default/`svc` Service only. */
function rules(c: Cluster, svc: string, node = 'worker-1'): { nat: string[]; filter: string[] } {
  const t = kubeProxyTables(servicePorts(c).filter((p) => p.name === svc), node)
  const lines = (text: string) => text.split('\n').filter((l) => l.startsWith('-A') && !/^-A (PREROUTING|OUTPUT|POSTROUTING|INPUT|FORWARD|KUBE-POSTROUTING|KUBE-MARK-MASQ|KUBE-FORWARD|KUBE-FIREWALL) /.test(l) && !l.includes('kubernetes service nodeports'))
  return { nat: lines(saveTable(t.nat, 0)), filter: lines(saveTable(t.filter, 0)) }
}

describe('kube-proxy iptables rules (proxier.go syncProxyRules)', () => {
  it('a ClusterIP Service with three endpoints: cluster IP jump, masquerade off-cluster sources, statistic split, SEP DNAT + hairpin', () => {
    const c = cluster()
    service(c, 'web', { clusterIP: '10.102.44.17' })
    slice(c, 'web', [{ ip: '10.244.2.2' }, { ip: '10.244.1.3' }, { ip: '10.244.1.2' }])
    const svc = serviceChains('default/web', 'TCP').svc
    const sep = (ep: string) => endpointChain('default/web', 'TCP', ep)
    const nat = rules(c, 'web').nat
    const expected = [
      `-A ${sep('10.244.1.2:80')} -s 10.244.1.2/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ`,
      `-A ${sep('10.244.1.2:80')} -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.1.2:80`,
      `-A ${sep('10.244.1.3:80')} -s 10.244.1.3/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ`,
      `-A ${sep('10.244.1.3:80')} -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.1.3:80`,
      `-A ${sep('10.244.2.2:80')} -s 10.244.2.2/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ`,
      `-A ${sep('10.244.2.2:80')} -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.2.2:80`,
      `-A KUBE-SERVICES -d 10.102.44.17/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j ${svc}`,
      `-A ${svc} ! -s 10.244.0.0/16 -d 10.102.44.17/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ`,
      `-A ${svc} -m comment --comment "default/web -> 10.244.1.2:80" -m statistic --mode random --probability 0.33333333349 -j ${sep('10.244.1.2:80')}`,
      `-A ${svc} -m comment --comment "default/web -> 10.244.1.3:80" -m statistic --mode random --probability 0.50000000000 -j ${sep('10.244.1.3:80')}`,
      `-A ${svc} -m comment --comment "default/web -> 10.244.2.2:80" -j ${sep('10.244.2.2:80')}`,
    ]
    expect([...nat].sort()).toEqual([...expected].sort())
    // Within the service chain the order decides: masquerade check, then the statistic ladder.
    expect(nat.filter((l) => l.startsWith(`-A ${svc} `))).toEqual(expected.filter((l) => l.startsWith(`-A ${svc} `)))
  })

  it('orders endpoints by their "ip:port" string, as kube-proxy sorts them', () => {
    const c = cluster()
    service(c, 'web', { clusterIP: '10.102.44.17' })
    slice(c, 'web', [{ ip: '10.244.1.2' }, { ip: '10.244.1.10' }])
    const order = rules(c, 'web').nat.filter((l) => l.includes(' -> ')).map((l) => /-> ([\d.:]+)/.exec(l)![1])
    expect(order).toEqual(['10.244.1.10:80', '10.244.1.2:80'])
  })

  it('no ready endpoints: no nat rules, a REJECT in filter KUBE-SERVICES (and KUBE-EXTERNAL-SERVICES for the NodePort)', () => {
    const c = cluster()
    service(c, 'web', { clusterIP: '10.102.44.17', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })
    slice(c, 'web', [{ ip: '10.244.1.2', ready: false, serving: false }])
    const r = rules(c, 'web')
    expect(r.nat).toEqual([])
    expect(r.filter).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-SERVICES -d 10.102.44.17/32 -p tcp -m comment --comment "default/web has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    ])
  })

  it('falls back to serving+terminating endpoints when none is ready (KEP-1669)', () => {
    const c = cluster()
    service(c, 'web', { clusterIP: '10.102.44.17' })
    slice(c, 'web', [{ ip: '10.244.1.2', ready: false, serving: true, terminating: true }, { ip: '10.244.1.3', ready: false, serving: false, terminating: true }])
    const dnat = rules(c, 'web').nat.filter((l) => l.includes('DNAT'))
    expect(dnat).toEqual([expect.stringContaining('--to-destination 10.244.1.2:80')])
  })

  it('NodePort: KUBE-NODEPORTS → KUBE-EXT (mark for masquerade) → KUBE-SVC', () => {
    const c = cluster()
    service(c, 'web', { clusterIP: '10.102.44.17', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })
    slice(c, 'web', [{ ip: '10.244.1.2' }])
    const ch = serviceChains('default/web', 'TCP')
    const nat = rules(c, 'web').nat
    expect(nat).toContain(`-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 30080 -j ${ch.ext}`)
    expect(nat).toContain(`-A ${ch.ext} -m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ`)
    expect(nat).toContain(`-A ${ch.ext} -j ${ch.svc}`)
  })

  it('externalTrafficPolicy Local: KUBE-SVL with the local endpoints only; nodes without one drop external traffic', () => {
    const c = cluster()
    service(c, 'web', { clusterIP: '10.102.44.17', type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 30080 }] })
    slice(c, 'web', [{ ip: '10.244.1.2', node: 'worker-1' }, { ip: '10.244.2.2', node: 'worker-2' }])
    const ch = serviceChains('default/web', 'TCP')
    const w1 = rules(c, 'web', 'worker-1')
    expect(w1.nat).toContain(`-A ${ch.ext} -j ${ch.svl}`)
    expect(w1.nat.filter((l) => l.startsWith(`-A ${ch.svl}`))).toEqual([`-A ${ch.svl} -m comment --comment "default/web -> 10.244.1.2:80" -j ${endpointChain('default/web', 'TCP', '10.244.1.2:80')}`])
    const cp = rules(c, 'web', 'control-plane')
    expect(cp.nat.some((l) => l.startsWith(`-A ${ch.svl}`))).toBe(false)
    expect(cp.filter).toEqual(['-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP'])
  })

  it('sessionAffinity ClientIP: recent --rcheck rules before the statistic ones, recent --set on the DNAT', () => {
    const c = cluster()
    service(c, 'web', { clusterIP: '10.102.44.17', sessionAffinity: 'ClientIP' })
    slice(c, 'web', [{ ip: '10.244.1.2' }, { ip: '10.244.1.3' }])
    const ch = serviceChains('default/web', 'TCP')
    const a = endpointChain('default/web', 'TCP', '10.244.1.2:80')
    const nat = rules(c, 'web').nat
    const svcRules = nat.filter((l) => l.startsWith(`-A ${ch.svc} -m`))
    expect(svcRules[0]).toBe(`-A ${ch.svc} -m comment --comment "default/web -> 10.244.1.2:80" -m recent --rcheck --seconds 10800 --reap --name ${a} --mask 255.255.255.255 --rsource -j ${a}`)
    expect(svcRules[2]).toContain('-m statistic --mode random --probability 0.50000000000')
    expect(nat).toContain(`-A ${a} -p tcp -m comment --comment "default/web" -m recent --set --name ${a} --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.1.2:80`)
  })

  it('headless and ExternalName Services get no rules', () => {
    const c = cluster()
    service(c, 'hl', { clusterIP: 'None' })
    slice(c, 'hl', [{ ip: '10.244.1.2' }])
    service(c, 'en', { type: 'ExternalName', externalName: 'example.com', ports: undefined })
    expect(servicePorts(c).filter((p) => p.name === 'hl' || p.name === 'en')).toEqual([])
  })

  it('a named port is part of the service port name', () => {
    const c = cluster()
    service(c, 'web', { clusterIP: '10.102.44.17', ports: [{ name: 'http', port: 80 }] })
    slice(c, 'web', [{ ip: '10.244.1.2' }], 80, 'http')
    const nat = rules(c, 'web').nat
    expect(nat).toContain(`-A KUBE-SERVICES -d 10.102.44.17/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j ${serviceChains('default/web:http', 'TCP').svc}`)
  })
})
