// Deployment controller: owns ReplicaSets named <deploy>-<pod-template-hash> and rolls templates
// out through them. Sources: k/k pkg/controller/deployment/deployment_controller.go (syncDeployment,
// deletePod), sync.go (getAllReplicaSetsAndSyncRevision, getNewReplicaSet, sync, isScalingEvent,
// cleanupDeployment, checkPausedConditions), rolling.go, recreate.go, progress.go.
import type { Cluster } from '../../cluster'
import type { KObject, WatchEvent } from '../../api/types'
import { registerComponents } from '../../registry'
import { fromLabelSelector, matches } from '../../api/selectors'
import { rfc3339 } from '../../sim/time'
import { controllerOf } from '../util/pods'
import { onResync } from '../util/queue'
import { sortedKeys, splitKey } from '../util/sync-keys'
import { deploymentComplete, syncDeploymentStatus, syncRolloutStatus } from './progress'
import { oldPodsRunning, scaleDownOldForRecreate, scaleUpNewForRecreate } from './recreate'
import { claimReplicaSets, getAll, writeStatusConds, type Split } from './replicasets'
import { rollingStep } from './rolling'
import { DEPLOYMENT_CONTROLLER, scaleDeployment } from './scale'
import {
  DESIRED_REPLICAS, PROGRESSING, activeReplicaSets, byCreation, getCondition, hasProgressDeadline, isRollingUpdate, replicasOf, revisionHistoryLimit, revisionOf, setCondition,
} from './util'

export { DEPLOYMENT_CONTROLLER } from './scale'

/** cleanupDeployment: delete the oldest idle ReplicaSets beyond revisionHistoryLimit. */
function cleanupDeployment(c: Cluster, d: KObject, olds: KObject[]): void {
  const api = c.client(DEPLOYMENT_CONTROLLER)
  const alive = olds.map((rs) => api.get('replicasets', rs.metadata.namespace, rs.metadata.name)).filter((rs): rs is KObject => !!rs && !rs.metadata.deletionTimestamp)
  const diff = alive.length - revisionHistoryLimit(d)
  if (diff <= 0) return
  alive.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b)) // ReplicaSetsByRevision
  for (const rs of alive.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 1) > (rs.status?.observedGeneration ?? 0)) continue
    api.delete('replicasets', rs.metadata.namespace, rs.metadata.name)
  }
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
function checkPausedConditions(c: Cluster, d: KObject): KObject {
  if (!hasProgressDeadline(d)) return d
  const cond = getCondition(d.status, PROGRESSING)
  if (cond?.reason === 'ProgressDeadlineExceeded') return d
  const pausedExists = cond?.reason === 'DeploymentPaused'
  const conds = d.status?.conditions ?? []
  if (d.spec?.paused && !pausedExists) return writeStatusConds(c, d, setCondition(conds, PROGRESSING, 'Unknown', 'DeploymentPaused', 'Deployment is paused', rfc3339(c.now)))
  if (!d.spec?.paused && pausedExists) return writeStatusConds(c, d, setCondition(conds, PROGRESSING, 'Unknown', 'DeploymentResumed', 'Deployment is resumed', rfc3339(c.now)))
  return d
}

function refresh(c: Cluster, rss: (KObject | undefined)[]): KObject[] {
  const api = c.client(DEPLOYMENT_CONTROLLER)
  return rss.filter((x): x is KObject => !!x).map((rs) => api.get('replicasets', rs.metadata.namespace, rs.metadata.name)).filter((x): x is KObject => !!x)
}

const fresh = (c: Cluster, rs: KObject | undefined) => (rs ? c.client(DEPLOYMENT_CONTROLLER).get('replicasets', rs.metadata.namespace, rs.metadata.name) : undefined)

/** isScalingEvent: an active RS was sized for a different spec.replicas (desired-replicas annotation). */
function isScalingEvent(d: KObject, s: Split): boolean {
  for (const rs of activeReplicaSets([...s.olds, s.newRS])) {
    const desired = Number.parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS] ?? '', 10)
    if (!Number.isNaN(desired) && desired !== replicasOf(d)) return true
  }
  return false
}

