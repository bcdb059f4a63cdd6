// Rolling updates (k/k pkg/controller/deployment/rolling.go, util/deployment_util.go): §10 cases 23/24,
// rollover, proportional scaling, minReadySeconds.
import { describe, expect, it } from 'vitest'
import type { Cluster } from '../../../../src/engine/cluster'
import type { KObject } from '../../../../src/engine/api/types'
import { cluster, deployment, events, kubelet, pods, run } from '../helpers'

const REV = 'deployment.kubernetes.io/revision'

function setImage(c: Cluster, img: string): void {
  const r = c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.template.spec.containers[0].image = img })
  expect(r.ok).toBe(true)
}

function withStrategy(d: KObject, ru: Record<string, unknown>): KObject {
  d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: ru }
  return d
}

const live = (c: Cluster) => pods(c).filter((p) => !p.metadata.deletionTimestamp)
const readyCount = (c: Cluster) => live(c).filter((p) => p.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True')).length
const rsByRev = (c: Cluster, rev: string) => c.api.list('replicasets').find((r) => r.metadata.annotations?.[REV] === rev)!
const scalingMessages = (c: Cluster) => events(c, 'ScalingReplicaSet').map((e) => e.message)

/** Runs `ms` in 100 ms steps; returns the max pod count and the min ready count seen. */
function watchRollout(c: Cluster, ms: number): { maxPods: number; minReady: number } {
  let maxPods = 0
  let minReady = Infinity
  for (let t = 0; t < ms; t += 100) {
    c.advance(100)
    kubelet(c)
    maxPods = Math.max(maxPods, pods(c).length)
    minReady = Math.min(minReady, readyCount(c))
  }
  return { maxPods, minReady }
}

describe('rolling update', () => {
  it('case 23: 4 replicas with 25%/25% → new RS at 1, old 4→3; never more than 5 pods or fewer than 3 ready', () => {
    const c = cluster()
    c.api.create(deployment('web', 4))
    run(c, 1000)
    const old = c.api.list('replicasets')[0].metadata.name
    setImage(c, 'nginx:1.9.1')
    const seen = watchRollout(c, 3000)
    const neu = rsByRev(c, '2').metadata.name
    const msgs = scalingMessages(c)
    expect(msgs.slice(0, 3)).toEqual([`Scaled up replica set ${old} to 4`, `Scaled up replica set ${neu} to 1`, `Scaled down replica set ${old} to 3 from 4`])
    expect(msgs).toContain(`Scaled up replica set ${neu} to 2 from 1`)
    expect(msgs.at(-1)).toBe(`Scaled down replica set ${old} to 0 from 1`)
    expect(seen.maxPods).toBeLessThanOrEqual(5)
    expect(seen.minReady).toBeGreaterThanOrEqual(3)
    expect(rsByRev(c, '2').spec.replicas).toBe(4)
    expect(rsByRev(c, '1').spec.replicas).toBe(0)
    const d = c.api.get('deployments', 'default', 'web')!
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 })
    expect(d.status.conditions.find((x: { type: string }) => x.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${neu}" has successfully progressed.` })
  })

  it('case 24: 3 replicas (surge 1, unavailable 0) never drop below 3 ready; 10 replicas stay within 13 pods and ≥8 ready', () => {
    for (const [n, maxPods, minReady] of [[3, 4, 3], [10, 13, 8]]) {
      const c = cluster({ workers: 3 })
      c.api.create(deployment('web', n))
      run(c, 1500)
      setImage(c, 'nginx:1.9.1')
      const seen = watchRollout(c, 5000)
      expect(seen.maxPods).toBeLessThanOrEqual(maxPods)
      expect(seen.maxPods).toBeGreaterThan(n) // it did surge
      expect(seen.minReady).toBeGreaterThanOrEqual(minReady)
      expect(rsByRev(c, '2').spec.replicas).toBe(n)
    }
  })

  it('case 24: with unavailable 0 an old pod goes only after a new one is available', () => {
    const c = cluster()
    c.api.create(deployment('web', 3))
    run(c, 1000)
    setImage(c, 'nginx:1.9.1')
    run(c, 1000, { ready: false }) // new pods never become ready
    expect(rsByRev(c, '2').spec.replicas).toBe(1)
    expect(rsByRev(c, '1').spec.replicas).toBe(3)
  })

  it('maxSurge 0 / maxUnavailable 1 replaces one pod at a time without surging', () => {
    const c = cluster()
    c.api.create(withStrategy(deployment('web', 3), { maxSurge: 0, maxUnavailable: 1 }))
    run(c, 1000)
    setImage(c, 'nginx:1.9.1')
    const seen = watchRollout(c, 3000)
    expect(seen.maxPods).toBe(3)
    expect(rsByRev(c, '2').spec.replicas).toBe(3)
    const old = rsByRev(c, '1').metadata.name
    expect(scalingMessages(c)).toContain(`Scaled down replica set ${old} to 2 from 3`)
  })

  it('rollover: a new template mid-rollout makes a third RS and scales the older ones down', () => {
    const c = cluster({ workers: 3 })
    c.api.create(withStrategy(deployment('web', 4), { maxSurge: 1, maxUnavailable: 1 }))
    run(c, 1000)
    setImage(c, 'nginx:broken')
    run(c, 1000, { ready: false })
    expect(rsByRev(c, '2').spec.replicas).toBeGreaterThan(0)
    setImage(c, 'nginx:1.9.1')
    run(c, 4000)
    const rss = c.api.list('replicasets')
    expect(rss).toHaveLength(3)
    expect(rsByRev(c, '3').spec.replicas).toBe(4)
    expect(rsByRev(c, '2').spec.replicas).toBe(0)
    expect(rsByRev(c, '1').spec.replicas).toBe(0)
    expect(live(c).every((p) => p.spec.containers[0].image === 'nginx:1.9.1')).toBe(true)
    expect(c.api.get('deployments', 'default', 'web')!.metadata.annotations?.[REV]).toBe('3')
  })

  it('proportional scaling: 10→15 mid-rollout (surge 3, unavailable 2) adds 3 to the old RS and 2 to the new', () => {
    const c = cluster({ workers: 3 })
    c.api.create(withStrategy(deployment('web', 10), { maxSurge: 3, maxUnavailable: 2 }))
    run(c, 1500)
    setImage(c, 'nginx:broken')
    run(c, 1500, { ready: false })
    const old = rsByRev(c, '1')
    const neu = rsByRev(c, '2')
    expect([old.spec.replicas, neu.spec.replicas]).toEqual([8, 5])
    c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.replicas = 15 })
    run(c, 500, { ready: false })
    expect([rsByRev(c, '1').spec.replicas, rsByRev(c, '2').spec.replicas]).toEqual([11, 7])
    const msgs = scalingMessages(c)
    expect(msgs).toContain(`Scaled up replica set ${old.metadata.name} to 11 from 8`)
    expect(msgs).toContain(`Scaled up replica set ${neu.metadata.name} to 7 from 5`)
    expect(rsByRev(c, '1').metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '15', 'deployment.kubernetes.io/max-replicas': '18' })
    // And back down: 18 → 13 allowed, the older RS loses first (ReplicaSetsBySizeOlder).
    c.api.mutate('deployments', 'default', 'web', (d) => { d.spec.replicas = 10 })
    run(c, 500, { ready: false })
    expect([rsByRev(c, '1').spec.replicas, rsByRev(c, '2').spec.replicas]).toEqual([8, 5])
    expect(scalingMessages(c)).toContain(`Scaled down replica set ${old.metadata.name} to 8 from 11`)
  })

  it('minReadySeconds delays availability and therefore the old RS scale-down', () => {
    const c = cluster()
    const d = withStrategy(deployment('web', 1), { maxSurge: 1, maxUnavailable: 0 })
    d.spec.minReadySeconds = 10
    c.api.create(d)
    run(c, 12000)
    expect(c.api.get('deployments', 'default', 'web')!.status.availableReplicas).toBe(1)
    setImage(c, 'nginx:1.9.1')
    run(c, 5000)
    expect(rsByRev(c, '1').spec.replicas).toBe(1)
    expect(rsByRev(c, '2').spec.minReadySeconds).toBe(10)
    run(c, 7000)
    expect(rsByRev(c, '1').spec.replicas).toBe(0)
  })

  it('adopts a matching orphan ReplicaSet instead of creating a new one', () => {
    const c = cluster()
    const d = deployment('web', 2)
    c.api.create({
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: 'web-orphan', namespace: 'default', labels: { app: 'web' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: structuredClone(d.spec.template) },
    } as unknown as KObject)
    run(c, 500)
    c.api.create(d)
    run(c, 1000)
    const rss = c.api.list('replicasets')
    expect(rss.map((r) => r.metadata.name)).toEqual(['web-orphan'])
    expect(rss[0].metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true })
    expect(rss[0].metadata.annotations?.[REV]).toBe('1')
  })
})
