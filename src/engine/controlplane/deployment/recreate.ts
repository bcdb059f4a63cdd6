// Recreate strategy (k/k pkg/controller/deployment/recreate.go): scale every old ReplicaSet to 0,
// wait until none of their pods is left running, then create/scale the new one to full size.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { fromLabelSelector, matches } from '../../api/selectors'
import { controllerOf } from '../util/pods'
import { DEPLOYMENT_CONTROLLER, scaleAndRecord } from './scale'
import { activeReplicaSets, replicasOf, statusSum } from './util'

/** scaleDownOldReplicaSetsForRecreate. */
export function scaleDownOldForRecreate(c: Cluster, d: KObject, olds: KObject[]): boolean {
  let scaled = false
  for (const rs of activeReplicaSets(olds)) if (scaleAndRecord(c, d, rs, 0).scaled) scaled = true
  return scaled
}

/** oldPodsRunning: an old RS reports replicas, or a non-terminal pod of an old RS still exists (even terminating). */
export function oldPodsRunning(c: Cluster, d: KObject, newRS: KObject | undefined, rss: KObject[]): boolean {
  const olds = rss.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid)
  if (statusSum(olds, 'replicas') > 0) return true
  const oldUids = olds.map((rs) => rs.metadata.uid)
  const sel = fromLabelSelector(d.spec?.selector)
  // getPodMapForDeployment: pods matching the selector, grouped by their ReplicaSet.
  for (const pod of c.client(DEPLOYMENT_CONTROLLER).list('pods', { namespace: d.metadata.namespace })) {
    if (!sel.length || !matches(sel, pod.metadata.labels)) continue
    const ref = controllerOf(pod)
    if (!ref || !oldUids.includes(ref.uid)) continue
    const phase = pod.status?.phase
    if (phase !== 'Failed' && phase !== 'Succeeded') return true
  }
  return false
}

/** scaleUpNewReplicaSetForRecreate. */
export function scaleUpNewForRecreate(c: Cluster, d: KObject, newRS: KObject): boolean {
  return scaleAndRecord(c, d, newRS, replicasOf(d)).scaled
}
