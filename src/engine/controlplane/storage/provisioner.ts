// The simulated dynamic provisioner (rancher local-path-provisioner behind the external-provisioner
// sidecar): a hostPath volume `pvc-<claim uid>` under /opt/local-path-provisioner on the selected
// node. Sources: kubernetes-sigs/sig-storage-lib-external-provisioner controller/controller.go
// (provisionClaimOperation, events Provisioning / ProvisioningSucceeded),
// rancher/local-path-provisioner provisioner.go (Provision: path, node affinity).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { ANN_PROVISIONED_BY, ANN_SELECTED_NODE, PV_CONTROLLER, bind, claimEvent } from './binding'

export const PROVISIONER_COMPONENT = 'rancher.io/local-path_local-path-provisioner'
/**
 * Time the provisioner takes to create the directory and the PV object. Kept below the kubelet's
 * fastest pod start (~750 ms with a cached image) because this simulation's kubelet does not wait
 * for volumes: the claim is Bound before any container of its first consumer starts.
 */
export const PROVISION_MS = 300

/** The PV the provisioner creates for a claim of class `sc`. */
export function provisionedVolume(pvc: KObject, sc: KObject): KObject {
  const name = `pvc-${pvc.metadata.uid}`
  const node = pvc.metadata.annotations?.[ANN_SELECTED_NODE]
  const spec: Record<string, unknown> = {
    capacity: { storage: String(pvc.spec?.resources?.requests?.storage ?? '0') },
    accessModes: [...(pvc.spec?.accessModes ?? [])],
    claimRef: { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion },
    persistentVolumeReclaimPolicy: (sc as { reclaimPolicy?: string }).reclaimPolicy ?? 'Delete',
    storageClassName: sc.metadata.name,
    volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
    hostPath: { path: `/opt/local-path-provisioner/${name}_${pvc.metadata.namespace}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' },
  }
  if (node) spec.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } }
  return {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: { name, annotations: { [ANN_PROVISIONED_BY]: (sc as { provisioner?: string }).provisioner ?? '' } },
    spec,
  } as unknown as KObject
}

/** provisionClaimOperation: creates the PV, then the PV controller binds it. */
export function provision(c: Cluster, pvc: KObject, sc: KObject): void {
  const api = c.client(PROVISIONER_COMPONENT)
  claimEvent(c, pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${pvc.metadata.namespace}/${pvc.metadata.name}"`, PROVISIONER_COMPONENT)
  const pv = provisionedVolume(pvc, sc)
  const r = api.create(pv as never)
  if (!r.ok && r.status.reason !== 'AlreadyExists') {
    claimEvent(c, pvc, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": ${r.status.message}`, PROVISIONER_COMPONENT)
    return
  }
  claimEvent(c, pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`, PROVISIONER_COMPONENT)
  const created = c.client(PV_CONTROLLER).get('persistentvolumes', undefined, pv.metadata.name)
  if (created) bind(c, created, pvc)
}
