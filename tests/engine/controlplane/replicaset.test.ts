import { describe, expect, it } from 'vitest'
import { cluster, events, pods, run } from './helpers'
import { podsToDelete } from '../../../src/engine/controlplane/replicaset'
import type { KObject } from '../../../src/engine/api/types'

function rs(name: string, replicas: number, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } }, ...extra },
  } as unknown as KObject
}

describe('replicaset-controller', () => {
  it('creates pods named <rs>-xxxxx with a controller ownerReference and reports status', () => {
    const c = cluster()
    c.api.create(rs('web', 3))
    run(c, 1000)
    const ps = pods(c)
    expect(ps).toHaveLength(3)
    const owner = c.api.get('replicasets', 'default', 'web')!
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(p.metadata.labels).toEqual({ app: 'web' })
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }])
    }
    expect(owner.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 })
    const created = events(c, 'SuccessfulCreate')
    expect(created).toHaveLength(3)
    expect(created[0].message).toMatch(/^Created pod: web-[a-z0-9]{5}$/)
    expect(created[0].source.component).toBe('replicaset-controller')
  })

  it('replaces a deleted pod (self-healing) and does not double-create', () => {
    const c = cluster()
    c.api.create(rs('web', 2))
    run(c, 500)
    const victim = pods(c)[0].metadata.name
    c.api.delete('pods', 'default', victim)
    run(c, 1000)
    const names = pods(c).map((p) => p.metadata.name)
    expect(names).toHaveLength(2)
    expect(names).not.toContain(victim)
    expect(events(c, 'SuccessfulCreate')).toHaveLength(3)
  })

  it('scales down deleting unscheduled, then not-ready pods before ready ones', () => {
    const c = cluster()
    c.api.create(rs('web', 2))
    run(c, 500)
    // A third, unschedulable pod and a fourth, not-ready pod are adopted.
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'orphan-pending', namespace: 'default', labels: { app: 'web' } }, spec: { nodeSelector: { none: 'x' }, containers: [{ name: 'a', image: 'x' }] } })
    c.advance(100)
    expect(c.api.get('pods', 'default', 'orphan-pending')).toBeUndefined() // adopted as a 3rd replica, then the extra one deleted first
    const del = events(c, 'SuccessfulDelete')
    expect(del.map((e) => e.message)).toEqual(['Deleted pod: orphan-pending'])
  })

  it('ranks victims as upstream ActivePodsWithRanks', () => {
    const mk = (name: string, node: string | undefined, phase: string, ready: boolean, ts = '2025-03-01T09:00:00Z') => ({
      metadata: { name, creationTimestamp: ts, resourceVersion: '1' },
      spec: node ? { nodeName: node } : {},
      status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: ts }] },
    }) as unknown as KObject
    const list = [mk('ready', 'n1', 'Running', true), mk('notready', 'n1', 'Running', false), mk('pending', 'n2', 'Pending', false), mk('unscheduled', undefined, 'Pending', false)]
    expect(podsToDelete(list, 4).map((p) => p.metadata.name)).toEqual(['unscheduled', 'pending', 'notready', 'ready'])
    const a = mk('old', 'n1', 'Running', true, '2025-03-01T09:00:00Z')
    const b = mk('new', 'n2', 'Running', true, '2025-03-01T09:05:00Z')
    expect(podsToDelete([a, b], 1)[0].metadata.name).toBe('new')
  })

  it('releases a pod whose labels stop matching and creates a replacement', () => {
    const c = cluster()
    c.api.create(rs('web', 1))
    run(c, 500)
    const name = pods(c)[0].metadata.name
    c.api.mutate('pods', 'default', name, (p) => { p.metadata.labels = { app: 'debug' } })
    run(c, 500)
    expect(c.api.get('pods', 'default', name)!.metadata.ownerReferences).toBeUndefined()
    expect(pods(c).filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(1)
  })

  it('counts availability only after minReadySeconds', () => {
    const c = cluster()
    c.api.create(rs('web', 1, { minReadySeconds: 10 }))
    run(c, 1000)
    expect(c.api.get('replicasets', 'default', 'web')!.status.availableReplicas).toBeUndefined()
    expect(c.api.get('replicasets', 'default', 'web')!.status.readyReplicas).toBe(1)
    run(c, 10_000)
    expect(c.api.get('replicasets', 'default', 'web')!.status.availableReplicas).toBe(1)
  })

  it('reports FailedCreate when the namespace is terminating', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gone' } })
    c.api.create({ ...rs('web', 0), metadata: { name: 'web', namespace: 'gone' } } as KObject)
    c.advance(50)
    c.api.delete('namespaces', undefined, 'gone')
    c.client('x').mutate('replicasets', 'gone', 'web', (o) => { o.spec.replicas = 1 })
    c.advance(20)
    // Either the namespace controller already removed the RS, or the create was refused.
    const failed = events(c, 'FailedCreate')
    const rsLeft = c.api.get('replicasets', 'gone', 'web')
    expect(failed.length > 0 || !rsLeft).toBe(true)
    expect(c.api.list('pods', { namespace: 'gone' })).toHaveLength(0)
  })
})
