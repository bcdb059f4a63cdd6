// Deployment controller: owns ReplicaSets named <deploy>-<pod-template-hash>, scales the current
// one, and reports status and conditions. Sources: k/k pkg/controller/deployment/deployment_controller.go
// (syncDeployment), sync.go (getNewReplicaSet, scale, scaleReplicaSet, calculateStatus, syncRolloutStatus),
// progress.go, util/deployment_util.go.
import type { Cluster } from '../../cluster'
import type { KObject, WatchEvent } from '../../api/types'
import { registerComponents } from '../../registry'
import { recordEvent } from '../../api/events'
import { fromLabelSelector, matches } from '../../api/selectors'
import { rfc3339 } from '../../sim/time'
import { controllerOf, controllerRef } from '../util/pods'
import { sortedKeys, splitKey } from '../util/sync-keys'
import { computeHash } from './hash'
import { rolloutTemplateChange } from './rollout'
import {
  DESIRED_REPLICAS, HASH_LABEL, MAX_REPLICAS, REVISION, REVISION_HISTORY, equalIgnoreHash, maxSurge, maxUnavailable, replicasOf, revisionOf, setCondition,
  type DeploymentCondition,
} from './util'

export const DEPLOYMENT_CONTROLLER = 'deployment-controller'

function event(c: Cluster, d: KObject, reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): void {
  recordEvent(c, { component: DEPLOYMENT_CONTROLLER }, d, type, reason, message)
}

/** ClaimReplicaSets (controller_ref_manager.go). */
function claimReplicaSets(c: Cluster, d: KObject): KObject[] {
  const api = c.client(DEPLOYMENT_CONTROLLER)
  const sel = fromLabelSelector(d.spec?.selector)
  const out: KObject[] = []
  for (const rs of api.list('replicasets', { namespace: d.metadata.namespace })) {
    const ref = controllerOf(rs)
    const match = sel.length > 0 && matches(sel, rs.metadata.labels)
    if (ref) {
      if (ref.uid !== d.metadata.uid) continue
      if (match) out.push(rs)
      else if (!rs.metadata.deletionTimestamp) {
        api.mutate('replicasets', rs.metadata.namespace, rs.metadata.name, (o) => {
          o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid)
        })
      }
      continue
    }
    if (!match || rs.metadata.deletionTimestamp || d.metadata.deletionTimestamp) continue
    const r = api.mutate('replicasets', rs.metadata.namespace, rs.metadata.name, (o) => {
      if (controllerOf(o)) return false
      o.metadata.ownerReferences = [...(o.metadata.ownerReferences ?? []), controllerRef(d)]
    })
    if (r.ok && controllerOf(r.value)?.uid === d.metadata.uid) out.push(r.value)
  }
  return out
}

