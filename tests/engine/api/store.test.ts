// The API store alone (no admission, no controllers): CRUD semantics, watches, deletion.
import { describe, expect, it } from 'vitest'
import { Cluster, initialState } from '../../../src/engine/cluster'
import { DEFAULT_CONFIG } from '../../../src/engine/state'
import { registerComponents } from '../../../src/engine/registry'
import type { WatchEvent } from '../../../src/engine/api/types'

const seen: { name: string; events: WatchEvent[]; at: number }[] = []
registerComponents(() => [
  { name: 'test-watcher', watches: ['pods'], onEvents: (c, events) => seen.push({ name: 'test-watcher', events, at: c.now }) },
])

function cluster(): Cluster {
  const c = new Cluster(initialState({ ...DEFAULT_CONFIG, seed: 3 }))
  c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } })
  return c
}

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, ...extra,
})

describe('API store', () => {
  it('creates with server-set metadata and rejects duplicates like the API server', () => {
    const c = cluster()
    const r = c.api.create(pod('a'))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.metadata.namespace).toBe('default')
    expect(r.value.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(r.value.metadata.creationTimestamp).toBe('2025-03-01T09:00:00Z')
    const dup = c.api.create(pod('a'))
    expect(dup).toMatchObject({ ok: false, status: { code: 409, reason: 'AlreadyExists', message: 'pods "a" already exists' } })
  })

  it('fails in a missing namespace and for unknown kinds', () => {
    const c = cluster()
    expect(c.api.create({ ...pod('a'), metadata: { name: 'a', namespace: 'nope' } })).toMatchObject({ ok: false, status: { message: 'namespaces "nope" not found' } })
    expect(c.api.create({ apiVersion: 'v1', kind: 'Frobnicator', metadata: { name: 'x' } })).toMatchObject({ ok: false, status: { code: 404 } })
  })

  it('generates names from generateName with the Kubernetes alphabet', () => {
    const c = cluster()
    const r = c.api.create({ ...pod(''), metadata: { generateName: 'web-7c5ddbdf54-' } })
    expect(r.ok && r.value.metadata.name).toMatch(/^web-7c5ddbdf54-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('enforces optimistic concurrency and bumps resourceVersion and generation', () => {
    const c = cluster()
    const created = c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } })
    if (!created.ok) throw new Error('create failed')
    expect(created.value.metadata.generation).toBe(1)
    const u = c.api.mutate('services', 'default', 's', (o) => { o.spec.ports[0].port = 81 })
    expect(u.ok && u.value.metadata.generation).toBe(2)
    const stale = c.api.update({ ...created.value, spec: { ports: [{ port: 82 }] } })
    expect(stale).toMatchObject({ ok: false, status: { code: 409, reason: 'Conflict' } })
    expect(stale.ok || stale.status.message).toContain('the object has been modified')
  })

  it('keeps status on main-resource updates and spec on status updates', () => {
    const c = cluster()
    c.api.create(pod('a'))
    c.api.updateStatus('pods', 'default', 'a', (p) => { p.status = { phase: 'Running' } })
    c.api.mutate('pods', 'default', 'a', (p) => { p.metadata.labels = { app: 'x' }; p.status = { phase: 'Bogus' } })
    const got = c.api.get('pods', 'default', 'a')!
    expect(got.status.phase).toBe('Running')
    expect(got.metadata.labels).toEqual({ app: 'x' })
  })

  it('deletes bound pods gracefully and unbound pods at once', () => {
    const c = cluster()
    c.api.create(pod('bound', { spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] } }))
    c.api.create(pod('unbound'))
    const d = c.api.delete('pods', 'default', 'bound')
    expect(d.ok && d.value.metadata.deletionTimestamp).toBe('2025-03-01T09:00:30Z')
    expect(c.api.get('pods', 'default', 'bound')).toBeDefined()
    c.api.delete('pods', 'default', 'bound', { gracePeriodSeconds: 0 })
    expect(c.api.get('pods', 'default', 'bound')).toBeUndefined()
    c.api.delete('pods', 'default', 'unbound')
    expect(c.api.get('pods', 'default', 'unbound')).toBeUndefined()
    expect(c.api.delete('pods', 'default', 'unbound')).toMatchObject({ ok: false, status: { code: 404, message: 'pods "unbound" not found' } })
  })

  it('holds objects with finalizers until the last one is removed', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', finalizers: ['example.com/x'] }, data: {} })
    c.api.delete('configmaps', 'default', 'cm')
    expect(c.api.get('configmaps', 'default', 'cm')?.metadata.deletionTimestamp).toBeDefined()
    c.api.mutate('configmaps', 'default', 'cm', (o) => { o.metadata.finalizers = [] })
    expect(c.api.get('configmaps', 'default', 'cm')).toBeUndefined()
  })

  it('delivers watch events to components in batches after a latency', () => {
    seen.length = 0
    const c = cluster()
    c.api.create(pod('a'))
    c.api.create(pod('b'))
    c.api.delete('pods', 'default', 'a')
    expect(seen).toHaveLength(0)
    c.advance(10)
    expect(seen).toHaveLength(1)
    expect(seen[0].events.map((e) => `${e.type} ${e.key}`)).toEqual(['ADDED default/a', 'ADDED default/b', 'DELETED default/a'])
    expect(seen[0].at).toBe(5)
    expect(c.activities().some((a) => a.kind === 'watch' && a.to === 'test-watcher')).toBe(true)
  })

  it('lists in API order with label selectors', () => {
    const c = cluster()
    c.api.create(pod('b'))
    c.api.create(pod('a'))
    c.api.create({ ...pod('z'), metadata: { name: 'z', labels: { app: 'db' } } })
    expect(c.api.list('pods').map((p) => p.metadata.name)).toEqual(['a', 'b', 'z'])
    expect(c.api.list('pods', { labelSelector: [{ key: 'app', operator: 'In', values: ['db'] }] }).map((p) => p.metadata.name)).toEqual(['z'])
  })
})

