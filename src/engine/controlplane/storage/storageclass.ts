// The cluster's default StorageClass and the DefaultStorageClass admission plugin.
// A kubeadm cluster has no StorageClass until one installs a provisioner; like kind, Podflow
// ships rancher's local-path-provisioner as `standard (default)` (kind's
// pkg/cluster/internal/create/actions/installstorage/storage.go manifest), so
// volumeClaimTemplates work out of the box. Admission: k/k
// plugin/pkg/admission/storage/storageclass/setdefault/admission.go (Admit, GetDefaultClass).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { registerAdmitter } from '../../api/admission'
import { onBootstrap } from '../../registry'

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class'
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path'
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner'

export function standardStorageClass(): KObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  } as unknown as KObject
}

/** GetDefaultClass: the newest class annotated default (ties: by name). */
export function defaultStorageClass(c: Cluster): KObject | undefined {
  const defaults = c.api.list('storageclasses').filter((sc) => sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
  defaults.sort((a, b) => b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name))
  return defaults[0]
}

onBootstrap(30, 'storage-class', (c) => {
  if (!c.api.get('storageclasses', '', 'standard')) c.client('kubectl').create(standardStorageClass() as never)
})

// A new claim without spec.storageClassName (nil, not "") gets the default class.
registerAdmitter('persistentvolumeclaims', (c, op, _info, obj) => {
  if (op !== 'CREATE' || obj.spec?.storageClassName !== undefined && obj.spec?.storageClassName !== null) return { ok: true, value: obj }
  if (obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] !== undefined) return { ok: true, value: obj }
  const sc = defaultStorageClass(c)
  if (sc) obj.spec = { ...(obj.spec ?? {}), storageClassName: sc.metadata.name }
  return { ok: true, value: obj }
})
