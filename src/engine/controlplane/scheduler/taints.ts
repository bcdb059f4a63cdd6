// Taints and tolerations (k8s.io/api/core/v1 toleration.go ToleratesTaint,
// k/k pkg/scheduler/framework/plugins/tainttoleration).

export interface Taint { key: string; value?: string; effect: string; timeAdded?: string }
export interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  if (!t.key && t.operator !== 'Exists') return false // empty key is only valid with Exists
  if (t.operator === 'Exists') return true
  return (t.value ?? '') === (taint.value ?? '')
}

export function toleratedBy(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  if (!tolerations) return false
  for (const t of tolerations) if (tolerates(t, taint)) return true
  return false
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate (FindMatchingUntoleratedTaint). */
const SCHEDULING_EFFECTS = ['NoSchedule', 'NoExecute']

export function firstUntoleratedTaint(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects = SCHEDULING_EFFECTS): Taint | undefined {
  if (!taints) return undefined
  for (const taint of taints) {
    if (!effects.includes(taint.effect)) continue
    if (!toleratedBy(tolerations, taint)) return taint
  }
  return undefined
}

/** Count of PreferNoSchedule taints not tolerated (TaintToleration Score, before normalising). */
export function intolerablePreferNoSchedule(taints: Taint[] | undefined, tolerations: Toleration[] | undefined): number {
  if (!taints?.length) return 0
  const prefer = (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
  let n = 0
  for (const taint of taints ?? []) if (taint.effect === 'PreferNoSchedule' && !toleratedBy(prefer, taint)) n++
  return n
}
