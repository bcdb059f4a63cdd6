// A Deployment's ReplicaSets: claiming (adopt/release), finding or creating the new one, and the
// revision bookkeeping. k/k pkg/controller/deployment/sync.go getAllReplicaSetsAndSyncRevision,
// getNewReplicaSet; controller_ref_manager.go ClaimReplicaSets; util/deployment_util.go
// SetNewReplicaSetAnnotations, copyDeploymentAnnotationsToReplicaSet, SetDeploymentRevision.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { fromLabelSelector, matches } from '../../api/selectors'
import { rfc3339 } from '../../sim/time'
import { controllerOf, controllerRef } from '../util/pods'
import { computeHash } from './hash'
import { DEPLOYMENT_CONTROLLER, deploymentEvent } from './scale'
import {
  DESIRED_REPLICAS, HASH_LABEL, MAX_REPLICAS, PROGRESSING, REVISION, REVISION_HISTORY, byCreation, equalIgnoreHash, getCondition,
  hasProgressDeadline, maxSurge, newRSNewReplicas, replicasOf, revisionOf, setCondition, type DeploymentCondition,
} from './util'

/** ClaimReplicaSets (controller_ref_manager.go): adopt matching orphans, release non-matching. */
export function claimReplicaSets(c: Cluster, d: KObject): KObject[] {
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

// deployment_util.go annotationsToSkip: never copied from the Deployment to its ReplicaSets.
const SKIP = ['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'deprecated.deployment.rollback.to']

/** copyDeploymentAnnotationsToReplicaSet + the revision part of SetNewReplicaSetAnnotations. */
function newRSAnnotations(d: KObject, current: Record<string, string>, newRevision: number): Record<string, string> {
  const ann = { ...current }
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP.includes(k)) ann[k] = v
  const old = Number.parseInt(current[REVISION] ?? '0', 10) || 0
  if (old < newRevision) {
    ann[REVISION] = String(newRevision)
    // Rolling back to this RS: remember the revision it had.
    if (current[REVISION] !== undefined) ann[REVISION_HISTORY] = current[REVISION_HISTORY] ? `${current[REVISION_HISTORY]},${current[REVISION]}` : current[REVISION]
  }
  return ann
}

export interface Split { d: KObject; newRS?: KObject; olds: KObject[] }

export function writeStatusConds(c: Cluster, d: KObject, conds: DeploymentCondition[], extra: Record<string, unknown> = {}): KObject {
  const r = c.client(DEPLOYMENT_CONTROLLER).updateStatus('deployments', d.metadata.namespace, d.metadata.name, (o) => {
    o.status = { ...(o.status ?? {}), ...extra, conditions: conds }
  })
  return r.ok ? r.value : d
}

/** SetDeploymentRevision. */
function setDeploymentRevision(c: Cluster, d: KObject, rev: string | undefined): KObject {
  if (!rev || d.metadata.annotations?.[REVISION] === rev) return d
  const r = c.client(DEPLOYMENT_CONTROLLER).mutate('deployments', d.metadata.namespace, d.metadata.name, (o) => {
    o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [REVISION]: rev }
  })
  return r.ok ? r.value : d
}

/** getAllReplicaSetsAndSyncRevision: the new RS (FindNewReplicaSet, created if asked) and the old ones. */
export function getAll(c: Cluster, dIn: KObject, owned: KObject[], create: boolean): Split {
  let d = dIn
  const api = c.client(DEPLOYMENT_CONTROLLER)
  const sorted = owned.map((rs) => api.get('replicasets', rs.metadata.namespace, rs.metadata.name) ?? rs).sort(byCreation)
  let newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template))
  const olds = sorted.filter((rs) => rs !== newRS)
  const newRevision = Math.max(0, ...olds.map(revisionOf)) + 1
  if (newRS) {
    const ann = newRSAnnotations(d, newRS.metadata.annotations ?? {}, newRevision)
    const minReady = d.spec?.minReadySeconds ?? 0
    if (JSON.stringify(ann) !== JSON.stringify(newRS.metadata.annotations ?? {}) || (newRS.spec?.minReadySeconds ?? 0) !== minReady) {
      const r = api.mutate('replicasets', newRS.metadata.namespace, newRS.metadata.name, (o) => {
        o.metadata.annotations = ann
        o.spec.minReadySeconds = minReady
      })
      if (r.ok) newRS = r.value
    }
    d = setDeploymentRevision(c, d, newRS.metadata.annotations?.[REVISION])
    if (hasProgressDeadline(d) && !getCondition(d.status, PROGRESSING)) {
      const conds = setCondition(d.status?.conditions ?? [], PROGRESSING, 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`, rfc3339(c.now))
      d = writeStatusConds(c, d, conds)
    }
    return { d, newRS, olds }
  }
  if (!create) return { d, olds }
  return createNewReplicaSet(c, d, olds, newRevision)
}

/** getNewReplicaSet's create path (name <deploy>-<hash>, collision handling, first scale-up). */
function createNewReplicaSet(c: Cluster, dIn: KObject, olds: KObject[], newRevision: number): Split {
  let d = dIn
  const api = c.client(DEPLOYMENT_CONTROLLER)
  const collision = d.status?.collisionCount as number | undefined
  const hash = computeHash(d.spec?.template, collision)
  const template = structuredClone(d.spec?.template ?? {})
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } }
  const selector = structuredClone(d.spec?.selector ?? {})
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash }
  const name = `${d.metadata.name}-${hash}`
  const replicas = newRSNewReplicas(d, olds, undefined)
  const annotations = { ...newRSAnnotations(d, {}, newRevision), [DESIRED_REPLICAS]: String(replicasOf(d)), [MAX_REPLICAS]: String(replicasOf(d) + maxSurge(d)) }
  const r = api.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: d.metadata.namespace, labels: { ...(template.metadata.labels ?? {}) }, annotations, ownerReferences: [controllerRef(d)] },
    spec: { replicas, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  })
  let created: KObject | undefined
  if (r.ok) created = r.value
  else if (r.status.reason === 'AlreadyExists') {
    const existing = api.get('replicasets', d.metadata.namespace, name)
    if (existing && controllerOf(existing)?.uid === d.metadata.uid && equalIgnoreHash(existing.spec?.template, d.spec?.template)) return { d, newRS: existing, olds }
    // Hash collision: bump collisionCount; the status write requeues the Deployment.
    writeStatusConds(c, d, d.status?.conditions ?? [], { collisionCount: (collision ?? 0) + 1 })
    return { d, olds }
  } else {
    const msg = `Failed to create new replica set "${name}": ${r.status.message}`
    if (hasProgressDeadline(d)) writeStatusConds(c, d, setCondition(d.status?.conditions ?? [], PROGRESSING, 'False', 'ReplicaSetCreateError', msg, rfc3339(c.now)))
    deploymentEvent(c, d, 'ReplicaSetCreateError', msg, 'Warning')
    return { d, olds }
  }
  if (replicas > 0) deploymentEvent(c, d, 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`)
  d = setDeploymentRevision(c, d, String(newRevision))
  if (hasProgressDeadline(d)) d = writeStatusConds(c, d, setCondition(d.status?.conditions ?? [], PROGRESSING, 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, rfc3339(c.now)))
  return { d, newRS: created, olds }
}

