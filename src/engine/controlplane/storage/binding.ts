// Claim ↔ volume matching and binding. k/k pkg/controller/volume/persistentvolume/pv_controller.go
// (syncUnboundClaim, bind, bindVolumeToClaim, bindClaimToVolume, updateClaimStatus) and
// pkg/controller/volume/persistentvolume/util (FindMatchingVolume, CheckAccessModes).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { bytes } from '../../api/quantity'
import { recordEvent } from '../../api/events'
import { termsMatch } from '../scheduler/node-affinity'

export const PV_CONTROLLER = 'persistentvolume-controller'
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed'
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller'
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node'
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner'
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner'
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by'

/** GetPersistentVolumeClaimClass: spec.storageClassName, or the beta annotation, or "". */
export function claimClass(pvc: KObject): string {
  return pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? ''
}

export function volumeClass(pv: KObject): string {
  return pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pv.spec?.storageClassName ?? ''
}

export function requestBytes(pvc: KObject): number {
  const q = pvc.spec?.resources?.requests?.storage
  return q === undefined ? 0 : bytes(String(q))
}

/** FindMatchingVolume (simplified): an unclaimed (or pre-bound) volume of the same class with the access modes, smallest first. */
export function findMatchingVolume(c: Cluster, pvc: KObject): KObject | undefined {
  const want = requestBytes(pvc)
  const modes = (pvc.spec?.accessModes ?? []) as string[]
  const cls = claimClass(pvc)
  const nodeName = pvc.metadata.annotations?.[ANN_SELECTED_NODE]
  const node = nodeName ? c.client(PV_CONTROLLER).get('nodes', undefined, nodeName) : undefined
  const fits = c.client(PV_CONTROLLER).list('persistentvolumes').filter((pv) => {
    // A local volume must be reachable from the node chosen for the consumer (CheckVolumeNodeAffinity).
    const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms
    if (node && terms && !termsMatch(terms, node)) return false
    const ref = pv.spec?.claimRef
    if (ref && !(ref.name === pvc.metadata.name && ref.namespace === pvc.metadata.namespace && (!ref.uid || ref.uid === pvc.metadata.uid))) return false
    if (pv.metadata.deletionTimestamp) return false
    if (volumeClass(pv) !== cls) return false
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== (pvc.spec?.volumeMode ?? 'Filesystem')) return false
    const has = (pv.spec?.accessModes ?? []) as string[]
    if (!modes.every((m) => has.includes(m))) return false
    return bytes(String(pv.spec?.capacity?.storage ?? '0')) >= want
  })
  fits.sort((a, b) => bytes(String(a.spec?.capacity?.storage ?? '0')) - bytes(String(b.spec?.capacity?.storage ?? '0')) || a.metadata.name.localeCompare(b.metadata.name))
  // A volume pre-bound to this claim wins.
  return fits.find((pv) => pv.spec?.claimRef) ?? fits[0]
}

/** bind: volume → claim (claimRef, phase Bound), then claim → volume (volumeName, annotations, status). */
export function bind(c: Cluster, pv: KObject, pvc: KObject): boolean {
  const api = c.client(PV_CONTROLLER)
  const claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion }
  if (pv.spec?.claimRef?.uid !== pvc.metadata.uid) {
    const r = api.mutate('persistentvolumes', undefined, pv.metadata.name, (o) => {
      o.spec = { ...(o.spec ?? {}), claimRef }
      o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' }
    })
    if (!r.ok) return false
  }
  if (api.get('persistentvolumes', undefined, pv.metadata.name)?.status?.phase !== 'Bound') {
    api.updateStatus('persistentvolumes', undefined, pv.metadata.name, (o) => { o.status = { phase: 'Bound' } })
  }
  const r = api.mutate('persistentvolumeclaims', pvc.metadata.namespace, pvc.metadata.name, (o) => {
    o.spec = { ...(o.spec ?? {}), volumeName: pv.metadata.name }
    const ann: Record<string, string> = { ...(o.metadata.annotations ?? {}), [ANN_BIND_COMPLETED]: 'yes' }
    if (!pvc.spec?.volumeName) ann[ANN_BOUND_BY_CONTROLLER] = 'yes' // the controller chose the volume
    o.metadata.annotations = ann
  })
  if (!r.ok) return false
  api.updateStatus('persistentvolumeclaims', pvc.metadata.namespace, pvc.metadata.name, (o) => {
    o.status = { phase: 'Bound', accessModes: [...(pv.spec?.accessModes ?? [])], capacity: { ...(pv.spec?.capacity ?? {}) } }
  })
  return true
}

export function claimEvent(c: Cluster, pvc: KObject, type: 'Normal' | 'Warning', reason: string, message: string, component = PV_CONTROLLER): void {
  recordEvent(c, { component }, pvc, type, reason, message)
}
