import { describe, expect, it } from 'vitest'
import { cluster, deployment, run } from './helpers'

describe('namespaces', () => {
  it('defaults the finalizer, label and phase, and gives each namespace a default ServiceAccount and kube-root-ca.crt', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
    c.advance(20)
    const ns = c.api.get('namespaces', undefined, 'team')!
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team' })
    expect(ns.spec.finalizers).toEqual(['kubernetes'])
    expect(ns.status.phase).toBe('Active')
    expect(c.api.get('serviceaccounts', 'team', 'default')).toBeDefined()
    expect((c.api.get('configmaps', 'team', 'kube-root-ca.crt')!.data as Record<string, string>)['ca.crt']).toContain('BEGIN CERTIFICATE')
    c.api.delete('serviceaccounts', 'team', 'default')
    c.advance(20)
    expect(c.api.get('serviceaccounts', 'team', 'default')).toBeDefined()
  })

  it('deleting a namespace is Terminating until its content is gone', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
    c.advance(20)
    const d = deployment('web', 2)
    d.metadata.namespace = 'team'
    c.api.create(d)
    run(c, 500)
    expect(c.api.list('pods', { namespace: 'team' })).toHaveLength(2)
    c.api.delete('namespaces', undefined, 'team')
    expect(c.api.get('namespaces', undefined, 'team')!.status.phase).toBe('Terminating')
    run(c, 5000)
    expect(c.api.get('namespaces', undefined, 'team')).toBeUndefined()
    expect(c.api.list('pods', { namespace: 'team' })).toHaveLength(0)
    expect(c.api.list('deployments', { namespace: 'team' })).toHaveLength(0)
    expect(c.api.list('serviceaccounts', { namespace: 'team' })).toHaveLength(0)
  })

  it('refuses new content in a terminating namespace', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } })
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'x' }, spec: { nodeName: 'worker-1', containers: [{ name: 'a', image: 'x' }] } })
    c.api.delete('namespaces', undefined, 'x')
    const r = c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'x' } })
    expect(r.ok).toBe(false)
  })
})
