// Storage object in-use protection: new claims and volumes get a finalizer so that deleting
// a claim still mounted by a pod (or a volume still bound) leaves it Terminating until it is
// free. k/k plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go,
// pkg/controller/volume/pvcprotection/pvc_protection_controller.go (processPVC, isBeingUsed),
// pkg/controller/volume/pvprotection/pv_protection_controller.go (processPV, isBeingUsed).
import type { Cluster } from '../../cluster'
import type { KObject, WatchEvent } from '../../api/types'
import { registerAdmitter } from '../../api/admission'
import { registerComponents } from '../../registry'
import { sortedKeys, splitKey } from '../util/sync-keys'
import { isTerminal } from '../util/pods'
import { podClaims } from './pv-controller'

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection'
export const PV_PROTECTION = 'kubernetes.io/pv-protection'
const PVC_CONTROLLER = 'pvc-protection-controller'
const PV_CONTROLLER_NAME = 'pv-protection-controller'

function addFinalizer(finalizer: string) {
  return (_c: Cluster, op: string, _info: unknown, obj: KObject) => {
    if (op === 'CREATE' && !(obj.metadata.finalizers ?? []).includes(finalizer)) obj.metadata.finalizers = [...(obj.metadata.finalizers ?? []), finalizer]
    return { ok: true as const, value: obj }
  }
}

registerAdmitter('persistentvolumeclaims', addFinalizer(PVC_PROTECTION))
registerAdmitter('persistentvolumes', addFinalizer(PV_PROTECTION))

/** A claim is in use while a scheduled, non-terminal pod mounts it (podUsesPVC: the kubelet refuses unscheduled ones). */
export function claimInUse(c: Cluster, pvc: KObject): boolean {
  return c.client(PVC_CONTROLLER).list('pods', { namespace: pvc.metadata.namespace })
    .some((p) => !!p.spec?.nodeName && !isTerminal(p) && podClaims(p).includes(pvc.metadata.name))
}

function removeFinalizer(c: Cluster, actor: string, plural: string, obj: KObject, finalizer: string): void {
  c.client(actor).mutate(plural, obj.metadata.namespace, obj.metadata.name, (o) => {
    if (!(o.metadata.finalizers ?? []).includes(finalizer)) return false
    o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f: string) => f !== finalizer)
  })
}

function processClaim(c: Cluster, ns: string, name: string): void {
  const pvc = c.client(PVC_CONTROLLER).get('persistentvolumeclaims', ns, name)
  if (!pvc?.metadata.deletionTimestamp || !(pvc.metadata.finalizers ?? []).includes(PVC_PROTECTION)) return
  if (!claimInUse(c, pvc)) removeFinalizer(c, PVC_CONTROLLER, 'persistentvolumeclaims', pvc, PVC_PROTECTION)
}

function processVolume(c: Cluster, name: string): void {
  const pv = c.client(PV_CONTROLLER_NAME).get('persistentvolumes', undefined, name)
  if (!pv?.metadata.deletionTimestamp || !(pv.metadata.finalizers ?? []).includes(PV_PROTECTION)) return
  if (pv.status?.phase !== 'Bound') removeFinalizer(c, PV_CONTROLLER_NAME, 'persistentvolumes', pv, PV_PROTECTION)
}

function onClaimEvents(c: Cluster, events: WatchEvent[]): void {
  const keys: Record<string, true> = {}
  for (const e of events) {
    const ns = e.object.metadata.namespace ?? 'default'
    if (e.plural === 'persistentvolumeclaims') { if (e.type !== 'DELETED') keys[`${ns}/${e.object.metadata.name}`] = true; continue }
    // A pod going away or finishing may free its claims.
    if (e.type === 'DELETED' || isTerminal(e.object) || e.object.metadata.deletionTimestamp) for (const n of podClaims(e.object)) keys[`${ns}/${n}`] = true
  }
  for (const k of sortedKeys(keys)) processClaim(c, ...splitKey(k))
}

function onVolumeEvents(c: Cluster, events: WatchEvent[]): void {
  const keys: Record<string, true> = {}
  for (const e of events) if (e.type !== 'DELETED') keys[e.object.metadata.name] = true
  for (const k of sortedKeys(keys)) processVolume(c, k)
}

registerComponents(() => [
  { name: PVC_CONTROLLER, watches: ['persistentvolumeclaims', 'pods'], onEvents: onClaimEvents },
  { name: PV_CONTROLLER_NAME, watches: ['persistentvolumes'], onEvents: onVolumeEvents },
])
