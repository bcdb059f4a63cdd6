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
