// Odd inputs to the workload controllers, end to end through kubectl: zero replicas, a selector
// that does not match the template, and deleting owners with --cascade=orphan.
import { describe, expect, it } from 'vitest'
import { cluster, k } from '../../kubectl/helpers'

const mine = (c: Awaited<ReturnType<typeof cluster>>, app: string) =>
  c.api.list('pods', { namespace: 'default', filter: (p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp })

describe('zero replicas', () => {
  it('a Deployment and a StatefulSet with replicas 0 run no pods until scaled', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.25 --replicas=0')
    await k(c, 'apply -f -', { stdin: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 0
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: redis:7}]}
` })
    c.advance(30_000)
    expect(mine(c, 'web')).toHaveLength(0)
    expect(mine(c, 'db')).toHaveLength(0)
    expect((await k(c, 'get deploy web')).out).toMatch(/web\s+0\/0\s+0\s+0\s/)
    await k(c, 'scale deploy web --replicas=2')
    await k(c, 'scale sts db --replicas=2')
    c.advance(60_000)
    expect(mine(c, 'web')).toHaveLength(2)
    expect(mine(c, 'db').map((p) => p.metadata.name)).toEqual(['db-0', 'db-1'])
  })
})

describe('selector not matching the template', () => {
  it('is rejected with the API validation error and changes nothing', async () => {
    const c = await cluster()
    const before = c.hash()
    const r = await k(c, 'apply -f -', { stdin: `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: b}}
    spec: {containers: [{name: c, image: nginx}]}
` })
    expect(r.code).toBe(1)
    expect(r.err).toContain('The ReplicaSet "rs" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"b"}: `selector` does not match template `labels`')
    expect(c.hash()).toBe(before)
  })
})

describe('--cascade=orphan', () => {
  it('deleting a Deployment with --cascade=orphan leaves its ReplicaSet and pods, released', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.25 --replicas=2')
    c.advance(30_000)
    const rsBefore = c.api.list('replicasets', { namespace: 'default' })
    expect(rsBefore).toHaveLength(1)
    const r = await k(c, 'delete deployment web --cascade=orphan')
    expect(r.out).toBe('deployment.apps "web" deleted\n')
    c.advance(30_000)
    expect(c.api.get('deployments', 'default', 'web')).toBeUndefined()
    const rs = c.api.list('replicasets', { namespace: 'default' })
    expect(rs.map((x) => x.metadata.name)).toEqual(rsBefore.map((x) => x.metadata.name))
    expect(rs[0].metadata.ownerReferences ?? []).toEqual([])
    expect(mine(c, 'web')).toHaveLength(2)
  })

  it('deleting a Deployment normally cascades through the ReplicaSet to its pods', async () => {
    const c = await cluster()
    await k(c, 'create deployment web --image=nginx:1.25 --replicas=2')
    c.advance(30_000)
    await k(c, 'delete deployment web')
    c.advance(60_000)
    expect(c.api.list('replicasets', { namespace: 'default' })).toHaveLength(0)
    expect(c.api.list('pods', { namespace: 'default' })).toHaveLength(0)
  })
})
