// The PersistentVolume controller: binds pending claims to matching volumes, asks the
// provisioner for new ones (Immediate, or WaitForFirstConsumer once a pod using the claim is
// scheduled), and reclaims volumes whose claim is gone. k/k pkg/controller/volume/persistentvolume/
// pv_controller.go (syncClaim, syncUnboundClaim, syncBoundClaim, syncVolume, reclaimVolume,
// provisionClaim) and pkg/scheduler/framework/plugins/volumebinding (the selected-node annotation).
//
// Simplification: upstream the scheduler's VolumeBinding plugin annotates the claim with the chosen
// node and holds the pod until the volume is bound; here the scheduler binds the pod and this
// controller then annotates the claim from the pod's spec.nodeName (same node, same objects), and
// provisioning takes PROVISION_MS, shorter than the kubelet's fastest pod start, so the pod's
// containers start with the volume bound (the kubelet does not itself wait for volumes).
import type { Cluster } from '../../cluster'
import type { KObject, WatchEvent } from '../../api/types'
import { registerComponents } from '../../registry'
import { enqueueAfter, onResync } from '../util/queue'
import { sortedKeys, splitKey } from '../util/sync-keys'
import { ANN_BETA_STORAGE_PROVISIONER, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, PV_CONTROLLER, bind, claimClass, claimEvent, findMatchingVolume } from './binding'
import { PROVISION_MS, provision } from './provisioner'
import { NO_PROVISIONER } from './storageclass'

const PV_KEY = '_pv/'

interface Provisioning { started: Record<string, number> }

/** The claim names a pod mounts. */
export function podClaims(pod: KObject): string[] {
  return ((pod.spec?.volumes ?? []) as { persistentVolumeClaim?: { claimName?: string } }[]).map((v) => v.persistentVolumeClaim?.claimName ?? '').filter(Boolean)
}

