import { describe, expect, it } from 'vitest'
import { cluster, deployment, events, pods, run } from '../helpers'
import { computeHash, safeEncodeString } from '../../../../src/engine/controlplane/deployment/hash'
import { resolveFenceposts } from '../../../../src/engine/controlplane/deployment/util'
import type { KObject } from '../../../../src/engine/api/types'

describe('pod-template-hash', () => {
  it('case 25: SafeEncodeString maps digits to 4 5 6 7 8 9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf')
    for (let i = 0; i < 50; i++) expect(computeHash({ spec: { containers: [{ image: `nginx:${i}` }] } })).toMatch(/^[4-9bcdf]{1,10}$/)
  })
  it('is stable under key order and changes with the collision count', () => {
    expect(computeHash({ a: 1, b: { c: 2, d: 3 } })).toBe(computeHash({ b: { d: 3, c: 2 }, a: 1 }))
    expect(computeHash({ a: 1 }, 1)).not.toBe(computeHash({ a: 1 }))
  })
})

describe('fenceposts', () => {
  it('rounds surge up, unavailable down, and avoids 0/0', () => {
    const d = (replicas: number, ru?: unknown) => ({ spec: { replicas, strategy: ru ? { type: 'RollingUpdate', rollingUpdate: ru } : undefined } }) as unknown as KObject
    expect(resolveFenceposts(d(3))).toEqual({ surge: 1, unavailable: 0 })
    expect(resolveFenceposts(d(10))).toEqual({ surge: 3, unavailable: 2 })
    expect(resolveFenceposts(d(3, { maxSurge: 0, maxUnavailable: 0 }))).toEqual({ surge: 0, unavailable: 1 })
  })
})

describe('deployment-controller', () => {
  it('creates <deploy>-<hash> with pod-template-hash label/selector and revision annotations', () => {
    const c = cluster()
    c.api.create(deployment('web', 3))
    run(c, 1000)
    const [rs] = c.api.list('replicasets')
    const hash = rs.metadata.labels!['pod-template-hash']
    expect(rs.metadata.name).toBe(`web-${hash}`)
    expect(hash).toMatch(/^[4-9bcdf]+$/)
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs.spec.template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' })
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true })
    for (const p of pods(c)) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))
    const d = c.api.get('deployments', 'default', 'web')!
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 })
    expect(d.status.unavailableReplicas).toBeUndefined()
    const conds = d.status.conditions.map((x: { type: string; status: string; reason: string; message: string }) => [x.type, x.status, x.reason, x.message])
    expect(conds).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ])
    expect(events(c, 'ScalingReplicaSet').map((e) => e.message)).toEqual([`Scaled up replica set web-${hash} to 3`])
  })

  it('scales with "to N from M" events and keeps one ReplicaSet', () => {
    const c = cluster()
    c.api.create(deployment('web', 3))
    run(c, 500)
    c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.replicas = 5 })
    run(c, 1000)
    c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.replicas = 2 })
    run(c, 1000)
    const [rs] = c.api.list('replicasets')
    expect(c.api.list('replicasets')).toHaveLength(1)
    const name = rs.metadata.name
    expect(events(c, 'ScalingReplicaSet').map((e) => e.message)).toEqual([
      `Scaled up replica set ${name} to 3`,
      `Scaled up replica set ${name} to 5 from 3`,
      `Scaled down replica set ${name} to 2 from 5`,
    ])
    expect(pods(c).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2)
    expect(c.api.get('deployments', 'default', 'web')!.status).toMatchObject({ replicas: 2, observedGeneration: 3 })
  })

  it('a template change creates revision 2 and rolls the replicas over to it', () => {
    const c = cluster()
    c.api.create(deployment('web', 2))
    run(c, 500)
    c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.template.spec.containers[0].image = 'nginx:1.9.1' })
    run(c, 1000)
    const rss = c.api.list('replicasets')
    expect(rss).toHaveLength(2)
    const newRS = rss.find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2')!
    expect(newRS.spec.replicas).toBe(2)
    expect(rss.find((r) => r !== newRS)!.spec.replicas).toBe(0)
    expect(c.api.get('deployments', 'default', 'web')!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
  })

  it('reports MinimumReplicasUnavailable while pods are not ready', () => {
    const c = cluster()
    c.api.create(deployment('web', 2))
    run(c, 1000, { ready: false })
    const d = c.api.get('deployments', 'default', 'web')!
    expect(d.status.conditions.find((x: { type: string }) => x.type === 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' })
    expect(d.status.unavailableReplicas).toBe(2)
  })

  it('deleting the deployment removes its ReplicaSet and pods (garbage collector)', () => {
    const c = cluster()
    c.api.create(deployment('web', 2))
    run(c, 500)
    c.api.delete('deployments', 'default', 'web')
    run(c, 1000)
    expect(c.api.list('replicasets')).toHaveLength(0)
    expect(pods(c)).toHaveLength(0)
  })

  it('case 26: going back to an old template re-labels that ReplicaSet with the next revision', () => {
    const c = cluster()
    c.api.create(deployment('web', 1))
    run(c, 500)
    const image = (img: string) => c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.template.spec.containers[0].image = img })
    image('nginx:2')
    run(c, 500)
    image('nginx:1.7.9') // what `kubectl rollout undo` does: copy the old template back
    run(c, 500)
    const rss = c.api.list('replicasets')
    expect(rss).toHaveLength(2)
    const first = rss.find((r) => r.spec.template.spec.containers[0].image === 'nginx:1.7.9')!
    expect(first.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(first.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1')
    expect(first.spec.replicas).toBe(1)
    expect(c.api.get('deployments', 'default', 'web')!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
  })

  it('keeps at most revisionHistoryLimit idle old ReplicaSets', () => {
    const c = cluster()
    const d = deployment('web', 1)
    d.spec.revisionHistoryLimit = 1
    c.api.create(d)
    run(c, 500)
    for (const img of ['a:1', 'a:2', 'a:3']) {
      c.api.mutate('deployments', 'default', 'web', (o) => { o.spec.template.spec.containers[0].image = img })
      run(c, 500)
    }
    const revs = c.api.list('replicasets').map((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()
    expect(revs).toEqual(['3', '4'])
  })
})
