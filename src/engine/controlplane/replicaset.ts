// ReplicaSet controller: claims pods (adopt / release), creates and deletes pods to reach
// spec.replicas, and reports status. Sources: k/k pkg/controller/replicaset/replica_set.go
// (syncReplicaSet, manageReplicas, getPodsToDelete), replica_set_utils.go (calculateStatus),
// pkg/controller/controller_utils.go (ActivePodsWithRanks), controller_ref_manager.go (ClaimPods).
// The store is read directly (no informer cache), so creations are visible at once and no
// expectations are needed to avoid double-creating while watch events are in flight.
import type { Cluster } from '../cluster'
import type { KObject, WatchEvent } from '../api/types'
import { registerComponents } from '../registry'
import { recordEvent } from '../api/events'
import { fromLabelSelector, matches, type Selector } from '../api/selectors'
import { simTimeOf } from '../sim/time'
import { controllerOf, controllerRef, isPodActive, isPodAvailable, isPodReady, podCondition, podFromTemplate, restartCount } from './util/pods'
import { enqueueAfter, onResync } from './util/queue'
import { sortedKeys, splitKey } from './util/sync-keys'

export const RS_CONTROLLER = 'replicaset-controller'
/** BurstReplicas: max creations/deletions per sync. */
const BURST_REPLICAS = 500

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

/** ActivePodsWithRanks.Less: the pods to delete first sort first. */
export function deletionOrder(ranks: Map<KObject, number>) {
  return (a: KObject, b: KObject): number => {
    const an = a.spec?.nodeName ? 1 : 0
    const bn = b.spec?.nodeName ? 1 : 0
    if (an !== bn) return an - bn
    const ap = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0
    const bp = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0
    if (ap !== bp) return ap - bp
    const ar = isPodReady(a) ? 1 : 0
    const br = isPodReady(b) ? 1 : 0
    if (ar !== br) return ar - br
    const ra = ranks.get(a) ?? 0
    const rb = ranks.get(b) ?? 0
    if (ra !== rb) return rb - ra
    if (ar && br) {
      const ta = simTimeOf(podCondition(a, 'Ready')?.lastTransitionTime ?? '')
      const tb = simTimeOf(podCondition(b, 'Ready')?.lastTransitionTime ?? '')
      if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return tb - ta // ready for less time first
    }
    const rc = restartCount(b) - restartCount(a)
    if (rc !== 0) return rc
    const ca = a.metadata.creationTimestamp
    const cb = b.metadata.creationTimestamp
    if (ca !== cb) return ca < cb ? 1 : -1 // newer first
    return Number(b.metadata.resourceVersion) - Number(a.metadata.resourceVersion)
  }
}

/** The pods to delete when scaling down by `n` (getPodsToDelete with ranks by co-located pods). */
export function podsToDelete(pods: KObject[], n: number): KObject[] {
  const perNode: Record<string, number> = {}
  for (const p of pods) if (p.spec?.nodeName) perNode[p.spec.nodeName] = (perNode[p.spec.nodeName] ?? 0) + 1
  const ranks = new Map<KObject, number>()
  for (const p of pods) ranks.set(p, p.spec?.nodeName ? perNode[p.spec.nodeName] : 0)
  return [...pods].sort(deletionOrder(ranks)).slice(0, n)
}

/** ClaimPods: owned pods whose labels still match, plus adopted orphans; releases the rest. */
export function claimPods(c: Cluster, actor: string, owner: KObject, pods: KObject[], sel: Selector = fromLabelSelector(owner.spec?.selector)): KObject[] {
  const api = c.client(actor)
  const out: KObject[] = []
  for (const pod of pods) {
    const ref = controllerOf(pod)
    const match = sel.length > 0 && matches(sel, pod.metadata.labels)
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue
      if (match) { out.push(pod); continue }
      if (pod.metadata.deletionTimestamp) continue
      api.mutate('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
        p.metadata.ownerReferences = (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid)
        if (!p.metadata.ownerReferences.length) delete p.metadata.ownerReferences
      })
      continue
    }
    if (!match || pod.metadata.deletionTimestamp || owner.metadata.deletionTimestamp) continue
    const r = api.mutate('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
      if (controllerOf(p)) return false
      p.metadata.ownerReferences = [...(p.metadata.ownerReferences ?? []), controllerRef(owner)]
    })
    if (r.ok && controllerOf(r.value)?.uid === owner.metadata.uid) out.push(r.value)
  }
  return out
}

/**
 * What differs between the ReplicaSet and the ReplicationController controllers, which upstream
 * share one implementation (k/k pkg/controller/replication/replication_controller.go wraps
 * replicaset.NewBaseController with a conversion to ReplicaSets).
 */
export interface ReplicaKind {
  actor: string
  plural: 'replicasets' | 'replicationcontrollers'
  kind: string
  /** The owner's label selector (set-based for ReplicaSets, equality map for RCs). */
  selector: (owner: KObject) => Selector
}

