import { describe, expect, it } from 'vitest'
import { createCluster } from '../../../../src/engine/index'
import { resolve } from '../../../../src/engine/network/stub/dns'
import { fakePod } from '../../node/shell/host'

describe('StatefulSet pods in cluster DNS', () => {
  it('<pod>.<serviceName> resolves to each ready pod through the headless service', () => {
    const c = createCluster({ seed: 5 })
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80, name: 'web' }] } } as never)
    c.api.create({
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' },
      spec: { serviceName: 'nginx', replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
    } as never)
    c.advance(60_000)
    const from = { pod: fakePod('client', 'default'), node: 'worker-1' }
    for (const name of ['web-0', 'web-1']) {
      const ip = c.api.get('pods', 'default', name)!.status?.podIP
      expect(ip).toMatch(/^10\.244\./)
      expect(resolve(c, from, `${name}.nginx`)).toMatchObject({ ok: true, name: `${name}.nginx.default.svc.cluster.local`, addresses: [ip] })
    }
    expect(resolve(c, from, 'web-2.nginx')).toMatchObject({ ok: false, error: 'NXDOMAIN' })
  })
})