/** scaleReplicaSet: writes spec.replicas and the desired/max annotations; emits ScalingReplicaSet. */
function scaleReplicaSet(c: Cluster, d: KObject, rs: KObject, to: number): KObject {
  const from = replicasOf(rs)
  const desired = String(replicasOf(d))
  const max = String(replicasOf(d) + maxSurge(d))
  const ann = rs.metadata.annotations ?? {}
  if (from === to && ann[DESIRED_REPLICAS] === desired && ann[MAX_REPLICAS] === max) return rs
  const r = c.client(DEPLOYMENT_CONTROLLER).mutate('replicasets', rs.metadata.namespace, rs.metadata.name, (o) => {
    o.spec.replicas = to
    o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max }
  })
  if (!r.ok) return rs
  if (from !== to) event(c, d, 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to} from ${from}`)
  return r.value
}

/** getNewReplicaSet with createIfNotExisted. */
function createNewReplicaSet(c: Cluster, d: KObject, olds: KObject[], conds: DeploymentCondition[]): { rs?: KObject; conds: DeploymentCondition[] } {
  const api = c.client(DEPLOYMENT_CONTROLLER)
  const collision = d.status?.collisionCount as number | undefined
  const hash = computeHash(d.spec?.template, collision)
  const template = structuredClone(d.spec?.template ?? {})
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } }
  const selector = structuredClone(d.spec?.selector ?? {})
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash }
  const revision = Math.max(0, ...olds.map(revisionOf)) + 1
  const replicas = olds.some((o) => replicasOf(o) > 0) ? 0 : replicasOf(d)
  const name = `${d.metadata.name}-${hash}`
  const r = api.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...(template.metadata.labels ?? {}) },
      annotations: { [DESIRED_REPLICAS]: String(replicasOf(d)), [MAX_REPLICAS]: String(replicasOf(d) + maxSurge(d)), [REVISION]: String(revision) },
      ownerReferences: [controllerRef(d)],
    },
    spec: { replicas, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  })
  if (!r.ok) {
    if (r.status.reason === 'AlreadyExists') {
      const existing = api.get('replicasets', d.metadata.namespace, name)
      if (existing && controllerOf(existing)?.uid === d.metadata.uid && equalIgnoreHash(existing.spec?.template, d.spec?.template)) return { rs: existing, conds }
      // Hash collision: bump collisionCount and retry on the next sync (sync.go getNewReplicaSet).
      api.updateStatus('deployments', d.metadata.namespace, d.metadata.name, (o) => {
        o.status = { ...(o.status ?? {}), collisionCount: (collision ?? 0) + 1 }
      })
      return { conds }
    }
    event(c, d, 'FailedCreate', `Failed to create new replica set "${name}": ${r.status.message}`, 'Warning')
    return { conds: setCondition(conds, 'Progressing', 'False', 'ReplicaSetCreateError', `Failed to create new replica set "${name}": ${r.status.message}`, rfc3339(c.now)) }
  }
  if (replicas > 0) event(c, d, 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`)
  return { rs: r.value, conds: setCondition(conds, 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, rfc3339(c.now)) }
}

export function syncDeployment(c: Cluster, key: string): void {
  const [ns, name] = splitKey(key)
  const api = c.client(DEPLOYMENT_CONTROLLER)
  let d = api.get('deployments', ns, name)
  if (!d || d.metadata.deletionTimestamp) return
  const owned = claimReplicaSets(c, d)
  let newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d!.spec?.template))
  const olds = owned.filter((rs) => rs !== newRS).sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp))
  let conds = (d.status?.conditions ?? []) as DeploymentCondition[]
  if (!newRS) {
    const r = createNewReplicaSet(c, d, olds, conds)
    conds = r.conds
    newRS = r.rs
  }
  if (newRS) newRS = bumpRevision(c, newRS, olds)
  if (newRS) {
    // The Deployment carries its current revision (SetDeploymentRevision).
    const rev = newRS.metadata.annotations?.[REVISION]
    if (rev && d.metadata.annotations?.[REVISION] !== rev) {
      const r = api.mutate('deployments', ns, name, (o) => {
        o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [REVISION]: rev }
      })
      if (r.ok) d = r.value
    }
    const dd = d
    const scale = (rs: KObject, to: number) => scaleReplicaSet(c, dd, rs, to)
    if (!d.spec?.paused) {
      if (olds.some((o) => replicasOf(o) > 0)) rolloutTemplateChange(c, d, newRS, olds, scale)
      else newRS = scale(newRS, replicasOf(d)) // sync.go scale(): only the new RS is active
    }
  }
  if (newRS) cleanupOldReplicaSets(c, d, olds)
  const all = owned.map((rs) => api.get('replicasets', rs.metadata.namespace, rs.metadata.name)).filter((x): x is KObject => !!x)
  if (newRS && !all.some((x) => x.metadata.uid === newRS!.metadata.uid)) all.push(newRS)
  const cur = newRS ? api.get('replicasets', newRS.metadata.namespace, newRS.metadata.name) : undefined
  updateDeploymentStatus(c, d, cur, all, conds)
}

/**
 * An existing ReplicaSet that becomes current again (rollback) gets revision max(old)+1; the
 * number it had moves to revision-history (sync.go getNewReplicaSet, SetNewReplicaSetAnnotations).
 */