export const REPLICASET_KIND: ReplicaKind = {
  actor: RS_CONTROLLER,
  plural: 'replicasets',
  kind: 'ReplicaSet',
  selector: (rs) => fromLabelSelector(rs.spec?.selector),
}

export function syncReplicaSet(c: Cluster, key: string): void {
  syncReplicas(c, REPLICASET_KIND, key)
}

/** syncReplicaSet + manageReplicas for either kind. */
export function syncReplicas(c: Cluster, k: ReplicaKind, key: string): void {
  const [ns, name] = splitKey(key)
  const api = c.client(k.actor)
  const rs = api.get(k.plural, ns, name)
  if (!rs) return
  const owned = claimPods(c, k.actor, rs, api.list('pods', { namespace: ns }), k.selector(rs))
  let active = owned.filter(isPodActive)
  const want = typeof rs.spec?.replicas === 'number' ? rs.spec.replicas : 1
  if (!rs.metadata.deletionTimestamp) {
    const diff = active.length - want
    if (diff < 0) {
      const created: KObject[] = []
      for (let i = 0; i < Math.min(-diff, BURST_REPLICAS); i++) {
        const r = api.create(podFromTemplate(rs.spec?.template, rs, `${name}-`) as never)
        if (r.ok) {
          created.push(r.value)
          recordEvent(c, { component: k.actor }, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`)
        } else {
          recordEvent(c, { component: k.actor }, rs, 'Warning', 'FailedCreate', `Error creating: ${r.status.message}`)
          break
        }
      }
      active = [...active, ...created]
    } else if (diff > 0) {
      const victims = podsToDelete(active, Math.min(diff, BURST_REPLICAS))
      for (const pod of victims) {
        const r = api.delete('pods', ns, pod.metadata.name)
        if (r.ok) recordEvent(c, { component: k.actor }, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`)
      }
      const gone = new Set(victims)
      active = active.filter((p) => !gone.has(p))
    }
  }
  updateReplicaStatus(c, k, rs, active)
}

function updateReplicaStatus(c: Cluster, k: ReplicaKind, rs: KObject, active: KObject[]): void {
  const minReady = rs.spec?.minReadySeconds ?? 0
  const tmplLabels = (rs.spec?.template?.metadata?.labels ?? {}) as Record<string, string>
  let fully = 0
  let ready = 0
  let available = 0
  let nextAvailableAt = Infinity
  for (const p of active) {
    const labels = p.metadata.labels ?? {}
    if (Object.entries(tmplLabels).every(([k, v]) => labels[k] === v)) fully++
    if (!isPodReady(p)) continue
    ready++
    if (isPodAvailable(p, minReady, c.now)) available++
    else {
      const t = simTimeOf(podCondition(p, 'Ready')?.lastTransitionTime ?? '') + minReady * 1000
      if (!Number.isNaN(t)) nextAvailableAt = Math.min(nextAvailableAt, t)
    }
  }
  if (nextAvailableAt !== Infinity) enqueueAfter(c, k.actor, `${rs.metadata.namespace}/${rs.metadata.name}`, nextAvailableAt - c.now + 1)
  const status: Record<string, unknown> = { ...(rs.status ?? {}), replicas: active.length, fullyLabeledReplicas: fully, readyReplicas: ready, availableReplicas: available, observedGeneration: rs.metadata.generation ?? 1 }
  // Like the API (omitempty), zero counters other than replicas are not serialised.
  for (const key of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (status[key] === 0) delete status[key]
  if (JSON.stringify(status) === JSON.stringify(rs.status ?? {})) return
  c.client(k.actor).updateStatus(k.plural, rs.metadata.namespace, rs.metadata.name, (o) => {
    o.status = status
  })
}

onResync(RS_CONTROLLER, syncReplicaSet)

/** The watch handler of either kind: owners that changed, owners of changed pods, and adopters of orphans. */
export function replicaWatchHandler(k: ReplicaKind): (c: Cluster, events: WatchEvent[]) => void {
  return (c, events) => {
    const keys: Record<string, true> = {}
    for (const e of events) {
      const obj = e.object
      const ns = obj.metadata.namespace ?? 'default'
      if (e.plural === k.plural) {
        if (e.type !== 'DELETED') keys[`${ns}/${obj.metadata.name}`] = true
        continue
      }
      const ref = controllerOf(obj)
      if (ref) {
        if (ref.kind === k.kind) keys[`${ns}/${ref.name}`] = true
        continue
      }
      if (e.type === 'DELETED') continue
      // An orphan: every owner whose selector matches may adopt it (getPodReplicaSets).
      for (const rs of c.client(k.actor).list(k.plural, { namespace: ns })) {
        const sel = k.selector(rs)
        if (sel.length && matches(sel, obj.metadata.labels)) keys[`${ns}/${rs.metadata.name}`] = true
      }
    }
    for (const key of sortedKeys(keys)) syncReplicas(c, k, key)
  }
}

registerComponents(() => [{ name: RS_CONTROLLER, watches: ['replicasets', 'pods'], onEvents: replicaWatchHandler(REPLICASET_KIND) }])
