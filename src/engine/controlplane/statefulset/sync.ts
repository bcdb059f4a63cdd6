// One StatefulSet sync: revisions, pods by ordinal, scale up/down in order, rolling update and
// status. k/k pkg/controller/statefulset/stateful_set_control.go (updateStatefulSet,
// processReplica, processCondemned, computeReplicaStatus, completeRollingUpdate),
// stateful_set_utils.go (isRunningAndReady, isHealthy, newVersionedStatefulSetPod),
// stateful_pod_control.go (CreateStatefulPod, createPersistentVolumeClaims, recordPodEvent).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { recordEvent } from '../../api/events'
import { fromLabelSelector } from '../../api/selectors'
import { simTimeOf } from '../../sim/time'
import { claimPods } from '../replicaset'
import { controllerOf, isPodAvailable, isPodReady, podCondition } from '../util/pods'
import { enqueueAfter } from '../util/queue'
import { splitKey } from '../util/sync-keys'
import { statefulSetRevisions, templateOf, truncateHistory, type Revisions } from './history'
import { claimOwners, updateClaimOwners } from './retention'
import { claimsFor, identityMatches, newStatefulSetPod, ordinalOf, podRevision, POD_INDEX_LABEL, POD_NAME_LABEL, replicasOf, startOrdinal } from './identity'

export const STS_CONTROLLER = 'statefulset-controller'

const isCreated = (p: KObject): boolean => !!p.status?.phase
const isTerminating = (p: KObject): boolean => !!p.metadata.deletionTimestamp
const isRunningAndReady = (p: KObject): boolean => p.status?.phase === 'Running' && isPodReady(p)
const isRunningAndAvailable = (p: KObject, minReady: number, now: number): boolean => p.status?.phase === 'Running' && isPodAvailable(p, minReady, now)
const isHealthy = (p: KObject): boolean => isRunningAndReady(p) && !isTerminating(p)

/** recordPodEvent: `create Pod web-0 in StatefulSet web successful`. */
function podEvent(c: Cluster, sts: KObject, verb: 'create' | 'delete' | 'update', pod: string, err?: string): void {
  const title = verb[0].toUpperCase() + verb.slice(1)
  if (err === undefined) recordEvent(c, { component: STS_CONTROLLER }, sts, 'Normal', `Successful${title}`, `${verb} Pod ${pod} in StatefulSet ${sts.metadata.name} successful`)
  else recordEvent(c, { component: STS_CONTROLLER }, sts, 'Warning', `Failed${title}`, `${verb} Pod ${pod} in StatefulSet ${sts.metadata.name} failed error: ${err}`)
}

