import { describe, expect, it } from 'vitest'
import { cluster, deployment, run } from './helpers'
import type { KObject } from '../../../src/engine/api/types'

function svc(name: string, extra: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'web', protocol: 'TCP' }], ...extra } } as unknown as KObject
}

function withNamedPort(): KObject {
  const d = deployment('web', 2)
  d.spec.template.spec.containers[0].ports = [{ name: 'web', containerPort: 8080 }]
  return d
}

describe('endpoint controllers', () => {
  it('lists ready pods as addresses with targetRef and nodeName; named targetPort resolved', () => {
    const c = cluster()
    c.api.create(withNamedPort())
    c.api.create(svc('web'))
    run(c, 1000)
    const ep = c.api.get('endpoints', 'default', 'web')!
    const subsets = ep.subsets as { addresses: { ip: string; nodeName: string; targetRef: { kind: string; name: string } }[]; notReadyAddresses?: unknown[]; ports: unknown[] }[]
    expect(subsets).toHaveLength(1)
    expect(subsets[0].addresses).toHaveLength(2)
    expect(subsets[0].addresses[0].targetRef.kind).toBe('Pod')
    expect(subsets[0].addresses[0].nodeName).toMatch(/^worker-/)
    expect(subsets[0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])
    expect(subsets[0].notReadyAddresses).toBeUndefined()
    const [slice] = c.api.list('endpointslices', { filter: (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web' })
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(slice.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io')
    expect(slice.addressType).toBe('IPv4')
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])
    expect((slice.endpoints as { conditions: unknown }[]).map((e) => e.conditions)).toEqual([{ ready: true, serving: true, terminating: false }, { ready: true, serving: true, terminating: false }])
  })

  it('unready pods go to notReadyAddresses, or addresses with publishNotReadyAddresses', () => {
    const c = cluster()
    c.api.create(withNamedPort())
    c.api.create(svc('web'))
    c.api.create(svc('web-all', { publishNotReadyAddresses: true }))
    run(c, 1000, { ready: false })
    const ep = c.api.get('endpoints', 'default', 'web')!
    expect((ep.subsets as { addresses?: unknown[]; notReadyAddresses: unknown[] }[])[0]).toMatchObject({ notReadyAddresses: expect.any(Array) })
    expect((ep.subsets as { addresses?: unknown[] }[])[0].addresses).toBeUndefined()
    const all = c.api.get('endpoints', 'default', 'web-all')!
    expect((all.subsets as { addresses: unknown[] }[])[0].addresses).toHaveLength(2)
    const [slice] = c.api.list('endpointslices', { filter: (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web' })
    expect((slice.endpoints as { conditions: { ready: boolean } }[]).every((e) => !e.conditions.ready)).toBe(true)
  })

  it('a terminating pod leaves Endpoints but stays in the slice as terminating', () => {
    const c = cluster()
    c.api.create(withNamedPort())
    c.api.create(svc('web'))
    run(c, 1000)
    const victim = c.api.list('pods')[0].metadata.name
    c.api.delete('pods', 'default', victim) // graceful: deletionTimestamp set, pod still there
    c.advance(20)
    const ep = c.api.get('endpoints', 'default', 'web')!
    const names = (ep.subsets as { addresses: { targetRef: { name: string } }[] }[]).flatMap((s) => s.addresses.map((a) => a.targetRef.name))
    expect(names).not.toContain(victim)
    const [slice] = c.api.list('endpointslices', { filter: (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web' })
    const e = (slice.endpoints as { targetRef: { name: string }; conditions: unknown }[]).find((x) => x.targetRef.name === victim)!
    expect(e.conditions).toEqual({ ready: false, serving: true, terminating: true })
  })

  it('no slices or endpoints for a Service without selector; a pod relabelled away leaves', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'manual', namespace: 'default' }, spec: { ports: [{ port: 80 }] } })
    c.api.create(withNamedPort())
    c.api.create(svc('web'))
    run(c, 1000)
    expect(c.api.get('endpoints', 'default', 'manual')).toBeUndefined()
    expect(c.api.list('endpointslices', { filter: (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'manual' })).toHaveLength(0)
    const p = c.api.list('pods')[0].metadata.name
    c.api.mutate('pods', 'default', p, (x) => { x.metadata.labels = { app: 'other' } })
    c.advance(20)
    const ep = c.api.get('endpoints', 'default', 'web')!
    expect(JSON.stringify(ep.subsets)).not.toContain(p)
  })
})