function bumpRevision(c: Cluster, newRS: KObject, olds: KObject[]): KObject {
  const maxOld = Math.max(0, ...olds.map(revisionOf))
  const cur = revisionOf(newRS)
  if (cur > maxOld) return newRS
  const r = c.client(DEPLOYMENT_CONTROLLER).mutate('replicasets', newRS.metadata.namespace, newRS.metadata.name, (o) => {
    const ann = { ...(o.metadata.annotations ?? {}) }
    if (cur > 0) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${cur}` : String(cur)
    ann[REVISION] = String(maxOld + 1)
    o.metadata.annotations = ann
  })
  return r.ok ? r.value : newRS
}

/** cleanupDeployment: old ReplicaSets scaled to 0 beyond revisionHistoryLimit (default 10), oldest first. */
function cleanupOldReplicaSets(c: Cluster, d: KObject, olds: KObject[]): void {
  const limit = typeof d.spec?.revisionHistoryLimit === 'number' ? d.spec.revisionHistoryLimit : 10
  const api = c.client(DEPLOYMENT_CONTROLLER)
  const idle = olds
    .map((rs) => api.get('replicasets', rs.metadata.namespace, rs.metadata.name))
    .filter((rs): rs is KObject => !!rs && replicasOf(rs) === 0 && !(rs.status?.replicas > 0) && !rs.metadata.deletionTimestamp)
    .sort((a, b) => revisionOf(a) - revisionOf(b))
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) api.delete('replicasets', rs.metadata.namespace, rs.metadata.name)
}

/** calculateStatus + syncRolloutStatus (progress.go), without the progress deadline. */
function updateDeploymentStatus(c: Cluster, d: KObject, newRS: KObject | undefined, all: KObject[], condsIn: DeploymentCondition[]): void {
  const sum = (f: (rs: KObject) => number) => all.reduce((n, rs) => n + f(rs), 0)
  const replicas = sum((rs) => rs.status?.replicas ?? 0)
  const updated = newRS?.status?.replicas ?? 0
  const ready = sum((rs) => rs.status?.readyReplicas ?? 0)
  const available = sum((rs) => rs.status?.availableReplicas ?? 0)
  const total = sum((rs) => replicasOf(rs))
  const want = replicasOf(d)
  const now = rfc3339(c.now)
  let conds = condsIn
  if (available >= want - maxUnavailable(d)) conds = setCondition(conds, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now)
  else conds = setCondition(conds, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now)
  const generation = d.metadata.generation ?? 1
  if (newRS) {
    const complete = updated === want && replicas === want && available === want
    const prev = d.status ?? {}
    const progressing = updated > (prev.updatedReplicas ?? 0) || ready > (prev.readyReplicas ?? 0) || available > (prev.availableReplicas ?? 0) || replicas < (prev.replicas ?? 0)
    if (complete) conds = setCondition(conds, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`, now)
    else if (progressing) conds = setCondition(conds, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRS.metadata.name}" is progressing.`, now)
  }
  const status: Record<string, unknown> = { observedGeneration: generation, replicas, updatedReplicas: updated, readyReplicas: ready, availableReplicas: available, unavailableReplicas: Math.max(total - available, 0), conditions: conds }
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (status[k] === 0) delete status[k]
  if (JSON.stringify(status) === JSON.stringify(d.status ?? {})) return
  c.client(DEPLOYMENT_CONTROLLER).updateStatus('deployments', d.metadata.namespace, d.metadata.name, (o) => {
    o.status = status
  })
}

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const keys: Record<string, true> = {}
  for (const e of events) {
    const obj = e.object
    const ns = obj.metadata.namespace ?? 'default'
    if (e.plural === 'deployments') {
      if (e.type !== 'DELETED') keys[`${ns}/${obj.metadata.name}`] = true
      continue
    }
    const ref = controllerOf(obj)
    if (ref) {
      if (ref.kind === 'Deployment') keys[`${ns}/${ref.name}`] = true
      continue
    }
    if (e.type === 'DELETED') continue
    for (const d of c.client(DEPLOYMENT_CONTROLLER).list('deployments', { namespace: ns })) {
      const sel = fromLabelSelector(d.spec?.selector)
      if (sel.length && matches(sel, obj.metadata.labels)) keys[`${ns}/${d.metadata.name}`] = true
    }
  }
  for (const key of sortedKeys(keys)) syncDeployment(c, key)
}

registerComponents(() => [{ name: DEPLOYMENT_CONTROLLER, watches: ['deployments', 'replicasets'], onEvents: onWatch }])
