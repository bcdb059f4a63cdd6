import { describe, expect, test } from 'vitest'
import { resolve } from '../../../../src/engine/network/stub/dns'
import { demoCluster, addPod } from './fixture'
import { fakePod } from '../../node/shell/host'

const from = (ns = 'default') => ({ pod: fakePod('client', ns), node: 'worker-1' })

describe('stub DNS', () => {
  test('a Service name resolves to its ClusterIP from its own namespace', () => {
    const c = demoCluster()
    const r = resolve(c, from('shop'), 'web')
    expect(r).toMatchObject({ ok: true, name: 'web.shop.svc.cluster.local', addresses: ['10.96.1.2'] })
  })

  test('other namespaces need the namespace in the name', () => {
    const c = demoCluster()
    expect(resolve(c, from('default'), 'web')).toMatchObject({ ok: false, error: 'NXDOMAIN' })
    expect(resolve(c, from('default'), 'web.shop')).toMatchObject({ ok: true, name: 'web.shop.svc.cluster.local' })
    expect(resolve(c, from('shop'), 'kubernetes.default')).toMatchObject({ ok: true, addresses: ['10.96.0.1'] })
  })

  test('headless Service: one A record per ready endpoint; per-pod hostnames', () => {
    const c = demoCluster()
    const r = resolve(c, from(), 'db')
    expect(r.ok && [...r.addresses].sort()).toEqual(['10.244.1.10', '10.244.1.12', '10.244.2.11'])
    expect(resolve(c, from(), 'db-0.db.default.svc.cluster.local')).toMatchObject({ ok: true, addresses: ['10.244.1.10'] })
    expect(resolve(c, from(), 'db-3.db')).toMatchObject({ ok: false })
  })

  test('ExternalName is a CNAME; pod A records; reverse lookups', () => {
    const c = demoCluster()
    expect(resolve(c, from(), 'ext')).toMatchObject({ ok: true, cname: 'example.com' })
    expect(resolve(c, from(), '10-244-2-3.shop.pod.cluster.local')).toMatchObject({ ok: true, addresses: ['10.244.2.3'] })
    expect(resolve(c, from(), '10.0.96.10.in-addr.arpa.')).toMatchObject({ ok: true, name: 'kube-dns.kube-system.svc.cluster.local' })
    expect(resolve(c, from(), '7.2.104.10.in-addr.arpa.')).toMatchObject({ ok: true, name: 'mysql-service.default.svc.cluster.local' })
    expect(resolve(c, from(), '10.1.244.10.in-addr.arpa.')).toMatchObject({ ok: true, name: 'db-0.db.default.svc.cluster.local' })
    expect(resolve(c, from(), '99.99.99.10.in-addr.arpa.')).toMatchObject({ ok: false, error: 'NXDOMAIN' })
  })

  test('unknown names are NXDOMAIN; bad input does not throw', () => {
    const c = demoCluster()
    expect(resolve(c, from(), 'redis-service')).toMatchObject({ ok: false, error: 'NXDOMAIN' })
    expect(resolve(c, from(), '')).toMatchObject({ ok: false })
    expect(resolve(c, from(), '...')).toMatchObject({ ok: false })
  })

  test('without ready CoreDNS pods, queries time out', () => {
    const c = demoCluster()
    c.api.mutate('pods', 'kube-system', 'coredns-abc', (p) => { p.status.conditions = [{ type: 'Ready', status: 'False' }] }, { subresource: 'status' })
    expect(resolve(c, from(), 'mysql-service')).toMatchObject({ ok: false, error: 'timeout' })
  })

  test('hostNetwork pods use the node resolver (no cluster names)', () => {
    const c = demoCluster()
    const hostPod = addPod(c, 'default', 'hn', '192.168.56.11', 'busybox:1.28', {})
    const pod = { ...hostPod, spec: { ...hostPod.spec, hostNetwork: true } }
    expect(resolve(c, { pod }, 'mysql-service')).toMatchObject({ ok: false, error: 'NXDOMAIN' })
  })
})
