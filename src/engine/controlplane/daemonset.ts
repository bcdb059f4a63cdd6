// DaemonSet controller: one pod per eligible node, placed by the scheduler through a required
// node affinity on metadata.name. Sources: k/k pkg/controller/daemon/daemon_controller.go
// (manage, podsShouldBeOnNode, NodeShouldRunDaemonPod, updateDaemonSetStatus),
// pkg/controller/daemon/util/daemonset_util.go (AddOrUpdateDaemonPodTolerations,
// ReplaceDaemonSetPodNodeNameNodeAffinity, GetTargetNodeName); its history in daemonset-history.ts.
import type { Cluster } from '../cluster'
import type { KObject, WatchEvent } from '../api/types'
import { registerComponents } from '../registry'
import { recordEvent } from '../api/events'
import { cleanupHistory, constructHistory, currentHash, DS_HASH_LABEL } from './daemonset-history'
import { claimPods } from './replicaset'
import { podMatchesNodeSelectorAndAffinity } from './scheduler/node-affinity'
import { firstUntoleratedTaint, type Taint, type Toleration } from './scheduler/taints'
import { controllerOf, isPodAvailable, isPodReady, podFromTemplate } from './util/pods'
import { enqueueAfter, onResync } from './util/queue'
import { sortedKeys, splitKey } from './util/sync-keys'
import { simTimeOf } from '../sim/time'

export const DS_CONTROLLER = 'daemonset-controller'

/** The tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const out: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ]
  if (hostNetwork) out.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' })
  return out
}

function addTolerations(existing: Toleration[] | undefined, extra: Toleration[]): Toleration[] {
  const out = [...(existing ?? [])]
  for (const t of extra) if (!out.some((x) => x.key === t.key && x.effect === t.effect && (x.operator ?? 'Equal') === t.operator)) out.push(t)
  return out
}

/** The daemon pod spec for a node (NewPod + tolerations + node affinity). */
export function daemonPodSpec(ds: KObject, nodeName: string): Record<string, unknown> {
  const spec = structuredClone(ds.spec?.template?.spec ?? {})
  spec.tolerations = addTolerations(spec.tolerations, daemonTolerations(!!spec.hostNetwork))
  spec.affinity = { ...(spec.affinity ?? {}), nodeAffinity: { ...(spec.affinity?.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } }
  return spec
}

/** NodeShouldRunDaemonPod → [shouldRun, shouldContinueRunning]. */
export function nodeShouldRunDaemonPod(ds: KObject, node: KObject): [boolean, boolean] {
  const spec = ds.spec?.template?.spec ?? {}
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: '', uid: '', resourceVersion: '', creationTimestamp: '' }, spec } as KObject
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return [false, false]
  if (!podMatchesNodeSelectorAndAffinity(pod, node)) return [false, false]
  const tolerations = addTolerations(spec.tolerations, daemonTolerations(!!spec.hostNetwork))
  const taints = node.spec?.taints as Taint[] | undefined
  if (firstUntoleratedTaint(taints, tolerations, ['NoExecute'])) return [false, false]
  if (firstUntoleratedTaint(taints, tolerations, ['NoSchedule'])) return [false, true]
  return [true, true]
}

/** GetTargetNodeName: spec.nodeName, or the metadata.name the affinity pins the pod to. */
export function targetNodeName(pod: KObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as { matchFields?: { key: string; operator: string; values?: string[] }[] }[] | undefined
  for (const t of terms ?? []) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0]
  return undefined
}

/**
 * RollingUpdate (update.go rollingUpdate, simplified): outdated pods that are unavailable go
 * first, then available ones while at most maxUnavailable (default 1) daemon pods are unavailable.
 * OnDelete leaves outdated pods alone.
 */
export function rollingUpdateVictims(ds: KObject, outdated: KObject[], desired: number, available: number, minReady: number, now: number): KObject[] {
  const strategy = ds.spec?.updateStrategy ?? {}
  if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate' || outdated.length === 0) return []
  const mu = strategy.rollingUpdate?.maxUnavailable ?? 1
  const maxUnavailable = typeof mu === 'number' ? mu : Math.max(1, Math.floor((Number.parseInt(String(mu), 10) * desired) / 100))
  const out = outdated.filter((p) => !isPodAvailable(p, minReady, now))
  let budget = maxUnavailable - (desired - available)
  for (const p of outdated) {
    if (budget <= 0) break
    if (out.includes(p)) continue
    out.push(p)
    budget--
  }
  return out
}

