// Deployment helpers (k/k pkg/controller/deployment/util/deployment_util.go).
import type { KObject } from '../../api/types'
import { canonicalJson } from './hash'

export const REVISION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history'
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'
export const HASH_LABEL = 'pod-template-hash'

export function replicasOf(o: KObject): number {
  return typeof o.spec?.replicas === 'number' ? o.spec.replicas : 1
}

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean, dflt: string): number {
  const x = v ?? dflt
  if (typeof x === 'number') return x
  const m = /^(\d+)%$/.exec(x)
  if (!m) return Number.parseInt(x, 10) || 0
  const raw = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(raw) : Math.floor(raw)
}

/** ResolveFenceposts: surge rounds up, unavailable down; both 0 → unavailable 1. */
export function resolveFenceposts(d: KObject): { surge: number; unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate ?? {}
  const replicas = replicasOf(d)
  const surge = scaledValue(ru.maxSurge, replicas, true, '25%')
  let unavailable = scaledValue(ru.maxUnavailable, replicas, false, '25%')
  if (surge === 0 && unavailable === 0) unavailable = 1
  return { surge, unavailable }
}

export function isRollingUpdate(d: KObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
}

/** MaxUnavailable: 0 for Recreate, capped at replicas. */
export function maxUnavailable(d: KObject): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0
  return Math.min(resolveFenceposts(d).unavailable, replicasOf(d))
}

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: KObject): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0
}

/** EqualIgnoreHash: templates equal once pod-template-hash is removed from the labels. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const x = structuredClone((t ?? {}) as { metadata?: { labels?: Record<string, string> } })
    if (x.metadata?.labels) {
      delete x.metadata.labels[HASH_LABEL]
      if (Object.keys(x.metadata.labels).length === 0) delete x.metadata.labels
    }
    return canonicalJson(x)
  }
  return strip(a) === strip(b)
}

export function revisionOf(o: KObject): number {
  return Number.parseInt(o.metadata.annotations?.[REVISION] ?? '0', 10) || 0
}

export interface DeploymentCondition { type: string; status: string; lastUpdateTime: string; lastTransitionTime: string; reason: string; message: string }

/** SetDeploymentCondition: same status and reason → unchanged; else replace and append. */
export function setCondition(conds: DeploymentCondition[], type: string, status: string, reason: string, message: string, now: string): DeploymentCondition[] {
  const cur = conds.find((x) => x.type === type)
  if (cur && cur.status === status && cur.reason === reason) return conds
  const cond = { type, status, lastUpdateTime: now, lastTransitionTime: cur && cur.status === status ? cur.lastTransitionTime : now, reason, message }
  return [...conds.filter((x) => x.type !== type), cond]
}

export const PROGRESSING = 'Progressing'
export const AVAILABLE = 'Available'

export function getCondition(status: { conditions?: DeploymentCondition[] } | undefined, type: string): DeploymentCondition | undefined {
  return (status?.conditions ?? []).find((x) => x.type === type)
}

export function removeCondition(conds: DeploymentCondition[], type: string): DeploymentCondition[] {
  return conds.filter((x) => x.type !== type)
}

/** spec.progressDeadlineSeconds; objects that skipped API defaulting get the default 600 (defaults.go). */
export function progressDeadlineSeconds(d: KObject): number {
  const p = d.spec?.progressDeadlineSeconds
  return typeof p === 'number' ? p : 600
}

/** HasProgressDeadline: set and not MaxInt32. */
export function hasProgressDeadline(d: KObject): boolean {
  return progressDeadlineSeconds(d) !== 2147483647
}

/** spec.revisionHistoryLimit (default 10). */
export function revisionHistoryLimit(d: KObject): number {
  const l = d.spec?.revisionHistoryLimit
  return typeof l === 'number' ? l : 10
}

/** FilterActiveReplicaSets: spec.replicas > 0. */
export function activeReplicaSets(rss: (KObject | undefined)[]): KObject[] {
  return rss.filter((rs): rs is KObject => !!rs && replicasOf(rs) > 0)
}

/** GetReplicaCountForReplicaSets: Σ spec.replicas. */
export function specSum(rss: (KObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0)
}

/** Σ of a status counter (GetActual/Ready/AvailableReplicaCountForReplicaSets). */
export function statusSum(rss: (KObject | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((n, rs) => n + ((rs?.status?.[field] as number | undefined) ?? 0), 0)
}

/** controller.ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: KObject, b: KObject): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  if (ta === tb) return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
  return ta < tb ? -1 : 1
}

/** ReplicaSetsBySizeNewer (larger first, ties newer first) / BySizeOlder (ties older first). */
export function bySize(newerFirst: boolean): (a: KObject, b: KObject) => number {
  return (a, b) => {
    if (replicasOf(a) !== replicasOf(b)) return replicasOf(b) - replicasOf(a)
    return newerFirst ? byCreation(b, a) : byCreation(a, b)
  }
}

/** NewRSNewReplicas: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: KObject, all: (KObject | undefined)[], newRS: KObject | undefined): number {
  const want = replicasOf(d)
  const cur = newRS ? replicasOf(newRS) : 0
  if (!isRollingUpdate(d)) return want
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge, want, true, '25%')
  const maxTotal = want + surge
  const current = specSum(all)
  if (current >= maxTotal) return cur
  return cur + Math.min(maxTotal - current, want - cur)
}

/** IsSaturated: the new RS has all replicas, annotated desired == replicas, all available. */
export function isSaturated(d: KObject, rs: KObject | undefined): boolean {
  if (!rs) return false
  const desired = Number.parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS] ?? '', 10)
  if (Number.isNaN(desired)) return false
  const want = replicasOf(d)
  return replicasOf(rs) === want && desired === want && (rs.status?.availableReplicas ?? 0) === want
}

/** FindActiveOrLatest: the only active RS, or the newest when none is active. */
export function findActiveOrLatest(newRS: KObject | undefined, olds: KObject[]): KObject | undefined {
  if (!newRS && olds.length === 0) return undefined
  const sortedOld = [...olds].sort((a, b) => byCreation(b, a))
  const active = activeReplicaSets([...sortedOld, newRS])
  if (active.length === 0) return newRS ?? sortedOld[0]
  if (active.length === 1) return active[0]
  return undefined
}

/** GetProportion / getReplicaSetFraction: an RS's share of a scaling, using its max-replicas annotation. */
export function getProportion(rs: KObject, d: KObject, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  const fraction = replicaSetFraction(rs, d)
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

function replicaSetFraction(rs: KObject, d: KObject): number {
  if (replicasOf(d) === 0) return -replicasOf(rs)
  const maxNow = replicasOf(d) + maxSurge(d)
  let before = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10)
  if (Number.isNaN(before) || before === 0) before = d.status?.replicas ?? 0
  if (before === 0) return 0
  // integer.RoundToInt32 = math.Round (half away from zero; values here are positive).
  return Math.round((replicasOf(rs) * maxNow) / before) - replicasOf(rs)
}
