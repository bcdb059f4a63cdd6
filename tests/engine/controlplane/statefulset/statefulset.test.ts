import { describe, expect, it } from 'vitest'
import '../../../../src/engine/api/validation/index'
import { cluster, events, pods, run } from '../helpers'
import type { KObject } from '../../../../src/engine/api/types'
import type { Cluster } from '../../../../src/engine/cluster'

function sts(name: string, replicas: number, extra: Record<string, unknown> = {}, image = 'nginx:1.25'): KObject {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet',
    metadata: { name, namespace: 'default' },
    spec: {
      serviceName: 'nginx', replicas, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data', labels: { tier: 'db' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...extra,
    },
  } as unknown as KObject
}

const names = (c: Cluster) => pods(c).map((p) => p.metadata.name).sort()
const msgs = (c: Cluster, reason: string) => events(c, reason).map((e) => e.message)
const setImage = (c: Cluster, image: string) => c.api.mutate('statefulsets', 'default', 'web', (o) => { o.spec.template.spec.containers[0].image = image })

describe('statefulset-controller', () => {
  it('OrderedReady: creates web-0, then web-1 only once web-0 is Running and Ready (case 27)', () => {
    const c = cluster()
    expect(c.api.create(sts('web', 3)).ok).toBe(true)
    run(c, 2000, { ready: false })
    expect(names(c)).toEqual(['web-0'])
    c.api.updateStatus('pods', 'default', 'web-0', (p) => { p.status.conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: p.status.conditions[0].lastTransitionTime }] })
    run(c, 2000)
    expect(names(c)).toEqual(['web-0', 'web-1', 'web-2'])
    expect(msgs(c, 'SuccessfulCreate')).toEqual([
      'create Claim data-web-0 Pod web-0 in StatefulSet web success', 'create Pod web-0 in StatefulSet web successful',
      'create Claim data-web-1 Pod web-1 in StatefulSet web success', 'create Pod web-1 in StatefulSet web successful',
      'create Claim data-web-2 Pod web-2 in StatefulSet web success', 'create Pod web-2 in StatefulSet web successful',
    ])
    expect(events(c, 'SuccessfulCreate')[0].source.component).toBe('statefulset-controller')
  })

  it('gives pods a stable identity, labels, owner and claim', () => {
    const c = cluster()
    c.api.create(sts('web', 2))
    run(c, 3000)
    const owner = c.api.get('statefulsets', 'default', 'web')!
    const p = c.api.get('pods', 'default', 'web-1')!
    const rev = owner.status?.updateRevision as string
    expect(rev).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/)
    expect(p.metadata.labels).toEqual({ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': rev })
    expect(p.spec?.hostname).toBe('web-1')
    expect(p.spec?.subdomain).toBe('nginx')
    expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }])
    expect(p.spec?.volumes).toContainEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } })
    const pvc = c.api.get('persistentvolumeclaims', 'default', 'data-web-1')!
    expect(pvc.metadata.labels).toEqual({ tier: 'db', app: 'web' })
    expect(pvc.metadata.ownerReferences).toBeUndefined() // whenScaled/whenDeleted: Retain
    expect(owner.status).toEqual({ observedGeneration: 1, replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, currentRevision: rev, updateRevision: rev, collisionCount: 0, availableReplicas: 2 })
    const crs = c.api.list('controllerrevisions', { namespace: 'default' })
    expect(crs.map((r) => [r.metadata.name, (r as { revision?: number }).revision])).toEqual([[rev, 1]])
  })

  it('scales down from the highest ordinal, one at a time, and keeps the claims (case 27)', () => {
    const c = cluster()
    c.api.create(sts('web', 3))
    run(c, 3000)
    c.api.mutate('statefulsets', 'default', 'web', (o) => { o.spec.replicas = 1 })
    c.advance(50) // no kubelet: web-2 stays Terminating, so web-1 must wait
    expect(msgs(c, 'SuccessfulDelete')).toEqual(['delete Pod web-2 in StatefulSet web successful'])
    c.advance(2000)
    expect(msgs(c, 'SuccessfulDelete')).toHaveLength(1)
    run(c, 2000)
    expect(msgs(c, 'SuccessfulDelete')).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful'])
    expect(names(c)).toEqual(['web-0'])
    expect(c.api.list('persistentvolumeclaims', { namespace: 'default' }).map((p) => p.metadata.name).sort()).toEqual(['data-web-0', 'data-web-1', 'data-web-2'])
    expect(c.api.get('statefulsets', 'default', 'web')!.status).toMatchObject({ replicas: 1, readyReplicas: 1 })
  })

  it('Parallel creates and deletes without waiting for readiness', () => {
    const c = cluster()
    c.api.create(sts('web', 3, { podManagementPolicy: 'Parallel' }))
    run(c, 500, { ready: false })
    expect(names(c)).toEqual(['web-0', 'web-1', 'web-2'])
    c.api.mutate('statefulsets', 'default', 'web', (o) => { o.spec.replicas = 0 })
    c.advance(50)
    expect(msgs(c, 'SuccessfulDelete').sort()).toEqual(['delete Pod web-0 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful', 'delete Pod web-2 in StatefulSet web successful'])
  })

  it('recreates a deleted pod with the same name', () => {
    const c = cluster()
    c.api.create(sts('web', 2))
    run(c, 3000)
    const old = c.api.get('pods', 'default', 'web-0')!.metadata.uid
    c.api.delete('pods', 'default', 'web-0')
    run(c, 1000)
    const now = c.api.get('pods', 'default', 'web-0')!
    expect(now.metadata.uid).not.toBe(old)
    expect(names(c)).toEqual(['web-0', 'web-1'])
  })

  it('recreates a failed pod with the same name', () => {
    const c = cluster()
    c.api.create(sts('web', 1))
    run(c, 2000)
    const old = c.api.get('pods', 'default', 'web-0')!.metadata.uid
    c.api.updateStatus('pods', 'default', 'web-0', (p) => { p.status = { ...p.status, phase: 'Failed' } })
    run(c, 1000)
    expect(c.api.get('pods', 'default', 'web-0')!.metadata.uid).not.toBe(old)
    expect(msgs(c, 'RecreatingFailedPod')).toEqual(['StatefulSet default/web is recreating failed Pod web-0'])
    expect(events(c, 'RecreatingFailedPod')[0].type).toBe('Warning')
    expect(msgs(c, 'SuccessfulDelete')).toEqual(['delete Pod web-0 in StatefulSet web successful'])
    expect(events(c, 'SuccessfulCreate').find((e) => e.message === 'create Pod web-0 in StatefulSet web successful')?.count).toBe(2)
  })

  it('rolls pods in reverse ordinal order to a new ControllerRevision', () => {
    const c = cluster()
    c.api.create(sts('web', 3))
    run(c, 3000)
    const first = c.api.get('statefulsets', 'default', 'web')!.status?.currentRevision
    setImage(c, 'nginx:1.26')
    run(c, 5000)
    expect(msgs(c, 'SuccessfulDelete')).toEqual(['web-2', 'web-1', 'web-0'].map((n) => `delete Pod ${n} in StatefulSet web successful`))
    const st = c.api.get('statefulsets', 'default', 'web')!.status!
    expect(st.updateRevision).not.toBe(first)
    expect(st.currentRevision).toBe(st.updateRevision)
    expect(st).toMatchObject({ replicas: 3, updatedReplicas: 3, currentReplicas: 3 })
    for (const p of pods(c)) expect(p.spec?.containers[0].image).toBe('nginx:1.26')
    const revs = c.api.list('controllerrevisions', { namespace: 'default' }).map((r) => (r as { revision?: number }).revision).sort()
    expect(revs).toEqual([1, 2])
    // Rolling back reuses the first revision with the next number.
    setImage(c, 'nginx:1.25')
    run(c, 5000)
    expect(c.api.get('controllerrevisions', 'default', first)).toMatchObject({ revision: 3 })
    expect(c.api.get('statefulsets', 'default', 'web')!.status?.currentRevision).toBe(first)
  })

  it('RollingUpdate partition keeps ordinals below it at the current revision', () => {
    const c = cluster()
    c.api.create(sts('web', 3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }))
    run(c, 3000)
    setImage(c, 'nginx:1.26')
    run(c, 3000)
    const img = (n: string) => c.api.get('pods', 'default', n)!.spec?.containers[0].image
    expect([img('web-0'), img('web-1'), img('web-2')]).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.26'])
    const st = c.api.get('statefulsets', 'default', 'web')!.status!
    expect(st.currentRevision).not.toBe(st.updateRevision)
    expect(st).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 })
    // A deleted pod below the partition comes back at the current revision.
    c.api.delete('pods', 'default', 'web-0')
    run(c, 1000)
    expect(img('web-0')).toBe('nginx:1.25')
  })

  it('OnDelete only updates pods the user deletes', () => {
    const c = cluster()
    c.api.create(sts('web', 2, { updateStrategy: { type: 'OnDelete' } }))
    run(c, 3000)
    setImage(c, 'nginx:1.26')
    run(c, 2000)
    expect(msgs(c, 'SuccessfulDelete')).toEqual([])
    c.api.delete('pods', 'default', 'web-1')
    run(c, 1000)
    expect(c.api.get('pods', 'default', 'web-1')!.spec?.containers[0].image).toBe('nginx:1.26')
    expect(c.api.get('pods', 'default', 'web-0')!.spec?.containers[0].image).toBe('nginx:1.25')
  })

  it('minReadySeconds: the next ordinal waits until the previous pod is available', () => {
    const c = cluster()
    c.api.create(sts('web', 2, { minReadySeconds: 10 }))
    run(c, 5000)
    expect(names(c)).toEqual(['web-0'])
    expect(c.api.get('statefulsets', 'default', 'web')!.status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 })
    run(c, 8000)
    expect(names(c)).toEqual(['web-0', 'web-1'])
  })

  it('rejects replicas -1 with the API validation error', () => {
    const c = cluster()
    const r = c.api.create(sts('web', -1))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.status.message).toBe('The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0')
  })

  it('without serviceName (not validated upstream) pods get no subdomain', () => {
    const c = cluster()
    const s = sts('db', 1)
    delete s.spec!.serviceName
    expect(c.api.create(s).ok).toBe(true)
    run(c, 2000)
    const p = c.api.get('pods', 'default', 'db-0')!
    expect(p.spec?.hostname).toBe('db-0')
    expect(p.spec?.subdomain).toBeUndefined()
  })

  it('recreates a missing claim for a pending pod', () => {
    const c = cluster()
    c.api.create(sts('web', 1))
    c.advance(20) // pod and claim created, pod not running yet
    expect(c.api.get('persistentvolumeclaims', 'default', 'data-web-0')).toBeDefined()
    c.state.store.objects.persistentvolumeclaims = {}
    c.api.mutate('pods', 'default', 'web-0', (p) => { p.metadata.annotations = { touch: '1' } })
    c.advance(20)
    expect(c.api.get('persistentvolumeclaims', 'default', 'data-web-0')).toBeDefined()
  })
})