/** createPersistentVolumeClaims: the missing claims of one ordinal (recordClaimEvent). */
function ensureClaims(c: Cluster, sts: KObject, ordinal: number, pod: string): string | undefined {
  const api = c.client(STS_CONTROLLER)
  for (const claim of claimsFor(sts, ordinal)) {
    if (api.get('persistentvolumeclaims', sts.metadata.namespace, claim.metadata.name)) continue
    const owners = claimOwners(sts, undefined, ordinal)
    if (owners.length) claim.metadata.ownerReferences = owners
    const r = api.create(claim as never)
    if (r.ok || r.status.reason === 'AlreadyExists') {
      if (r.ok) recordEvent(c, { component: STS_CONTROLLER }, sts, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod} in StatefulSet ${sts.metadata.name} success`)
      continue
    }
    const msg = `failed to create PVC ${claim.metadata.name}: ${r.status.message}`
    recordEvent(c, { component: STS_CONTROLLER }, sts, 'Warning', 'FailedCreate', `create Claim ${claim.metadata.name} for Pod ${pod} in StatefulSet ${sts.metadata.name} failed error: ${msg}`)
    return msg
  }
  return undefined
}

/** newVersionedStatefulSetPod: ordinals below the partition keep the current revision. */
function versionedPod(sts: KObject, revs: Revisions, ordinal: number): KObject {
  const strategy = sts.spec?.updateStrategy ?? {}
  const partition = strategy.rollingUpdate?.partition
  const keepCurrent = (strategy.type ?? 'RollingUpdate') === 'RollingUpdate' &&
    (typeof partition === 'number' ? ordinal < partition : ordinal < Number(sts.status?.currentReplicas ?? 0))
  const rev = keepCurrent ? revs.current : revs.update
  return newStatefulSetPod(sts, templateOf(rev), ordinal, rev.metadata.name)
}

function createPod(c: Cluster, sts: KObject, pod: KObject, ordinal: number): boolean {
  const err = ensureClaims(c, sts, ordinal, pod.metadata.name)
  if (err !== undefined) return false
  const r = c.client(STS_CONTROLLER).create(pod as never)
  podEvent(c, sts, 'create', pod.metadata.name, r.ok ? undefined : r.status.message)
  return r.ok
}

function deletePod(c: Cluster, sts: KObject, pod: KObject): void {
  const r = c.client(STS_CONTROLLER).delete('pods', pod.metadata.namespace, pod.metadata.name)
  podEvent(c, sts, 'delete', pod.metadata.name, r.ok ? undefined : r.status.message)
}

export function syncStatefulSet(c: Cluster, key: string): void {
  const [ns, name] = splitKey(key)
  const api = c.client(STS_CONTROLLER)
  const sts = api.get('statefulsets', ns, name)
  if (!sts) return
  // Only pods named like this set's members are claimed (isMemberOf filter of ClaimPods).
  const candidates = api.list('pods', { namespace: ns }).filter((p) => controllerOf(p)?.uid === sts.metadata.uid || ordinalOf(sts, p) >= 0)
  const pods = claimPods(c, STS_CONTROLLER, sts, candidates, fromLabelSelector(sts.spec?.selector))
  const revs = statefulSetRevisions(c, STS_CONTROLLER, sts)
  if (!revs) return
  if (!sts.metadata.deletionTimestamp) manage(c, sts, revs, pods)
  const after = api.list('pods', { namespace: ns }).filter((p) => controllerOf(p)?.uid === sts.metadata.uid)
  updateStatus(c, sts, revs, after)
  truncateHistory(c, STS_CONTROLLER, sts, revs, after)
}

/** The body of updateStatefulSet after the revisions: replicas, condemned pods, rolling update. */
function manage(c: Cluster, sts: KObject, revs: Revisions, pods: KObject[]): void {
  const wake = { at: Infinity }
  manageReplicas(c, sts, revs, pods, wake)
  // A pod not yet available for minReadySeconds: sync again when it will be.
  if (Number.isFinite(wake.at)) enqueueAfter(c, STS_CONTROLLER, `${sts.metadata.namespace}/${sts.metadata.name}`, wake.at - c.now + 1)
}

function manageReplicas(c: Cluster, sts: KObject, revs: Revisions, pods: KObject[], wake: { at: number }): void {
  const start = startOrdinal(sts)
  const count = replicasOf(sts)
  const minReady = sts.spec?.minReadySeconds ?? 0
  const monotonic = (sts.spec?.podManagementPolicy ?? 'OrderedReady') !== 'Parallel'
  const replicas: (KObject | undefined)[] = Array.from({ length: count }, () => undefined)
  const condemned: KObject[] = []
  for (const p of pods) {
    const ord = ordinalOf(sts, p)
    if (ord >= start && ord < start + count) replicas[ord - start] = p
    else if (ord >= 0) condemned.push(p)
  }
  condemned.sort((a, b) => ordinalOf(sts, b) - ordinalOf(sts, a))
  // The first unhealthy pod, by ordinal among replicas then condemned (descending).
  const firstUnhealthy = [...replicas, ...condemned].find((p) => p && !isHealthy(p))
  const waitAvailable = (p: KObject): void => {
    const t = simTimeOf(podCondition(p, 'Ready')?.lastTransitionTime ?? '') + minReady * 1000
    if (!Number.isNaN(t)) wake.at = Math.min(wake.at, t)
  }
  const processReplica = (i: number): boolean => {
    const ordinal = start + i
    let pod = replicas[i]
    if (pod && (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded')) {
      // A finished pod is deleted (terminal pods go at once) and recreated with the same name.
      // The Recreating* events exist up to v1.30 (removed by k/k PR #123809 in v1.31).
      const failed = pod.status?.phase === 'Failed'
      recordEvent(c, { component: STS_CONTROLLER }, sts, failed ? 'Warning' : 'Normal', failed ? 'RecreatingFailedPod' : 'RecreatingTerminatedPod',
        `StatefulSet ${sts.metadata.namespace}/${sts.metadata.name} is recreating ${failed ? 'failed' : 'terminated'} Pod ${pod.metadata.name}`)
      deletePod(c, sts, pod)
      if (c.client(STS_CONTROLLER).get('pods', pod.metadata.namespace, pod.metadata.name)) return true
      pod = undefined
    }
    if (!pod) {
      pod = versionedPod(sts, revs, ordinal)
      if (!createPod(c, sts, pod, ordinal)) return true
      return monotonic
    }
    if (pod.status?.phase === 'Pending' && !isTerminating(pod)) ensureClaims(c, sts, ordinal, pod.metadata.name) // createMissingPersistentVolumeClaims
    if (isTerminating(pod) && monotonic) return true
    if (!isRunningAndReady(pod) && monotonic) return true
    if (!isRunningAndAvailable(pod, minReady, c.now) && monotonic) { waitAvailable(pod); return true }
    if (!isTerminating(pod)) updateClaimOwners(c, STS_CONTROLLER, sts, pod, ordinal)
    // hostname/subdomain are immutable on a pod: only the identity labels can be restored.
    const labels = pod.metadata.labels ?? {}
    if (identityMatches(sts, pod, ordinal) || isTerminating(pod) || (labels[POD_NAME_LABEL] === pod.metadata.name && labels[POD_INDEX_LABEL] === String(ordinal))) return false
    // Restore the identity labels (UpdateStatefulPod); hostname and subdomain are immutable.
    const r = c.client(STS_CONTROLLER).mutate('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
      p.metadata.labels = { ...(p.metadata.labels ?? {}), [POD_NAME_LABEL]: p.metadata.name, [POD_INDEX_LABEL]: String(ordinal) }
    })
    podEvent(c, sts, 'update', pod.metadata.name, r.ok ? undefined : r.status.message)
    return false
  }
  for (let i = 0; i < count; i++) if (processReplica(i)) return
  for (const p of condemned) {
    // processCondemned: one at a time from the highest ordinal, waiting for termination.
    if (isTerminating(p)) { if (monotonic) return; continue }
    if (monotonic && p !== firstUnhealthy && !isRunningAndReady(p)) return
    if (monotonic && p !== firstUnhealthy && !isRunningAndAvailable(p, minReady, c.now)) { waitAvailable(p); return }
    updateClaimOwners(c, STS_CONTROLLER, sts, p, ordinalOf(sts, p)) // whenScaled: Delete hands the claims to the pod
    deletePod(c, sts, p)
    if (monotonic) return
  }
  if ((sts.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return // OnDelete
  // RollingUpdate: delete the highest-ordinal pod not at the update revision, waiting for health.
  const partition = Number(sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0)
  for (let target = count - 1; target >= partition && target >= 0; target--) {
    const p = replicas[target]
    if (!p) return
    if (podRevision(p) !== revs.update.metadata.name && !isTerminating(p)) {
      deletePod(c, sts, p)
      return
    }
    if (!isHealthy(p)) return
  }
}

function updateStatus(c: Cluster, sts: KObject, revs: Revisions, pods: KObject[]): void {
  const minReady = sts.spec?.minReadySeconds ?? 0
  let replicas = 0, ready = 0, available = 0, current = 0, updated = 0
  for (const p of pods) {
    if (ordinalOf(sts, p) < 0) continue
    if (isCreated(p)) replicas++
    if (isRunningAndReady(p)) {
      ready++
      if (isRunningAndAvailable(p, minReady, c.now)) available++
      else {
        // Resync when the pod has been ready for minReadySeconds (availableReplicas changes).
        const t = simTimeOf(podCondition(p, 'Ready')?.lastTransitionTime ?? '') + minReady * 1000
        if (!Number.isNaN(t)) enqueueAfter(c, STS_CONTROLLER, `${sts.metadata.namespace}/${sts.metadata.name}`, t - c.now + 1)
      }
    }
    if (isCreated(p) && !isTerminating(p)) {
      if (podRevision(p) === revs.current.metadata.name) current++
      if (podRevision(p) === revs.update.metadata.name) updated++
    }
  }
  let currentRevision = revs.current.metadata.name
  // completeRollingUpdate
  if ((sts.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && updated === replicas && ready === replicas) {
    current = updated
    currentRevision = revs.update.metadata.name
  }
  const status: Record<string, unknown> = {
    observedGeneration: sts.metadata.generation ?? 1,
    replicas,
    readyReplicas: ready,
    currentReplicas: current,
    updatedReplicas: updated,
    currentRevision,
    updateRevision: revs.update.metadata.name,
    collisionCount: revs.collisionCount,
    availableReplicas: available,
  }
  if (sts.status?.conditions) status.conditions = sts.status.conditions
  // omitempty in apps/v1 StatefulSetStatus; replicas and availableReplicas are always serialised.
  for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (status[k] === 0) delete status[k]
  if (JSON.stringify(status) === JSON.stringify(sts.status ?? {})) return
  c.client(STS_CONTROLLER).updateStatus('statefulsets', sts.metadata.namespace, sts.metadata.name, (o) => {
    o.status = status
  })
}
