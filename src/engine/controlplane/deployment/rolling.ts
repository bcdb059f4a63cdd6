// RollingUpdate strategy (k/k pkg/controller/deployment/rolling.go): grow the new ReplicaSet up to
// replicas+maxSurge, shrink old ones while keeping replicas-maxUnavailable available.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { scaleAndRecord } from './scale'
import { activeReplicaSets, byCreation, maxUnavailable, newRSNewReplicas, replicasOf, specSum, statusSum } from './util'

/** reconcileNewReplicaSet: scale the new RS down to replicas, or up as far as NewRSNewReplicas allows. */
function reconcileNewReplicaSet(c: Cluster, all: KObject[], newRS: KObject, d: KObject): boolean {
  const want = replicasOf(d)
  if (replicasOf(newRS) === want) return false
  if (replicasOf(newRS) > want) return scaleAndRecord(c, d, newRS, want).scaled
  return scaleAndRecord(c, d, newRS, newRSNewReplicas(d, all, newRS)).scaled
}

/** cleanupUnhealthyReplicas: old RSs lose their unavailable replicas first (oldest RS first). */
function cleanupUnhealthyReplicas(c: Cluster, olds: KObject[], d: KObject, maxCleanup: number): { olds: KObject[]; count: number } {
  const sorted = [...olds].sort(byCreation)
  let total = 0
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i]
    if (total >= maxCleanup) break
    const spec = replicasOf(rs)
    const available = rs.status?.availableReplicas ?? 0
    if (spec === 0 || spec === available) continue
    const count = Math.min(maxCleanup - total, spec - available)
    const r = scaleAndRecord(c, d, rs, spec - count)
    total += count
    sorted[i] = r.rs
  }
  return { olds: sorted, count: total }
}

/** scaleDownOldReplicaSetsForRollingUpdate: remove (available − minAvailable), oldest RS first. */
function scaleDownOldForRollingUpdate(c: Cluster, all: KObject[], olds: KObject[], d: KObject): number {
  const minAvailable = replicasOf(d) - maxUnavailable(d)
  const available = statusSum(all, 'availableReplicas')
  if (available <= minAvailable) return 0
  const toScale = available - minAvailable
  let total = 0
  for (const rs of [...olds].sort(byCreation)) {
    if (total >= toScale) break
    if (replicasOf(rs) === 0) continue
    const count = Math.min(replicasOf(rs), toScale - total)
    scaleAndRecord(c, d, rs, replicasOf(rs) - count)
    total += count
  }
  return total
}

/** reconcileOldReplicaSets. */
function reconcileOldReplicaSets(c: Cluster, all: KObject[], activeOlds: KObject[], newRS: KObject, d: KObject): boolean {
  if (specSum(activeOlds) === 0) return false
  const minAvailable = replicasOf(d) - maxUnavailable(d)
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = specSum(all) - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return false
  const cleaned = cleanupUnhealthyReplicas(c, activeOlds, d, maxScaledDown)
  const scaled = scaleDownOldForRollingUpdate(c, [...cleaned.olds, newRS], cleaned.olds, d)
  return cleaned.count + scaled > 0
}

/** rolloutRolling's scaling step; returns whether anything was scaled (then only the status is synced). */
export function rollingStep(c: Cluster, d: KObject, newRS: KObject, olds: KObject[]): boolean {
  const all = [...olds, newRS]
  if (reconcileNewReplicaSet(c, all, newRS, d)) return true
  return reconcileOldReplicaSets(c, all, activeReplicaSets(olds), newRS, d)
}
