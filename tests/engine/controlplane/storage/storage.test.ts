import { describe, expect, it } from 'vitest'
import '../../../../src/engine/api/validation/index'
import { cluster, events, pod, run } from '../helpers'
import type { KObject } from '../../../../src/engine/api/types'
import type { Cluster } from '../../../../src/engine/cluster'

function pvc(name: string, extra: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...extra } } as unknown as KObject
}

function pv(name: string, size: string, extra: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/data/${name}` }, ...extra } } as unknown as KObject
}

const user = (name: string, claim: string) => pod(name, { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: claim } }] })
const getPvc = (c: Cluster, n: string) => c.api.get('persistentvolumeclaims', 'default', n)
const reasons = (c: Cluster) => events(c).map((e) => e.reason)

describe('storage: default StorageClass and provisioning', () => {
  it('creates the default StorageClass at bootstrap and assigns it to claims without a class', () => {
    const c = cluster()
    const sc = c.api.get('storageclasses', undefined, 'standard') as KObject & Record<string, unknown>
    expect(sc).toMatchObject({ provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' })
    expect(sc.metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' })
    c.api.create(pvc('a'))
    c.api.create(pvc('b', { storageClassName: '' }))
    expect(getPvc(c, 'a')!.spec?.storageClassName).toBe('standard')
    expect(getPvc(c, 'b')!.spec?.storageClassName).toBe('')
    expect(getPvc(c, 'a')!.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection'])
  })

  it('WaitForFirstConsumer: provisions pvc-<uid> on the node of the first scheduled pod', () => {
    const c = cluster()
    c.api.create(pvc('data'))
    run(c, 3000)
    expect(getPvc(c, 'data')!.status?.phase).toBe('Pending')
    expect(events(c, 'WaitForFirstConsumer')[0].message).toBe('waiting for first consumer to be created before binding')
    c.api.create(user('app', 'data'))
    run(c, 3000)
    const claim = getPvc(c, 'data')!
    const node = c.api.get('pods', 'default', 'app')!.spec?.nodeName
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } })
    expect(claim.spec?.volumeName).toBe(`pvc-${claim.metadata.uid}`)
    expect(claim.metadata.annotations).toMatchObject({ 'volume.kubernetes.io/selected-node': node, 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path' })
    const vol = c.api.get('persistentvolumes', undefined, claim.spec?.volumeName)!
    expect(vol.status?.phase).toBe('Bound')
    expect(vol.spec).toMatchObject({ capacity: { storage: '1Gi' }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', claimRef: { name: 'data', namespace: 'default', uid: claim.metadata.uid } })
    expect(vol.spec?.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0]).toEqual({ key: 'kubernetes.io/hostname', operator: 'In', values: [node] })
    expect(reasons(c)).toEqual(expect.arrayContaining(['ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']))
  })

  it('Immediate binding mode provisions without a consumer', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'rancher.io/local-path', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate' } as unknown as KObject)
    c.api.create(pvc('data', { storageClassName: 'fast' }))
    run(c, 3000)
    const claim = getPvc(c, 'data')!
    expect(claim.status?.phase).toBe('Bound')
    const vol = c.api.get('persistentvolumes', undefined, claim.spec?.volumeName)!
    expect(vol.spec?.persistentVolumeReclaimPolicy).toBe('Retain')
    expect(vol.spec?.nodeAffinity).toBeUndefined()
  })

  it('binds a class-less claim to the smallest fitting Available volume', () => {
    const c = cluster()
    c.api.create(pv('big', '10Gi'))
    c.api.create(pv('small', '2Gi'))
    c.api.create(pv('tiny', '500Mi'))
    run(c, 200)
    expect(c.api.get('persistentvolumes', undefined, 'small')!.status?.phase).toBe('Available')
    c.api.create(pvc('data', { storageClassName: '' }))
    run(c, 500)
    expect(getPvc(c, 'data')!.spec?.volumeName).toBe('small')
    expect(getPvc(c, 'data')!.status?.capacity).toEqual({ storage: '2Gi' })
    const small = c.api.get('persistentvolumes', undefined, 'small')!
    expect(small.status?.phase).toBe('Bound')
    expect(small.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes')
  })

  it('deleting a claim deletes a Delete volume and releases a Retain one', () => {
    const c = cluster()
    c.api.create(pv('keep', '1Gi'))
    c.api.create(pvc('a', { storageClassName: '' }))
    c.api.create(pvc('b'))
    c.api.create(user('app', 'b'))
    run(c, 3000)
    const dynamic = getPvc(c, 'b')!.spec?.volumeName
    c.api.delete('pods', 'default', 'app')
    run(c, 500)
    c.api.delete('persistentvolumeclaims', 'default', 'a')
    c.api.delete('persistentvolumeclaims', 'default', 'b')
    run(c, 1000)
    expect(c.api.get('persistentvolumes', undefined, 'keep')!.status?.phase).toBe('Released')
    expect(c.api.get('persistentvolumes', undefined, dynamic)).toBeUndefined()
  })

  it('a claim mounted by a scheduled pod stays Terminating until the pod is gone (pvc-protection)', () => {
    const c = cluster()
    c.api.create(pvc('data'))
    c.api.create(user('app', 'data'))
    run(c, 3000)
    c.api.delete('persistentvolumeclaims', 'default', 'data')
    run(c, 1000)
    expect(getPvc(c, 'data')?.metadata.deletionTimestamp).toBeDefined()
    c.api.delete('pods', 'default', 'app')
    run(c, 1000)
    expect(getPvc(c, 'data')).toBeUndefined()
    expect(c.api.list('persistentvolumes')).toEqual([])
  })

  it('reports claims that cannot be bound', () => {
    const c = cluster()
    c.api.create(pvc('none', { storageClassName: '' }))
    c.api.create(pvc('ghost', { storageClassName: 'gold' }))
    run(c, 500)
    expect(events(c, 'FailedBinding')[0].message).toBe('no persistent volumes available for this claim and no storage class is set')
    expect(events(c, 'ProvisioningFailed')[0]).toMatchObject({ type: 'Warning', message: 'storageclass.storage.k8s.io "gold" not found' })
    expect(getPvc(c, 'none')!.status?.phase).toBe('Pending')
  })

  it('rejects a claim without access modes (API validation)', () => {
    const c = cluster()
    const r = c.api.create(pvc('bad', { accessModes: [] }))
    expect(r.ok).toBe(false)
  })
})

describe('storage: local volumes (kubernetes.io/no-provisioner, WaitForFirstConsumer)', () => {
  it('binds the claim to the volume on the node its consumer was scheduled to', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' } as unknown as KObject)
    for (const n of ['worker-1', 'worker-2']) {
      const vol = pv(`local-${n}`, '5Gi', { storageClassName: 'local', local: { path: '/mnt/disk' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [n] }] }] } } })
      delete vol.spec!.hostPath
      c.api.create(vol)
    }
    c.api.create(pvc('data', { storageClassName: 'local' }))
    run(c, 1000)
    expect(getPvc(c, 'data')!.status?.phase).toBe('Pending') // waits for a consumer, although volumes match
    c.api.create(user('app', 'data'))
    run(c, 1000)
    const node = c.api.get('pods', 'default', 'app')!.spec?.nodeName
    expect(getPvc(c, 'data')!.spec?.volumeName).toBe(`local-${node}`)
  })

  it('reports that no plugin provisions for kubernetes.io/no-provisioner', () => {
    const c = cluster()
    c.api.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'manual' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'Immediate' } as unknown as KObject)
    c.api.create(pvc('data', { storageClassName: 'manual' }))
    run(c, 500)
    expect(events(c, 'ProvisioningFailed')[0]).toMatchObject({ type: 'Warning', message: 'no volume plugin matched name: kubernetes.io/no-provisioner' })
  })
})
