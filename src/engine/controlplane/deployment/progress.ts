// Deployment status and conditions (k/k pkg/controller/deployment/sync.go calculateStatus,
// syncDeploymentStatus; progress.go syncRolloutStatus, requeueStuckDeployment;
// util/deployment_util.go DeploymentComplete, DeploymentProgressing, DeploymentTimedOut).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { rfc3339, simTimeOf } from '../../sim/time'
import { enqueueAfter } from '../util/queue'
import { DEPLOYMENT_CONTROLLER } from './scale'
import {
  AVAILABLE, PROGRESSING, getCondition, hasProgressDeadline, maxUnavailable, progressDeadlineSeconds, removeCondition, replicasOf, setCondition, specSum, statusSum,
  type DeploymentCondition,
} from './util'

export interface DeploymentStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  collisionCount?: number
  conditions?: DeploymentCondition[]
}

const n = (s: DeploymentStatus, k: keyof DeploymentStatus) => (s[k] as number | undefined) ?? 0

export function calculateStatus(c: Cluster, all: KObject[], newRS: KObject | undefined, d: KObject): DeploymentStatus {
  const available = statusSum(all, 'availableReplicas')
  const unavailable = Math.max(specSum(all) - available, 0)
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: statusSum(all, 'replicas'),
    updatedReplicas: statusSum([newRS], 'replicas'),
    readyReplicas: statusSum(all, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  }
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount
  const now = rfc3339(c.now)
  let conds = [...((d.status?.conditions ?? []) as DeploymentCondition[])]
  if (available >= replicasOf(d) - maxUnavailable(d)) conds = setCondition(conds, AVAILABLE, 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now)
  else conds = setCondition(conds, AVAILABLE, 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now)
  status.conditions = conds
  return status
}

export function deploymentComplete(d: KObject, s: DeploymentStatus): boolean {
  const want = replicasOf(d)
  return n(s, 'updatedReplicas') === want && n(s, 'replicas') === want && n(s, 'availableReplicas') === want && n(s, 'observedGeneration') >= (d.metadata.generation ?? 1)
}

function deploymentProgressing(d: KObject, s: DeploymentStatus): boolean {
  const old = (d.status ?? {}) as DeploymentStatus
  return n(s, 'updatedReplicas') > n(old, 'updatedReplicas') ||
    n(s, 'replicas') - n(s, 'updatedReplicas') < n(old, 'replicas') - n(old, 'updatedReplicas') ||
    n(s, 'readyReplicas') > n(old, 'readyReplicas') ||
    n(s, 'availableReplicas') > n(old, 'availableReplicas')
}

function deadlineAt(d: KObject, cond: DeploymentCondition): number {
  return simTimeOf(cond.lastUpdateTime) + progressDeadlineSeconds(d) * 1000
}

function deploymentTimedOut(c: Cluster, d: KObject, s: DeploymentStatus): boolean {
  if (!hasProgressDeadline(d)) return false
  const cond = getCondition(s, PROGRESSING)
  if (!cond || cond.reason === 'NewReplicaSetAvailable') return false
  if (cond.reason === 'ProgressDeadlineExceeded') return true
  return deadlineAt(d, cond) < c.now
}

/** The API omits zero counters (omitempty). */
function wire(s: DeploymentStatus): DeploymentStatus {
  const out = { ...s }
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) if (out[k] === 0) delete out[k]
  return out
}

function write(c: Cluster, d: KObject, s: DeploymentStatus): boolean {
  const next = wire(s)
  if (JSON.stringify(next) === JSON.stringify(d.status ?? {})) return false
  c.client(DEPLOYMENT_CONTROLLER).updateStatus('deployments', d.metadata.namespace, d.metadata.name, (o) => {
    o.status = next
  })
  return true
}

/** syncDeploymentStatus: counters + Available only (scaling events, paused deployments). */
export function syncDeploymentStatus(c: Cluster, all: KObject[], newRS: KObject | undefined, d: KObject): void {
  write(c, d, calculateStatus(c, all, newRS, d))
}

/** syncRolloutStatus: also estimates progress against progressDeadlineSeconds. */
export function syncRolloutStatus(c: Cluster, all: KObject[], newRS: KObject | undefined, d: KObject): void {
  const s = calculateStatus(c, all, newRS, d)
  let conds = s.conditions ?? []
  if (!hasProgressDeadline(d)) conds = removeCondition(conds, PROGRESSING)
  const current = getCondition(d.status, PROGRESSING)
  const isComplete = n(s, 'replicas') === n(s, 'updatedReplicas') && current?.reason === 'NewReplicaSetAvailable'
  const now = rfc3339(c.now)
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, s)) {
      conds = setCondition(conds, PROGRESSING, 'True', 'NewReplicaSetAvailable', `${subject} has successfully progressed.`, now)
    } else if (deploymentProgressing(d, s)) {
      // Progress refreshes lastUpdateTime even with the same reason (progress.go special case).
      const cond: DeploymentCondition = { type: PROGRESSING, status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason: 'ReplicaSetUpdated', message: `${subject} is progressing.` }
      if (current?.status === 'True') cond.lastTransitionTime = current.lastTransitionTime
      conds = [...removeCondition(conds, PROGRESSING), cond]
    } else if (deploymentTimedOut(c, d, { ...s, conditions: conds })) {
      conds = setCondition(conds, PROGRESSING, 'False', 'ProgressDeadlineExceeded', `${subject} has timed out progressing.`, now)
    }
  }
  // Move a ReplicaFailure condition of the ReplicaSets (the new one first) into the Deployment.
  const failure = replicaFailures(all, newRS)[0]
  if (failure) conds = setCondition(conds, failure.type, failure.status, failure.reason, failure.message, failure.lastUpdateTime)
  else conds = removeCondition(conds, 'ReplicaFailure')
  s.conditions = conds
  if (!write(c, d, s)) requeueStuckDeployment(c, d, s)
}

/** getReplicaFailures + ReplicaSetToDeploymentCondition. */
function replicaFailures(all: KObject[], newRS: KObject | undefined): DeploymentCondition[] {
  const of = (rs: KObject | undefined): DeploymentCondition[] =>
    ((rs?.status?.conditions ?? []) as { type: string; status: string; reason: string; message: string; lastTransitionTime: string }[])
      .filter((x) => x.type === 'ReplicaFailure')
      .map((x) => ({ type: x.type, status: x.status, reason: x.reason, message: x.message, lastUpdateTime: x.lastTransitionTime, lastTransitionTime: x.lastTransitionTime }))
  const fromNew = of(newRS)
  return fromNew.length ? fromNew : all.flatMap(of)
}

/** requeueStuckDeployment: check again once the deadline has passed (+1 s against skew). */
function requeueStuckDeployment(c: Cluster, d: KObject, s: DeploymentStatus): void {
  const cond = getCondition(d.status, PROGRESSING)
  if (!hasProgressDeadline(d) || !cond) return
  if (deploymentComplete(d, s) || cond.reason === 'ProgressDeadlineExceeded') return
  const after = deadlineAt(d, cond) - c.now
  enqueueAfter(c, DEPLOYMENT_CONTROLLER, `${d.metadata.namespace}/${d.metadata.name}`, Math.max(after, 0) + 1000)
}
