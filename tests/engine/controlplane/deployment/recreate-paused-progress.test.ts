// Recreate (recreate.go), paused deployments (sync.go checkPausedConditions/sync) and the
// progress deadline (progress.go syncRolloutStatus, DeploymentTimedOut).
import { describe, expect, it } from 'vitest'
import type { Cluster } from '../../../../src/engine/cluster'
import { cluster, deployment, events, kubelet, pods, run } from '../helpers'

const REV = 'deployment.kubernetes.io/revision'
const setImage = (c: Cluster, img: string) => c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.template.spec.containers[0].image = img })
const rsByRev = (c: Cluster, rev: string) => c.api.list('replicasets').find((r) => r.metadata.annotations?.[REV] === rev)
const progressing = (c: Cluster) => c.api.get('deployments', 'default', 'web')!.status.conditions.find((x: { type: string }) => x.type === 'Progressing')

describe('Recreate', () => {
  it('scales the old RS to 0, waits for its pods to be gone, then creates the new RS at full size', () => {
    const c = cluster()
    const d = deployment('web', 3)
    d.spec.strategy = { type: 'Recreate' }
    c.api.create(d)
    run(c, 1000)
    const old = c.api.list('replicasets')[0].metadata.name
    setImage(c, 'nginx:1.9.1')
    // Terminating pods linger (no kubelet): the new RS must not appear yet.
    c.advance(1000)
    expect(c.api.get('replicasets', 'default', old)!.spec.replicas).toBe(0)
    expect(pods(c).length).toBe(3)
    expect(rsByRev(c, '2')).toBeUndefined()
    let mixed = false
    for (let t = 0; t < 2000; t += 100) {
      kubelet(c)
      c.advance(100)
      const images = new Set(pods(c).map((p) => p.spec.containers[0].image))
      if (images.size > 1) mixed = true
    }
    expect(mixed).toBe(false)
    const neu = rsByRev(c, '2')!
    expect(neu.spec.replicas).toBe(3)
    expect(events(c, 'ScalingReplicaSet').map((e) => e.message)).toEqual([
      `Scaled up replica set ${old} to 3`,
      `Scaled down replica set ${old} to 0 from 3`,
      `Scaled up replica set ${neu.metadata.name} to 3`,
    ])
    expect(neu.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('3')
  })
})

describe('paused deployments', () => {
  it('makes no rollout progress while paused, reports DeploymentPaused, and rolls out after resume', () => {
    const c = cluster()
    c.api.create(deployment('web', 2))
    run(c, 1000)
    c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.paused = true })
    run(c, 300)
    expect(progressing(c)).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' })
    setImage(c, 'nginx:1.9.1')
    c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.replicas = 3 }) // scaling still works
    run(c, 1000)
    expect(c.api.list('replicasets')).toHaveLength(1)
    expect(c.api.list('replicasets')[0].spec.replicas).toBe(3)
    expect(progressing(c).reason).toBe('DeploymentPaused')
    c.api.mutate('deployments', 'default', 'web', (d) => { delete d.spec.paused })
    // DeploymentResumed is written first, then the same sync creates the new RS and reports progress.
    run(c, 3000)
    expect(rsByRev(c, '2')!.spec.replicas).toBe(3)
    expect(progressing(c)).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' })
  })
})

describe('progress deadline', () => {
  it('sets Progressing False ProgressDeadlineExceeded once no progress was made for progressDeadlineSeconds', () => {
    const c = cluster()
    const d = deployment('web', 2)
    d.spec.progressDeadlineSeconds = 30
    c.api.create(d)
    run(c, 1000)
    setImage(c, 'nginx:broken')
    run(c, 2000, { ready: false })
    const neu = rsByRev(c, '2')!.metadata.name
    expect(progressing(c)).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${neu}" is progressing.` })
    run(c, 20000, { ready: false })
    expect(progressing(c).reason).toBe('ReplicaSetUpdated')
    run(c, 12000, { ready: false })
    expect(progressing(c)).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${neu}" has timed out progressing.` })
    // The Available condition is independent: the old pods still serve.
    const avail = c.api.get('deployments', 'default', 'web')!.status.conditions.find((x: { type: string }) => x.type === 'Available')
    expect(avail).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' })
  })

  it('a completed rollout never times out', () => {
    const c = cluster()
    const d = deployment('web', 1)
    d.spec.progressDeadlineSeconds = 5
    c.api.create(d)
    run(c, 20000)
    expect(progressing(c).reason).toBe('NewReplicaSetAvailable')
  })
})