export function syncDaemonSet(c: Cluster, key: string): void {
  const [ns, name] = splitKey(key)
  const api = c.client(DS_CONTROLLER)
  const ds = api.get('daemonsets', ns, name)
  if (!ds) return
  const generation = String(ds.metadata.generation ?? 1)
  const claim = () => claimPods(c, DS_CONTROLLER, ds, api.list('pods', { namespace: ns }))
  // syncDaemonSet: the hash of the current revision is the label of up-to-date pods. A DaemonSet
  // being deleted gets no new revisions (its history may already be gone).
  let hash: string
  let old: KObject[] = []
  if (ds.metadata.deletionTimestamp) hash = currentHash(c, DS_CONTROLLER, ds)
  else {
    const h = constructHistory(c, DS_CONTROLLER, ds, claim)
    // A hash collision bumped status.collisionCount, whose watch event re-syncs; else retry later.
    if (!h) { enqueueAfter(c, DS_CONTROLLER, key, 1000); return }
    hash = h.hash
    old = h.old
  }
  const pods = claim()
  const byNode: Record<string, KObject[]> = {}
  for (const p of pods) {
    const n = targetNodeName(p)
    if (n) (byNode[n] ??= []).push(p)
  }
  const nodes = api.list('nodes')
  const nodeNames = new Set(nodes.map((n) => n.metadata.name))
  const toCreate: string[] = []
  const toDelete: KObject[] = []
  const outdated: KObject[] = []
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0
  let nextAvailableAt = Infinity
  const minReady = ds.spec?.minReadySeconds ?? 0
  for (const node of nodes) {
    const [shouldRun, shouldContinue] = nodeShouldRunDaemonPod(ds, node)
    const nodePods = (byNode[node.metadata.name] ?? []).filter((p) => !p.metadata.deletionTimestamp)
    if (shouldRun) desired++
    if (nodePods.length && !shouldRun) misscheduled++
    if (shouldRun && nodePods.length) current++
    if (shouldContinue) {
      const failed = nodePods.filter((p) => p.status?.phase === 'Failed')
      const alive = nodePods.filter((p) => p.status?.phase !== 'Failed')
      toDelete.push(...failed)
      // A terminating daemon pod still occupies the node (host ports): wait until it is gone.
      if (shouldRun && (byNode[node.metadata.name] ?? []).length === 0) toCreate.push(node.metadata.name)
      else if (alive.length > 1) {
        // Keep the oldest daemon pod, delete the rest (podsShouldBeOnNode).
        const sorted = [...alive].sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
        toDelete.push(...sorted.slice(1))
      }
    } else toDelete.push(...nodePods)
    if (shouldRun && nodePods.length) {
      const p = nodePods[0]
      if (p.metadata.labels?.[DS_HASH_LABEL] !== hash) outdated.push(p)
      if (p.metadata.labels?.[DS_HASH_LABEL] === hash) updated++
      if (isPodReady(p)) {
        ready++
        if (isPodAvailable(p, minReady, c.now)) available++
        else nextAvailableAt = Math.min(nextAvailableAt, simTimeOf(p.status?.conditions?.find((x: { type: string }) => x.type === 'Ready')?.lastTransitionTime ?? '') + minReady * 1000)
      }
    }
  }
  toDelete.push(...rollingUpdateVictims(ds, outdated, desired, available, minReady, c.now))
  // Daemon pods aimed at nodes that no longer exist.
  for (const [n, ps] of Object.entries(byNode)) if (!nodeNames.has(n)) toDelete.push(...ps.filter((p) => !p.metadata.deletionTimestamp))
  if (!ds.metadata.deletionTimestamp) {
    for (const nodeName of toCreate) {
      const pod = podFromTemplate(ds.spec?.template, ds, `${name}-`)
      const meta = pod.metadata as { labels: Record<string, string> }
      meta.labels = { ...meta.labels, [DS_HASH_LABEL]: hash, 'pod-template-generation': generation }
      pod.spec = daemonPodSpec(ds, nodeName)
      const r = api.create(pod as never)
      if (r.ok) recordEvent(c, { component: DS_CONTROLLER }, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`)
      else recordEvent(c, { component: DS_CONTROLLER }, ds, 'Warning', 'FailedCreate', `Error creating: ${r.status.message}`)
    }
    for (const p of toDelete) {
      const r = api.delete('pods', ns, p.metadata.name)
      if (r.ok) recordEvent(c, { component: DS_CONTROLLER }, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`)
    }
    // updateDaemonSet: after manage and rollingUpdate.
    cleanupHistory(c, DS_CONTROLLER, ds, old, pods)
  }
  if (Number.isFinite(nextAvailableAt)) enqueueAfter(c, DS_CONTROLLER, key, nextAvailableAt - c.now + 1)
  const status: Record<string, unknown> = {
    ...(ds.status ?? {}),
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: Math.max(desired - available, 0),
  }
  for (const k of ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable']) if (status[k] === 0) delete status[k]
  if (JSON.stringify(status) === JSON.stringify(ds.status ?? {})) return
  api.updateStatus('daemonsets', ns, name, (o) => {
    o.status = status
  })
}

onResync(DS_CONTROLLER, syncDaemonSet)

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const keys: Record<string, true> = {}
  let allDaemonSets = false
  for (const e of events) {
    const obj = e.object
    if (e.plural === 'nodes') { allDaemonSets = true; continue }
    const ns = obj.metadata.namespace ?? 'default'
    if (e.plural === 'daemonsets') {
      if (e.type !== 'DELETED') keys[`${ns}/${obj.metadata.name}`] = true
      continue
    }
    const ref = controllerOf(obj)
    if (ref?.kind === 'DaemonSet') keys[`${ns}/${ref.name}`] = true
  }
  if (allDaemonSets) for (const ds of c.client(DS_CONTROLLER).list('daemonsets')) keys[`${ds.metadata.namespace}/${ds.metadata.name}`] = true
  for (const key of sortedKeys(keys)) syncDaemonSet(c, key)
}

registerComponents(() => [{ name: DS_CONTROLLER, watches: ['daemonsets', 'pods', 'nodes', 'controllerrevisions'], onEvents: onWatch }])