/** sync(): scaling only (scaling events and paused deployments). */
function syncScaleOnly(c: Cluster, d: KObject, s: Split): void {
  scaleDeployment(c, d, s.newRS, s.olds)
  if (d.spec?.paused) cleanupDeployment(c, d, s.olds)
  syncDeploymentStatus(c, refresh(c, [...s.olds, s.newRS]), fresh(c, s.newRS), d)
}

function rolloutRolling(c: Cluster, d0: KObject, owned: KObject[]): void {
  const s = getAll(c, d0, owned, true)
  const d = s.d
  if (!s.newRS) return
  const scaled = rollingStep(c, d, s.newRS, s.olds)
  if (!scaled && deploymentComplete(d, d.status ?? {})) cleanupDeployment(c, d, s.olds)
  syncRolloutStatus(c, refresh(c, [...s.olds, s.newRS]), fresh(c, s.newRS), d)
}

function rolloutRecreate(c: Cluster, d0: KObject, owned: KObject[]): void {
  let s = getAll(c, d0, owned, false)
  if (scaleDownOldForRecreate(c, s.d, s.olds) || oldPodsRunning(c, s.d, s.newRS, refresh(c, [...s.olds, s.newRS]))) {
    syncRolloutStatus(c, refresh(c, [...s.olds, s.newRS]), fresh(c, s.newRS), s.d)
    return
  }
  if (!s.newRS) s = getAll(c, s.d, owned, true)
  if (!s.newRS) return
  scaleUpNewForRecreate(c, s.d, s.newRS)
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(c, s.d, s.olds)
  syncRolloutStatus(c, refresh(c, [...s.olds, s.newRS]), fresh(c, s.newRS), s.d)
}

export function syncDeployment(c: Cluster, key: string): void {
  const [ns, name] = splitKey(key)
  let d = c.client(DEPLOYMENT_CONTROLLER).get('deployments', ns, name)
  if (!d) return
  const owned = claimReplicaSets(c, d)
  if (d.metadata.deletionTimestamp) {
    // syncStatusOnly.
    const s = getAll(c, d, owned, false)
    syncDeploymentStatus(c, [...s.olds, ...(s.newRS ? [s.newRS] : [])], s.newRS, s.d)
    return
  }
  d = checkPausedConditions(c, d)
  if (d.spec?.paused) return syncScaleOnly(c, d, getAll(c, d, owned, false))
  const s = getAll(c, d, owned, false)
  if (isScalingEvent(s.d, s)) return syncScaleOnly(c, s.d, s)
  if (isRollingUpdate(s.d)) rolloutRolling(c, s.d, owned)
  else rolloutRecreate(c, s.d, owned)
}

onResync(DEPLOYMENT_CONTROLLER, syncDeployment)

/** The Deployment that owns a pod through its ReplicaSet (getDeploymentForPod). */
function deploymentForPod(c: Cluster, pod: KObject): KObject | undefined {
  const ref = controllerOf(pod)
  if (ref?.kind !== 'ReplicaSet') return undefined
  const api = c.client(DEPLOYMENT_CONTROLLER)
  const rs = api.get('replicasets', pod.metadata.namespace, ref.name)
  const dref = rs && rs.metadata.uid === ref.uid ? controllerOf(rs) : undefined
  if (dref?.kind !== 'Deployment') return undefined
  const d = api.get('deployments', pod.metadata.namespace, dref.name)
  return d?.metadata.uid === dref.uid ? d : undefined
}

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const keys: Record<string, true> = {}
  for (const e of events) {
    const obj = e.object
    const ns = obj.metadata.namespace ?? 'default'
    if (e.plural === 'pods') {
      // deletePod: a Recreate rollout waits for the old pods to be gone.
      if (e.type !== 'DELETED') continue
      const d = deploymentForPod(c, obj)
      if (d && !isRollingUpdate(d)) keys[`${ns}/${d.metadata.name}`] = true
      continue
    }
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

registerComponents(() => [{
  name: DEPLOYMENT_CONTROLLER,
  watches: ['deployments', 'replicasets', 'pods'],
  // Only pods on their way out matter (deletePod); skip the rest of the pod traffic.
  accepts: (plural, obj) => plural !== 'pods' || !!obj.metadata.deletionTimestamp,
  onEvents: onWatch,
}])