export function syncClaim(c: Cluster, ns: string, name: string): void {
  const api = c.client(PV_CONTROLLER)
  const pvc = api.get('persistentvolumeclaims', ns, name)
  if (!pvc || pvc.metadata.deletionTimestamp) return
  const volumeName = pvc.spec?.volumeName as string | undefined
  if (volumeName) {
    // syncBoundClaim
    const pv = api.get('persistentvolumes', undefined, volumeName)
    if (!pv) {
      if (pvc.status?.phase !== 'Lost') {
        api.updateStatus('persistentvolumeclaims', ns, name, (o) => { o.status = { ...(o.status ?? {}), phase: 'Lost' } })
        claimEvent(c, pvc, 'Warning', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!')
      }
      return
    }
    if (pvc.status?.phase !== 'Bound' || pv.spec?.claimRef?.uid !== pvc.metadata.uid || pv.status?.phase !== 'Bound') {
      if (!pv.spec?.claimRef || pv.spec.claimRef.uid === pvc.metadata.uid || (pv.spec.claimRef.name === name && pv.spec.claimRef.namespace === ns && !pv.spec.claimRef.uid)) bind(c, pv, pvc)
    }
    return
  }
  // syncUnboundClaim
  const cls = claimClass(pvc)
  const classObj = cls ? api.get('storageclasses', undefined, cls) : undefined
  // Delayed binding: before a node is selected only a volume pre-bound to the claim may bind.
  const delayed = (classObj as { volumeBindingMode?: string } | undefined)?.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]
  const pv = findMatchingVolume(c, pvc)
  if (pv && (!delayed || pv.spec?.claimRef)) { bind(c, pv, pvc); return }
  if (!cls) {
    claimEvent(c, pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set')
    return
  }
  const sc = classObj
  if (!sc) {
    claimEvent(c, pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${cls}" not found`)
    return
  }
  const provisioner = (sc as { provisioner?: string }).provisioner ?? ''
  const wffc = (sc as { volumeBindingMode?: string }).volumeBindingMode === 'WaitForFirstConsumer'
  if (wffc && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]) {
    claimEvent(c, pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding')
    return
  }
  if (provisioner === NO_PROVISIONER) {
    // findProvisionablePlugin: an in-tree name without a plugin.
    claimEvent(c, pvc, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${NO_PROVISIONER}`)
    return
  }
  const prov = c.slot<Provisioning>('pv-controller/provisioning', () => ({ started: {} }))
  const key = `${ns}/${name}`
  const started = prov.started[key]
  if (started === undefined) {
    // provisionClaim: hand the claim to the external provisioner.
    api.mutate('persistentvolumeclaims', ns, name, (o) => {
      o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner }
    })
    claimEvent(c, pvc, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`)
    prov.started[key] = c.now
    enqueueAfter(c, PV_CONTROLLER, key, PROVISION_MS)
    return
  }
  if (c.now < started + PROVISION_MS) return
  delete prov.started[key]
  provision(c, api.get('persistentvolumeclaims', ns, name) ?? pvc, sc)
}

/** syncVolume: Pending → Available; a volume whose claim is gone is Released, then reclaimed. */
export function syncVolume(c: Cluster, name: string): void {
  const api = c.client(PV_CONTROLLER)
  const pv = api.get('persistentvolumes', undefined, name)
  if (!pv || pv.metadata.deletionTimestamp) return
  const ref = pv.spec?.claimRef
  if (!ref) {
    if (pv.status?.phase !== 'Available') api.updateStatus('persistentvolumes', undefined, name, (o) => { o.status = { phase: 'Available' } })
    return
  }
  if (!ref.uid) return // pre-bound by the user; syncClaim binds it
  const claim = api.get('persistentvolumeclaims', ref.namespace, ref.name)
  if (claim && claim.metadata.uid === ref.uid) return
  if (pv.status?.phase === 'Bound' || pv.status?.phase === 'Pending' || !pv.status?.phase) {
    api.updateStatus('persistentvolumes', undefined, name, (o) => { o.status = { phase: 'Released' } })
  }
  // reclaimVolume
  if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete') api.delete('persistentvolumes', undefined, name)
}

onResync(PV_CONTROLLER, (c, key) => {
  if (key.startsWith(PV_KEY)) syncVolume(c, key.slice(PV_KEY.length))
  else syncClaim(c, ...splitKey(key))
})

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const claims: Record<string, true> = {}
  const volumes: Record<string, true> = {}
  const api = c.client(PV_CONTROLLER)
  for (const e of events) {
    const obj = e.object
    if (e.plural === 'persistentvolumes') {
      if (e.type !== 'DELETED') volumes[obj.metadata.name] = true
      const ref = obj.spec?.claimRef
      if (ref) claims[`${ref.namespace}/${ref.name}`] = true
      // A free volume may satisfy any waiting claim (upstream: the periodic claim resync).
      else if (e.type !== 'DELETED') for (const p of api.list('persistentvolumeclaims')) if (!p.spec?.volumeName && !p.metadata.deletionTimestamp) claims[`${p.metadata.namespace}/${p.metadata.name}`] = true
      continue
    }
    const ns = obj.metadata.namespace ?? 'default'
    if (e.plural === 'persistentvolumeclaims') {
      if (e.type !== 'DELETED') claims[`${ns}/${obj.metadata.name}`] = true
      else if (obj.spec?.volumeName) volumes[obj.spec.volumeName] = true
      continue
    }
    // pods: a scheduled consumer selects the node of its WaitForFirstConsumer claims.
    const node = obj.spec?.nodeName as string | undefined
    if (e.type === 'DELETED' || !node || obj.metadata.deletionTimestamp) continue
    for (const claimName of podClaims(obj)) {
      const pvc = api.get('persistentvolumeclaims', ns, claimName)
      if (!pvc || pvc.spec?.volumeName || pvc.metadata.annotations?.[ANN_SELECTED_NODE]) continue
      api.mutate('persistentvolumeclaims', ns, claimName, (o) => {
        o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: node }
      })
      claims[`${ns}/${claimName}`] = true
    }
  }
  for (const key of sortedKeys(claims)) syncClaim(c, ...splitKey(key))
  for (const name of sortedKeys(volumes)) syncVolume(c, name)
}

registerComponents(() => [{ name: PV_CONTROLLER, watches: ['persistentvolumeclaims', 'persistentvolumes', 'pods'], onEvents: onWatch }])
