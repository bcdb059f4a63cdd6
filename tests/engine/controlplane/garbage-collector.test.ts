import { describe, expect, it } from 'vitest'
import { cluster, run } from './helpers'
import type { KObject } from '../../../src/engine/api/types'

function cm(c: ReturnType<typeof cluster>, name: string, owners: KObject[] = [], block = false): KObject {
  const r = c.api.create({
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name, namespace: 'default', ...(owners.length ? { ownerReferences: owners.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, ...(block ? { blockOwnerDeletion: true } : {}) })) } : {}) },
  })
  if (!r.ok) throw new Error(r.status.message)
  return r.value
}

describe('garbagecollector', () => {
  it('background: dependents go once every owner is gone', () => {
    const c = cluster()
    const a = cm(c, 'a')
    const b = cm(c, 'b')
    cm(c, 'child', [a, b])
    c.advance(20)
    c.api.delete('configmaps', 'default', 'a')
    c.advance(20)
    const child = c.api.get('configmaps', 'default', 'child')!
    expect(child.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']) // dangling ref removed
    c.api.delete('configmaps', 'default', 'b')
    c.advance(20)
    expect(c.api.get('configmaps', 'default', 'child')).toBeUndefined()
  })

  it('an object created with a non-existent owner uid is collected', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: 'nope' }] } })
    c.advance(20)
    expect(c.api.get('configmaps', 'default', 'x')).toBeUndefined()
  })

  it('foreground: the owner stays (with deletionTimestamp) until blocking dependents are gone', () => {
    const c = cluster()
    const owner = cm(c, 'owner')
    cm(c, 'dep', [owner], true)
    c.advance(20)
    const r = c.api.delete('configmaps', 'default', 'owner', { propagationPolicy: 'Foreground' })
    expect(r.ok && r.value.metadata.deletionTimestamp).toBeTruthy()
    expect(c.api.get('configmaps', 'default', 'owner')!.metadata.finalizers).toEqual(['foregroundDeletion'])
    c.advance(50)
    expect(c.api.get('configmaps', 'default', 'dep')).toBeUndefined()
    expect(c.api.get('configmaps', 'default', 'owner')).toBeUndefined()
  })

  it('foreground deletion of a ReplicaSet waits for its pods to terminate', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'x' }] } } } })
    run(c, 500)
    c.api.delete('replicasets', 'default', 'web', { propagationPolicy: 'Foreground' })
    c.advance(20)
    // pods are terminating (graceful), so the RS is still there
    expect(c.api.get('replicasets', 'default', 'web')).toBeDefined()
    expect(c.api.list('pods').every((p) => p.metadata.deletionTimestamp)).toBe(true)
    run(c, 500)
    expect(c.api.list('pods')).toHaveLength(0)
    expect(c.api.get('replicasets', 'default', 'web')).toBeUndefined()
  })

  it('orphan: dependents lose the ownerReference and survive', () => {
    const c = cluster()
    const owner = cm(c, 'owner')
    cm(c, 'dep', [owner])
    c.advance(20)
    c.api.delete('configmaps', 'default', 'owner', { propagationPolicy: 'Orphan' })
    c.advance(50)
    expect(c.api.get('configmaps', 'default', 'owner')).toBeUndefined()
    const dep = c.api.get('configmaps', 'default', 'dep')!
    expect(dep.metadata.ownerReferences).toBeUndefined()
  })
})