describe('namespace lifecycle', () => {
  it('refuses to delete the immortal namespaces', () => {
    const c = cluster()
    expect(c.api.delete('namespaces', undefined, 'default')).toMatchObject({ ok: false, status: { code: 403, message: 'namespaces "default" is forbidden: this namespace may not be deleted' } })
    expect(c.api.get('namespaces', undefined, 'default')).toBeDefined()
  })
})

describe('jsonEqual', () => {
  it('compares like serialisations, ignoring key order and undefined members', async () => {
    const { jsonEqual } = await import('../../../src/engine/api/store')
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(jsonEqual({ a: 1, u: undefined }, { a: 1 })).toBe(true)
    expect(jsonEqual([undefined], [null])).toBe(true)
    expect(jsonEqual({ a: 1 }, { a: 1, b: 0 })).toBe(false)
    expect(jsonEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(jsonEqual({ a: {} }, { a: [] })).toBe(false)
    expect(jsonEqual('1', 1)).toBe(false)
  })

  it('skips no-op updates: no new resourceVersion, no watch event', () => {
    seen.length = 0
    const c = cluster()
    const created = c.api.create(pod('a'))
    if (!created.ok) throw new Error('create failed')
    c.advance(10)
    const rv = created.value.metadata.resourceVersion
    const writes = c.writes('pods')
    c.api.mutate('pods', 'default', 'a', (p) => { p.metadata.labels = { app: 'web' } })
    expect(c.api.get('pods', 'default', 'a')!.metadata.resourceVersion).toBe(rv)
    expect(c.writes('pods')).toBe(writes)
    c.api.mutate('pods', 'default', 'a', (p) => { p.metadata.labels = { app: 'db' } })
    expect(c.api.get('pods', 'default', 'a')!.metadata.resourceVersion).not.toBe(rv)
    expect(c.writes('pods')).toBe(writes + 1)
  })
})
