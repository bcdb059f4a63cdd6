import { describe, expect, test } from 'vitest'
import { http, tcp } from '../../../../src/engine/network/stub/http'
import { demoCluster } from './fixture'
import { fakePod } from '../../node/shell/host'

const from = (ns = 'default') => ({ pod: fakePod('client', ns), node: 'worker-1' })

describe('stub HTTP/TCP', () => {
  test('Service name → ClusterIP → endpoint pod, named targetPort', () => {
    const c = demoCluster()
    const r = http(c, from('shop'), 'http://web/')
    expect(r.ok && r.status).toBe(200)
    expect(r.ok && r.body).toContain('Welcome to nginx!')
    expect(r.ok && r.servedBy).toBe('web-1')
    expect(r.latencyMs).toBeGreaterThan(0)
  })

  test('nginx answers 404 on other paths', () => {
    const c = demoCluster()
    const r = http(c, from('shop'), 'web.shop.svc.cluster.local/nope')
    expect(r.ok && r.status).toBe(404)
  })

  test('pod IP directly; unknown images serve their containerPorts', () => {
    const c = demoCluster()
    expect(http(c, from(), 'http://10.244.2.3:80/')).toMatchObject({ ok: true, status: 200 })
    expect(http(c, from(), 'http://app/')).toMatchObject({ ok: true, status: 200, servedBy: 'custom-1' })
    expect(http(c, from(), 'http://10.244.1.20:9999/')).toMatchObject({ ok: false, error: 'refused' })
  })

  test('Service without ready endpoints → refused; pod not listening → refused', () => {
    const c = demoCluster()
    expect(http(c, from(), 'http://empty/')).toMatchObject({ ok: false, error: 'refused' })
    expect(http(c, from(), 'http://sleepy/')).toMatchObject({ ok: false, error: 'refused' })
  })

  test('unknown IP or a port the Service does not expose → timeout after the client timeout', () => {
    const c = demoCluster()
    expect(http(c, from(), 'http://10.99.99.99/', { timeoutMs: 3000 })).toMatchObject({ ok: false, error: 'timeout', latencyMs: 3000 })
    expect(http(c, from(), 'http://10.96.1.2:8080/', { timeoutMs: 2000 })).toMatchObject({ ok: false, error: 'timeout' })
  })

  test('unresolvable names → bad-address', () => {
    const c = demoCluster()
    expect(http(c, from(), 'http://nosuch/')).toMatchObject({ ok: false, error: 'bad-address', message: "bad address 'nosuch'" })
  })

  test('localhost reaches the running containers of the same pod', () => {
    const c = demoCluster()
    const pod = c.api.get('pods', 'shop', 'web-1')!
    expect(http(c, { pod }, 'http://localhost/')).toMatchObject({ ok: true, status: 200 })
    expect(http(c, { pod }, 'http://127.0.0.1:81/')).toMatchObject({ ok: false, error: 'refused' })
    expect(http(c, from(), 'http://localhost/')).toMatchObject({ ok: false, error: 'refused' })
  })

  test('a server still starting (mysql ~8 s) does not accept connections yet', () => {
    const c = demoCluster()
    c.api.mutate('pods', 'default', 'mysql-1', (p) => { p.status.containerStatuses[0].state.running.startedAt = '2025-03-01T09:00:09Z' }, { subresource: 'status' })
    expect(tcp(c, from(), 'mysql-service', 3306)).toMatchObject({ ok: false, error: 'refused' })
    c.advance(10_000)
    expect(tcp(c, from(), 'mysql-service', 3306)).toMatchObject({ ok: true })
  })

  test('tcp to a non-HTTP server; HTTP to it gets a non-HTTP answer (status 0)', () => {
    const c = demoCluster()
    expect(tcp(c, from(), '10.104.2.7', 3306)).toMatchObject({ ok: true })
    expect(http(c, from(), 'http://mysql-service:3306/')).toMatchObject({ ok: true, status: 0 })
  })

  test('endpoint choice is deterministic for a given cluster state', () => {
    const pick = () => {
      const c = demoCluster()
      c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'dbc', namespace: 'default' }, spec: { clusterIP: '10.96.5.5', selector: { app: 'db' }, ports: [{ port: 5432 }] } })
      return [1, 2, 3, 4, 5].map(() => { const r = tcp(c, from(), '10.96.5.5', 5432); return r.ok })
    }
    expect(pick()).toEqual(pick())
  })
})

describe('Service traffic policies', () => {
  const svc = (c: ReturnType<typeof demoCluster>, name: string, ip: string, extra: Record<string, unknown>) =>
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { clusterIP: ip, selector: { app: 'db' }, ports: [{ port: 5432 }], ...extra } })

  test('sessionAffinity ClientIP pins a client to one endpoint; None spreads', () => {
    const c = demoCluster()
    svc(c, 'sticky', '10.96.6.6', { sessionAffinity: 'ClientIP' })
    svc(c, 'spread', '10.96.7.7', {})
    const servedBy = (url: string) => new Set([...Array(12)].map(() => { const r = http(c, from(), url); return r.ok ? r.servedBy : 'x' }))
    expect(servedBy('http://10.96.6.6:5432/').size).toBe(1)
    expect(servedBy('http://10.96.7.7:5432/').size).toBeGreaterThan(1)
  })

  test('internalTrafficPolicy Local: only endpoints on the client node, else dropped', () => {
    const c = demoCluster()
    svc(c, 'local', '10.96.8.8', { internalTrafficPolicy: 'Local' })
    c.api.mutate('pods', 'default', 'db-2', (p) => { p.spec.nodeName = 'worker-2' })
    for (let i = 0; i < 6; i++) {
      const r = http(c, { ...from(), node: 'worker-2' }, 'http://10.96.8.8:5432/')
      expect(r.ok && r.servedBy).toBe('db-2')
    }
    expect(http(c, { ...from(), node: 'control-plane' }, 'http://10.96.8.8:5432/', { timeoutMs: 1000 })).toMatchObject({ ok: false, error: 'timeout' })
  })

  test('no ready endpoints but serving+terminating ones → kube-proxy falls back to them', () => {
    const c = demoCluster()
    c.api.create({
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abcde', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4', ports: [{ port: 80 }],
      endpoints: [{ addresses: ['10.244.2.3'], conditions: { ready: false, serving: true, terminating: true }, targetRef: { kind: 'Pod', namespace: 'shop', name: 'web-1' } }],
    })
    expect(http(c, from(), 'http://10.96.1.2/')).toMatchObject({ ok: true, status: 200 })
  })
})
