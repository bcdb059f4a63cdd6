import { describe, expect, it } from 'vitest'
import { traceConnection, type Hop, type Trace } from '../../../src/engine/index'
import { podNetwork } from '../../../src/engine/network/types'
import { servedTotal } from '../../../src/engine/metrics/load'
import { clusterIP, fromPod, netCluster, podIP } from './fixture'

function trace(c: ReturnType<typeof netCluster>, src: string, dst: string, port?: number): Trace {
  const r = traceConnection(c, src, dst, { port })
  if (!r.ok) throw new Error(r.status.message)
  return r.value
}

const elements = (hops: Hop[]) => hops.map((h) => (h.node ? `${h.node}/${h.element}` : h.element))
const request = (t: Trace) => t.packets[0]
const response = (t: Trace) => t.packets[1]

describe('packets hop by hop', () => {
  it('same node: pod eth0 → veth → cni0 (bridged) → veth → pod; never flannel.1', () => {
    const c = netCluster()
    const t = trace(c, 'pod/a', 'pod/c', 80)
    expect(t.outcome).toBe('delivered')
    const el = elements(request(t).hops)
    expect(el[0]).toBe('worker-1/eth0')
    expect(el).toContain('worker-1/cni0')
    expect(el.some((e) => e.includes('flannel') || e === 'underlay')).toBe(false)
    expect(request(t).hops.every((h) => !h.outer)).toBe(true)
    expect(request(t).hops.at(-1)).toMatchObject({ pod: 'default/c', headers: { dst: podIP(c, 'c'), dport: 80, ttl: 64 } })
  })

  it('across nodes (vxlan): flannel.1 wraps the unchanged inner packet in outer IP/UDP 8472/VNI 1 between the node IPs', () => {
    const c = netCluster()
    const t = trace(c, 'pod/a', 'pod/b', 80)
    expect(t.outcome).toBe('delivered')
    const hops = request(t).hops
    const encap = hops.findIndex((h) => h.change?.startsWith('VXLAN encap'))
    const decap = hops.findIndex((h) => h.change?.startsWith('VXLAN decap'))
    expect(hops[encap]).toMatchObject({ node: 'worker-1', element: 'flannel.1', change: 'VXLAN encap VNI 1 192.168.56.11 → 192.168.56.12:8472' })
    for (const h of hops.slice(encap, decap)) {
      expect(h.outer).toMatchObject({ kind: 'vxlan', src: '192.168.56.11', dst: '192.168.56.12', dport: 8472, vni: 1 })
      expect(h.headers).toMatchObject({ src: podIP(c, 'a'), dst: podIP(c, 'b'), dport: 80 })
    }
    expect(hops.slice(encap, decap).map((h) => h.element)).toEqual(['flannel.1', 'eth0', 'underlay', 'eth0'])
    expect(hops[decap]).toMatchObject({ node: 'worker-2', element: 'flannel.1', outer: undefined })
    expect(hops.at(-1)).toMatchObject({ pod: 'default/b', headers: { ttl: 62 } })
    expect(hops[encap].outer!.sport).toBeGreaterThanOrEqual(32768)
    // Send/arrive times increase along the path; the wire dominates.
    for (let i = 1; i < hops.length; i++) expect(hops[i].at).toBeGreaterThanOrEqual(hops[i - 1].done)
    expect(response(t).outcome).toBe('delivered')
  })

  it('through a ClusterIP: DNAT picks an endpoint via KUBE-SEP, conntrack restores the Service address on the way back', () => {
    const c = netCluster()
    const vip = clusterIP(c, 'b')
    const t = trace(c, 'pod/a', 'svc/b')
    const dnat = request(t).hops.find((h) => h.change?.startsWith('DNAT'))!
    expect(dnat.node).toBe('worker-1')
    expect(dnat.change).toMatch(new RegExp(`^DNAT ${vip.replace(/\./g, '\\.')}:80 → 10\\.244\\.[12]\\.\\d+:80 via KUBE-SEP-[A-Z2-7]{16} \\((p=0\\.50000000000|last rule)\\)$`))
    expect(dnat.rule).toMatch(/^-A KUBE-SEP-\S+ -p tcp -m comment --comment "default\/b" -m tcp -j DNAT --to-destination 10\.244\.\d+\.\d+:80$/)
    const back = response(t).hops
    expect(back[0].headers.src).not.toBe(vip)
    expect(back.at(-1)!.headers).toMatchObject({ src: vip, sport: 80, dst: podIP(c, 'a') })
    expect(back.some((h) => h.change?.startsWith('un-DNAT'))).toBe(true)
  })

  it('NodePort from outside: KUBE-NODEPORTS → KUBE-EXT marks it, MASQUERADE hides the client, the reply goes back out', () => {
    const c = netCluster()
    const t = trace(c, 'external', 'svc/np')
    expect(t.dst).toMatchObject({ ip: '192.168.56.11', port: 30080 })
    expect(t.outcome).toBe('delivered')
    const hops = request(t).hops
    expect(hops[0]).toMatchObject({ element: 'client', headers: { src: '203.0.113.10' } })
    const masq = hops.find((h) => h.change?.startsWith('MASQUERADE'))!
    expect(masq.rule).toBe('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully')
    expect(['10.244.1.1', '10.244.1.0']).toContain(masq.headers.src)
    expect(response(t).hops.at(-1)).toMatchObject({ element: 'client', headers: { src: '192.168.56.11', sport: 30080, dst: '203.0.113.10' } })
  })

  it('pod → outside: flannel masquerades it to the node address; nothing answers in the simulation', () => {
    const c = netCluster()
    const t = trace(c, 'pod/a', '93.184.216.34', 80)
    const masq = request(t).hops.find((h) => h.change?.startsWith('MASQUERADE'))!
    expect(masq.rule).toBe('-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully')
    expect(masq.headers.src).toBe('192.168.56.11')
    expect(t.outcome).toBe('timeout')
  })

  it('a Service without endpoints: filter KUBE-SERVICES REJECTs on the client node (connection refused)', () => {
    const c = netCluster()
    const t = trace(c, 'pod/a', 'svc/empty')
    expect(t.outcome).toBe('refused')
    const last = request(t).hops.at(-1)!
    expect(last).toMatchObject({ node: 'worker-1', element: 'FORWARD' })
    expect(last.rule).toBe(`-A KUBE-SERVICES -d ${clusterIP(c, 'empty')}/32 -p tcp -m comment --comment "default/empty has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable`)
    expect(t.packets).toHaveLength(1)
  })

  it('a port nothing listens on: the pod kernel answers RST (refused)', () => {
    const t = trace(netCluster(), 'pod/a', 'pod/b', 81)
    expect(t.outcome).toBe('refused')
    expect(response(t)).toMatchObject({ phase: 'rst', label: 'RST', outcome: 'delivered' })
  })

  it('a partitioned node: packets to it are lost (timeout); same-node traffic elsewhere is fine', () => {
    const c = netCluster()
    c.act({ type: 'node.partition', node: 'worker-2' })
    const t = trace(c, 'pod/a', 'pod/b', 80)
    expect(t.outcome).toBe('timeout')
    expect(t.why).toContain('worker-2 is cut off from the underlay')
    expect(trace(c, 'pod/a', 'pod/c', 80).outcome).toBe('delivered')
  })

  it('host-gw: no encapsulation, the route points at the other node', () => {
    const t = trace(netCluster('host-gw'), 'pod/a', 'pod/b', 80)
    expect(t.outcome).toBe('delivered')
    expect(request(t).hops.every((h) => !h.outer)).toBe(true)
    expect(request(t).hops.find((h) => h.element === 'routing')!.note).toContain('10.244.2.0/24 via 192.168.56.12 dev eth0')
  })

  it('udp backend: flanneld carries the packet in UDP 8285 through flannel0', () => {
    const t = trace(netCluster('udp'), 'pod/a', 'pod/b', 80)
    expect(t.outcome).toBe('delivered')
    expect(request(t).hops.find((h) => h.outer)!.outer).toMatchObject({ kind: 'udp', sport: 8285, dport: 8285, src: '192.168.56.11', dst: '192.168.56.12' })
    expect(elements(request(t).hops)).toContain('worker-1/flannel0')
  })

  it('a stopped flanneld cuts cross-node traffic to and from its node, not same-node traffic', () => {
    const c = netCluster()
    c.act({ type: 'flannel.stop', node: 'worker-2' })
    expect(trace(c, 'pod/a', 'pod/b', 80).outcome).toBe('timeout')
    expect(trace(c, 'pod/b', 'pod/a', 80).outcome).toBe('timeout')
    expect(trace(c, 'pod/a', 'pod/c', 80).outcome).toBe('delivered')
  })

  it('the kubelet probes from the host: source is cni0, the path never leaves the node', () => {
    const c = netCluster()
    const t = trace(c, 'node/worker-1', 'pod/a', 80)
    expect(request(t).hops[0]).toMatchObject({ element: 'host', headers: { src: '10.244.1.1' } })
    expect(t.outcome).toBe('delivered')
  })

  it('ClientIP affinity: the recent match pins a client to one endpoint; without it requests spread', () => {
    const c = netCluster()
    const from = fromPod(c, 'client')
    const servedBy = (url: string) => new Set([...Array(16)].map(() => { const r = podNetwork().http(c, from, url); return r.ok ? r.servedBy : 'x' }))
    expect(servedBy('http://sticky/').size).toBe(1)
    expect([...servedBy('http://b/')].sort()).toEqual(['b', 'c'])
  })

  it('internalTrafficPolicy Local: only endpoints on the client node; none there → DROP (timeout)', () => {
    const c = netCluster()
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'local', namespace: 'default' }, spec: { selector: { app: 'b' }, internalTrafficPolicy: 'Local', ports: [{ port: 80 }] } })
    c.advance(2_000)
    for (let i = 0; i < 6; i++) expect(podNetwork().http(c, fromPod(c, 'a'), 'http://local/')).toMatchObject({ ok: true, servedBy: 'c' })
    const t = trace(c, 'node/control-plane', 'svc/local')
    expect(t.outcome).toBe('timeout')
    expect(request(t).hops.at(-1)!.rule).toContain('"default/local has no local endpoints"')
  })

  it('HTTP through the network answers from the image and charges the serving container', () => {
    const c = netCluster()
    const from = fromPod(c, 'client')
    const before = servedTotal(c, 'default/a', 'main')
    const r = podNetwork().http(c, from, `http://${podIP(c, 'a')}/`)
    expect(r).toMatchObject({ ok: true, status: 200, servedBy: 'a' })
    expect(r.ok && r.body).toContain('Welcome to nginx!')
    expect(servedTotal(c, 'default/a', 'main')).toBe(before + 1)
    expect(podNetwork().http(c, from, 'http://empty/')).toMatchObject({ ok: false, error: 'refused', message: `connect to ${clusterIP(c, 'empty')} port 80 failed: Connection refused` })
    expect(podNetwork().http(c, from, 'http://10.99.99.99/', { timeoutMs: 2000 })).toMatchObject({ ok: false, error: 'timeout', latencyMs: 2000 })
    expect(podNetwork().tcp(c, from, 'b', 80)).toMatchObject({ ok: true })
  })
})
