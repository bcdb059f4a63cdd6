// persistentVolumeClaimRetentionPolicy (StatefulSetAutoDeletePVC, beta and on by default in
// v1.27+): owner references on a pod's claims make the garbage collector delete them with the
// set (whenDeleted: Delete) or with a scaled-down pod (whenScaled: Delete). Retain/Retain leaves
// the claims unowned. k/k pkg/controller/statefulset/stateful_set_utils.go
// (updateClaimOwnerRefForSetAndPod, setOwnerRef, removeOwnerRef),
// stateful_pod_control.go (UpdatePodClaimForRetentionPolicy).
import type { Cluster } from '../../cluster'
import type { KObject, OwnerReference } from '../../api/types'
import { claimsFor, replicasOf, startOrdinal } from './identity'

/** setOwnerRef: a plain (non-controller) reference. */
function ref(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid } as OwnerReference
}

/** The owners a claim of `pod` (ordinal) should have under the set's policy. */
export function claimOwners(sts: KObject, pod: KObject | undefined, ordinal: number): OwnerReference[] {
  const policy = sts.spec?.persistentVolumeClaimRetentionPolicy ?? {}
  const whenDeleted = policy.whenDeleted ?? 'Retain'
  const whenScaled = policy.whenScaled ?? 'Retain'
  const scaledDown = ordinal >= startOrdinal(sts) + replicasOf(sts)
  if (whenScaled === 'Delete' && scaledDown) return pod ? [ref(pod)] : []
  return whenDeleted === 'Delete' ? [ref(sts)] : []
}

/** UpdatePodClaimForRetentionPolicy: rewrites the set/pod references of the pod's existing claims. */
export function updateClaimOwners(c: Cluster, actor: string, sts: KObject, pod: KObject, ordinal: number): void {
  const want = claimOwners(sts, pod, ordinal)
  const ours = new Set([sts.metadata.uid, pod.metadata.uid])
  const api = c.client(actor)
  for (const claim of claimsFor(sts, ordinal)) {
    const cur = api.get('persistentvolumeclaims', sts.metadata.namespace, claim.metadata.name)
    if (!cur || cur.metadata.deletionTimestamp) continue
    const others = (cur.metadata.ownerReferences ?? []).filter((r) => !ours.has(r.uid))
    const next = [...others, ...want]
    if (JSON.stringify(next) === JSON.stringify(cur.metadata.ownerReferences ?? [])) continue
    api.mutate('persistentvolumeclaims', cur.metadata.namespace, cur.metadata.name, (o) => {
      if (next.length) o.metadata.ownerReferences = next
      else delete o.metadata.ownerReferences
    })
  }
}
