// Scaling ReplicaSets for a Deployment (k/k pkg/controller/deployment/sync.go scale,
// scaleReplicaSet, scaleReplicaSetAndRecordEvent).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { recordEvent } from '../../api/events'
import { DESIRED_REPLICAS, MAX_REPLICAS, activeReplicaSets, bySize, findActiveOrLatest, getProportion, isRollingUpdate, isSaturated, maxSurge, replicasOf, specSum } from './util'

export const DEPLOYMENT_CONTROLLER = 'deployment-controller'

export function deploymentEvent(c: Cluster, d: KObject, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): void {
  recordEvent(c, { component: DEPLOYMENT_CONTROLLER }, d, type, reason, message)
}

/** scaleReplicaSet: writes spec.replicas and the desired/max annotations; "Scaled <op> ... to N from M". */
export function scaleReplicaSet(c: Cluster, d: KObject, rs: KObject, to: number, op: string): { scaled: boolean; rs: KObject } {
  const from = replicasOf(rs)
  const desired = String(replicasOf(d))
  const max = String(replicasOf(d) + maxSurge(d))
  const ann = rs.metadata.annotations ?? {}
  if (from === to && ann[DESIRED_REPLICAS] === desired && ann[MAX_REPLICAS] === max) return { scaled: false, rs }
  const r = c.client(DEPLOYMENT_CONTROLLER).mutate('replicasets', rs.metadata.namespace, rs.metadata.name, (o) => {
    o.spec.replicas = to
    o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max }
  })
  if (!r.ok) return { scaled: false, rs }
  if (from !== to) deploymentEvent(c, d, 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata.name} to ${to} from ${from}`)
  return { scaled: from !== to, rs: r.value }
}

/** scaleReplicaSetAndRecordEvent: no-op when the size is already right. */
export function scaleAndRecord(c: Cluster, d: KObject, rs: KObject, to: number): { scaled: boolean; rs: KObject } {
  const from = replicasOf(rs)
  if (from === to) return { scaled: false, rs }
  return scaleReplicaSet(c, d, rs, to, from < to ? 'up' : 'down')
}

/**
 * scale(): a replicas change (or paused deployment). One active RS takes the whole count; a saturated
 * new RS empties the old ones; otherwise (rolling) the difference to replicas+maxSurge is spread
 * proportionally by each RS's max-replicas annotation, leftovers to the largest.
 */
export function scaleDeployment(c: Cluster, d: KObject, newRS: KObject | undefined, olds: KObject[]): void {
  const one = findActiveOrLatest(newRS, olds)
  if (one) {
    if (replicasOf(one) !== replicasOf(d)) scaleAndRecord(c, d, one, replicasOf(d))
    return
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(olds)) scaleAndRecord(c, d, old, 0)
    return
  }
  if (!isRollingUpdate(d)) return
  const all = activeReplicaSets([...olds, newRS])
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0
  const toAdd = allowed - specSum(all)
  let op = ''
  if (toAdd > 0) { all.sort(bySize(true)); op = 'up' } else if (toAdd < 0) { all.sort(bySize(false)); op = 'down' }
  let added = 0
  const size: Record<string, number> = {}
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = getProportion(rs, d, toAdd, added)
      size[rs.metadata.name] = replicasOf(rs) + p
      added += p
    } else size[rs.metadata.name] = replicasOf(rs)
  }
  all.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) size[rs.metadata.name] = Math.max(0, size[rs.metadata.name] + toAdd - added)
    scaleReplicaSet(c, d, rs, size[rs.metadata.name], op)
  })
}
