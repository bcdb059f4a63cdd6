import { describe, expect, it } from 'vitest'
import '../../../src/engine/api/validation/index'
import { cluster, events, pods, run } from './helpers'
import type { KObject } from '../../../src/engine/api/types'

function rc(name: string, replicas: number, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1', kind: 'ReplicationController',
    metadata: { name, namespace: 'default' },
    spec: { replicas, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } }, ...extra },
  } as unknown as KObject
}

describe('replication-controller', () => {
  it('defaults the selector from the template, creates pods and reports status', () => {
    const c = cluster()
    expect(c.api.create(rc('web', 3)).ok).toBe(true)
    run(c, 1000)
    const owner = c.api.get('replicationcontrollers', 'default', 'web')!
    expect(owner.spec?.selector).toEqual({ app: 'web' })
    const ps = pods(c)
    expect(ps).toHaveLength(3)
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'ReplicationController', name: 'web', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }])
    }
    expect(owner.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 })
    const created = events(c, 'SuccessfulCreate')
    expect(created).toHaveLength(3)
    expect(created[0].source.component).toBe('replication-controller')
    expect(created[0].message).toMatch(/^Created pod: web-/)
  })

  it('scales down and up', () => {
    const c = cluster()
    c.api.create(rc('web', 3))
    run(c, 1000)
    c.api.mutate('replicationcontrollers', 'default', 'web', (o) => { o.spec.replicas = 1 })
    run(c, 1000)
    expect(pods(c)).toHaveLength(1)
    expect(events(c, 'SuccessfulDelete')).toHaveLength(2)
    c.api.mutate('replicationcontrollers', 'default', 'web', (o) => { o.spec.replicas = 2 })
    run(c, 1000)
    expect(pods(c)).toHaveLength(2)
  })

  it('adopts a matching orphan pod and ignores ReplicaSet-owned kinds', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web', extra: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } } as unknown as KObject)
    run(c, 200)
    c.api.create(rc('web', 2))
    run(c, 1000)
    const stray = c.api.get('pods', 'default', 'stray')!
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicationController', name: 'web' })
    expect(pods(c)).toHaveLength(2)
    expect(events(c, 'SuccessfulCreate')).toHaveLength(1)
  })

  it('rejects bad input with the API validation errors', () => {
    const c = cluster()
    const neg = c.api.create(rc('neg', -1))
    expect(neg.ok).toBe(false)
    if (!neg.ok) expect(neg.status.message).toContain('spec.replicas: Invalid value: -1: must be greater than or equal to 0')
    const mismatch = c.api.create(rc('mm', 1, { selector: { app: 'other' } }))
    expect(mismatch.ok).toBe(false)
    if (!mismatch.ok) expect(mismatch.status.message).toContain('spec.template.metadata.labels')
  })
})
