import { describe, expect, it } from 'vitest'
import { describe as describeObj } from '../../../src/kubectl/printers'
import { fakeCluster, obj } from './fixtures'
import { NOW } from './describe-fixtures'

describe('describe pv and storageclass (kubectl v1.30)', () => {
  it('a provisioned hostPath volume', () => {
    const pv = obj('v1', 'PersistentVolume', 'pvc-1', 0, {
      spec: {
        capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', volumeMode: 'Filesystem',
        claimRef: { namespace: 'default', name: 'data-web-0' },
        hostPath: { path: '/opt/local-path-provisioner/pvc-1_default_data-web-0', type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker-1'] }] }] } },
      },
      status: { phase: 'Bound' },
    })
    delete pv.metadata.namespace
    pv.metadata.finalizers = ['kubernetes.io/pv-protection']
    const out = describeObj(fakeCluster(NOW, [pv]), 'persistentvolumes', pv)
    expect(out).toBe(`Name:              pvc-1
Labels:            <none>
Annotations:       <none>
Finalizers:        [kubernetes.io/pv-protection]
StorageClass:      standard
Status:            Bound
Claim:             default/data-web-0
Reclaim Policy:    Delete
Access Modes:      RWO
VolumeMode:        Filesystem
Capacity:          1Gi
Node Affinity:     
  Required Terms:  
    Term 0:        kubernetes.io/hostname in [worker-1]
Message:           
Source:
    Type:          HostPath (bare host directory volume)
    Path:          /opt/local-path-provisioner/pvc-1_default_data-web-0
    HostPathType:  DirectoryOrCreate
Events:            <none>
`)
  })

  it('the default storage class', () => {
    const sc = obj('storage.k8s.io/v1', 'StorageClass', 'standard', 0, { provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' })
    delete sc.metadata.namespace
    sc.metadata.annotations = { 'storageclass.kubernetes.io/is-default-class': 'true' }
    expect(describeObj(fakeCluster(NOW, [sc]), 'storageclasses', sc)).toBe(`Name:                  standard
IsDefaultClass:        Yes
Annotations:           storageclass.kubernetes.io/is-default-class=true
Provisioner:           rancher.io/local-path
Parameters:            <none>
AllowVolumeExpansion:  <unset>
MountOptions:          <none>
ReclaimPolicy:         Delete
VolumeBindingMode:     WaitForFirstConsumer
Events:                <none>
`)
  })
})