describe('statefulset-controller availability', () => {
  it('reports availableReplicas once pods have been ready for minReadySeconds (Parallel)', () => {
    const c = cluster()
    c.api.create(sts('web', 2, { minReadySeconds: 10, podManagementPolicy: 'Parallel' }))
    run(c, 2000)
    expect(c.api.get('statefulsets', 'default', 'web')!.status).toMatchObject({ readyReplicas: 2, availableReplicas: 0 })
    run(c, 10000)
    expect(c.api.get('statefulsets', 'default', 'web')!.status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 })
  })
})

describe('statefulset-controller persistentVolumeClaimRetentionPolicy', () => {
  const claimNames = (c: Cluster) => c.api.list('persistentvolumeclaims', { namespace: 'default' }).map((p) => p.metadata.name).sort()

  it('whenScaled: Delete removes the claims of scaled-down pods', () => {
    const c = cluster()
    c.api.create(sts('web', 3, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } }))
    run(c, 3000)
    expect(c.api.get('persistentvolumeclaims', 'default', 'data-web-2')!.metadata.ownerReferences).toBeUndefined()
    c.api.mutate('statefulsets', 'default', 'web', (o) => { o.spec.replicas = 1 })
    run(c, 3000)
    expect(claimNames(c)).toEqual(['data-web-0'])
  })

  it('whenDeleted: Delete owns the claims by the set, so they go with it', () => {
    const c = cluster()
    c.api.create(sts('web', 2, { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }))
    run(c, 3000)
    const owner = c.api.get('statefulsets', 'default', 'web')!
    expect(c.api.get('persistentvolumeclaims', 'default', 'data-web-0')!.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: owner.metadata.uid }])
    c.api.mutate('statefulsets', 'default', 'web', (o) => { o.spec.replicas = 1 })
    run(c, 2000)
    expect(claimNames(c)).toEqual(['data-web-0', 'data-web-1'])
    c.api.delete('statefulsets', 'default', 'web')
    run(c, 3000)
    expect(pods(c)).toEqual([])
    expect(claimNames(c)).toEqual([])
  })

  it('Retain (default) keeps the claims after the set is deleted', () => {
    const c = cluster()
    c.api.create(sts('web', 2))
    run(c, 3000)
    c.api.delete('statefulsets', 'default', 'web')
    run(c, 3000)
    expect(pods(c)).toEqual([])
    expect(claimNames(c)).toEqual(['data-web-0', 'data-web-1'])
  })
})

describe('statefulset-controller identity', () => {
  it('restores a removed identity label', () => {
    const c = cluster()
    c.api.create(sts('web', 1))
    run(c, 2000)
    c.api.mutate('pods', 'default', 'web-0', (p) => { delete p.metadata.labels?.['statefulset.kubernetes.io/pod-name'] })
    run(c, 500)
    expect(c.api.get('pods', 'default', 'web-0')!.metadata.labels?.['statefulset.kubernetes.io/pod-name']).toBe('web-0')
    expect(msgs(c, 'SuccessfulUpdate')).toEqual(['update Pod web-0 in StatefulSet web successful'])
  })
})
