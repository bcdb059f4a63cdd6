import { describe, expect, it } from 'vitest'
import { packetsSince } from '../../../src/engine/index'
import { resolve } from '../../../src/engine/network/dns/resolver'
import { candidates } from '../../../src/engine/network/dns/zone'
import { clusterIP, fromPod, netCluster, podIP } from './fixture'

describe('DNS through CoreDNS', () => {
  it('search path first for names with fewer than 5 dots; a trailing dot is absolute', () => {
    expect(candidates('default', 'web')).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'])
    expect(candidates('default', 'a.b.c.d.e.f')[0]).toBe('a.b.c.d.e.f')
    expect(candidates('default', 'web.default.svc.cluster.local.')).toEqual(['web.default.svc.cluster.local'])
  })

  it('each query is a UDP packet to 10.96.0.10:53 that kube-proxy DNATs to a CoreDNS pod', () => {
    const c = netCluster()
    const t0 = c.now
    const r = resolve(c, fromPod(c, 'client'), 'b')
    expect(r).toMatchObject({ ok: true, name: 'b.default.svc.cluster.local', addresses: [clusterIP(c, 'b')] })
    const [query, answer] = packetsSince(c, t0).filter((p) => p.kind === 'dns')
    expect(query).toMatchObject({ phase: 'query', label: 'A? b.default.svc.cluster.local', to: 'svc/kube-system/kube-dns' })
    expect(query.hops[0].headers).toMatchObject({ proto: 'UDP', dst: '10.96.0.10', dport: 53 })
    const dnat = query.hops.find((h) => h.change?.startsWith('DNAT'))!
    expect(dnat.note).toContain('KUBE-SVC-TCOU7JCQXEZGVUNU')
    const corednsIPs = c.api.list('pods', { namespace: 'kube-system' }).filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns').map((p) => p.status.podIP)
    expect(corednsIPs).toContain(query.hops.at(-1)!.headers.dst)
    expect(answer).toMatchObject({ phase: 'answer', label: `A ${clusterIP(c, 'b')}`, outcome: 'answered' })
    expect(answer.hops.at(-1)!.headers).toMatchObject({ src: '10.96.0.10', sport: 53 })
  })

  it('NXDOMAIN walks the whole search list (four queries)', () => {
    const c = netCluster()
    const t0 = c.now
    expect(resolve(c, fromPod(c, 'client'), 'nosuch')).toMatchObject({ ok: false, error: 'NXDOMAIN', latencyMs: 4 })
    expect(packetsSince(c, t0).filter((p) => p.phase === 'answer').map((p) => p.label)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN'])
  })

  it('headless → ready pod IPs; per-pod names; ExternalName → CNAME; PTR', () => {
    const c = netCluster()
    const from = fromPod(c, 'client')
    expect(resolve(c, from, 'db')).toMatchObject({ ok: true, addresses: [podIP(c, 'a')] })
    expect(resolve(c, from, `${podIP(c, 'a').replace(/\./g, '-')}.db`)).toMatchObject({ ok: true, addresses: [podIP(c, 'a')] })
    expect(resolve(c, from, 'ext')).toMatchObject({ ok: true, cname: 'example.com', addresses: [] })
    expect(resolve(c, from, '10.0.96.10.in-addr.arpa.')).toMatchObject({ ok: true, name: 'kube-dns.kube-system.svc.cluster.local' })
    expect(resolve(c, from, `kubernetes.default`)).toMatchObject({ ok: true, addresses: ['10.96.0.1'] })
  })

  it('StatefulSet pods get <hostname>.<service> records', () => {
    const c = netCluster()
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'sts' }, ports: [{ port: 80, name: 'web' }] } })
    c.api.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' }, spec: { serviceName: 'nginx', replicas: 2, selector: { matchLabels: { app: 'sts' } }, template: { metadata: { labels: { app: 'sts' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } })
    c.advance(60_000)
    expect(resolve(c, fromPod(c, 'client'), 'web-1.nginx')).toMatchObject({ ok: true, name: 'web-1.nginx.default.svc.cluster.local', addresses: [podIP(c, 'web-1')] })
  })

  it('/etc/hosts and addresses never reach CoreDNS; hostNetwork pods use the node resolver', () => {
    const c = netCluster()
    const from = fromPod(c, 'client')
    expect(resolve(c, from, 'localhost')).toMatchObject({ ok: true, addresses: ['127.0.0.1'], latencyMs: 0 })
    expect(resolve(c, from, '10.1.2.3')).toMatchObject({ ok: true, addresses: ['10.1.2.3'] })
    const proxy = c.api.list('pods', { namespace: 'kube-system' }).find((p) => p.metadata.name.startsWith('kube-proxy-'))!
    expect(resolve(c, { pod: proxy, node: proxy.spec.nodeName, container: 'kube-proxy' }, 'b')).toMatchObject({ ok: false, error: 'NXDOMAIN' })
  })

  it('with no ready CoreDNS the query is REJECTed, the resolver never sees the ICMP error and times out', () => {
    const c = netCluster()
    c.api.mutate('deployments', 'kube-system', 'coredns', (d) => { d.spec.replicas = 0 })
    c.advance(60_000)
    const t0 = c.now
    expect(resolve(c, fromPod(c, 'client'), 'b')).toMatchObject({ ok: false, error: 'timeout', latencyMs: 10_000 })
    const q = packetsSince(c, t0).find((p) => p.kind === 'dns')!
    expect(q.outcome).toBe('refused')
    expect(q.hops.at(-1)!.rule).toContain('"kube-system/kube-dns:dns has no endpoints"')
  })
})
