// Node lifecycle controller (kube-controller-manager, k/k pkg/controller/nodelifecycle
// node_lifecycle_controller.go monitorNodeHealth / tryUpdateNodeHealth / doNoExecuteTaintingPass,
// plus taint-node-by-condition) and the taint eviction controller (pkg/controller/tainteviction).
// Every node-monitor-period (5 s) it checks each node's last heartbeat (Lease renewTime or the
// Ready condition's lastHeartbeatTime); past node-monitor-grace-period (40 s) the conditions
// become Unknown, the node is tainted unreachable and its pods marked not ready. Pods that do not
// tolerate a NoExecute taint are deleted when their tolerationSeconds run out.
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'
import { onBootstrap, onEvent } from '../registry'
import { recordEvent } from '../api/events'
import { rfc3339, simTimeOf } from '../sim/time'

export const MONITOR_PERIOD_MS = 5_000
export const GRACE_PERIOD_MS = 40_000
const COMPONENT = 'node-lifecycle-controller'
const UNREACHABLE = 'node.kubernetes.io/unreachable'
const NOT_READY = 'node.kubernetes.io/not-ready'

 
type Json = any

interface NlcState {
  /** pod uid → sim ms of its planned eviction */
  evictAt: Record<string, number>
}

function nlc(c: Cluster): NlcState {
  return c.slot<NlcState>('node-lifecycle', () => ({ evictAt: {} }))
}

function ts(s: string | undefined): number {
  if (!s) return -Infinity
  const t = simTimeOf(s)
  return Number.isFinite(t) ? t : -Infinity
}

/** The probe time: latest of lease renew, Ready heartbeat, creation. */
export function lastHeartbeat(c: Cluster, node: KObject): number {
  const lease = c.api.get('leases', 'kube-node-lease', node.metadata.name)
  const ready = (node.status?.conditions ?? []).find((x: Json) => x.type === 'Ready')
  return Math.max(ts(lease?.spec?.renewTime), ts(ready?.lastHeartbeatTime), ts(node.metadata.creationTimestamp))
}

function readyStatus(node: KObject): string {
  return (node.status?.conditions ?? []).find((x: Json) => x.type === 'Ready')?.status ?? 'Unknown'
}

function desiredTaints(node: KObject): Json[] {
  const st = readyStatus(node)
  const key = st === 'Unknown' ? UNREACHABLE : st === 'False' ? NOT_READY : undefined
  const others = (node.spec?.taints ?? []).filter((t: Json) => t.key !== UNREACHABLE && t.key !== NOT_READY)
  if (!key) return others
  const keep = (effect: string) => (node.spec?.taints ?? []).find((t: Json) => t.key === key && t.effect === effect)
  return [...others, keep('NoExecute') ?? { key, effect: 'NoExecute', timeAdded: null }, keep('NoSchedule') ?? { key, effect: 'NoSchedule' }]
}

function tolerationSeconds(pod: KObject, taint: Json): number | null | undefined {
  // undefined: not tolerated; null: tolerated forever; n: tolerated for n seconds.
  for (const t of (pod.spec?.tolerations ?? []) as Json[]) {
    if (t.effect && t.effect !== taint.effect) continue
    const op = t.operator ?? 'Equal'
    if (t.key && t.key !== taint.key) continue
    if (!t.key && op !== 'Exists') continue
    if (op === 'Equal' && (t.value ?? '') !== (taint.value ?? '')) continue
    return typeof t.tolerationSeconds === 'number' ? Math.max(0, t.tolerationSeconds) : null
  }
  return undefined
}

function monitor(c: Cluster): void {
  const api = c.client(COMPONENT)
  for (const node of api.list('nodes')) {
    const name = node.metadata.name
    const stale = c.now - lastHeartbeat(c, node) > GRACE_PERIOD_MS
    if (stale && readyStatus(node) !== 'Unknown') {
      const now = rfc3339(c.now)
      // tryUpdateNodeHealth: every condition the kubelet owns becomes Unknown.
      api.updateStatus('nodes', undefined, name, (n) => {
        n.status.conditions = (n.status?.conditions ?? []).map((x: Json) => ({
          ...x,
          status: 'Unknown',
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: now,
        }))
      })
      recordEvent(c, { component: 'node-controller' }, node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`)
      // MarkPodsNotReady (pkg/controller/util/node/controller_utils.go).
      for (const p of api.list('pods', { filter: (p) => p.spec?.nodeName === name })) {
        const r = api.updateStatus('pods', p.metadata.namespace, p.metadata.name, (q) => {
          const conds: Json[] = q.status?.conditions ?? []
          const i = conds.findIndex((x) => x.type === 'Ready')
          if (i < 0 || conds[i].status === 'False') return false
          conds[i] = { ...conds[i], status: 'False', lastTransitionTime: now }
        })
        if (r.ok) recordEvent(c, { component: 'node-controller' }, p, 'Warning', 'NodeNotReady', 'Node is not ready')
      }
    }
    const cur = api.get('nodes', undefined, name)!
    const want = desiredTaints(cur).map((t: Json) => (t.effect === 'NoExecute' && t.timeAdded === null ? { ...t, timeAdded: rfc3339(c.now) } : t))
    if (JSON.stringify(want) !== JSON.stringify(cur.spec?.taints ?? [])) {
      api.mutate('nodes', undefined, name, (n) => {
        if (want.length) n.spec = { ...n.spec, taints: want }
        else if (n.spec) delete n.spec.taints
      })
    }
    evictionPass(c, api.get('nodes', undefined, name)!)
  }
}

/** Taint eviction: pods on a node with NoExecute taints they do not tolerate (long enough). */
function evictionPass(c: Cluster, node: KObject): void {
  const st = nlc(c)
  const noExec: Json[] = (node.spec?.taints ?? []).filter((t: Json) => t.effect === 'NoExecute')
  // Untainted nodes need no pass (planned evictions re-check the taint when they fire).
  if (!noExec.length) return
  for (const p of c.api.list('pods', { filter: (p) => p.spec?.nodeName === node.metadata.name })) {
    const uid = p.metadata.uid
    if (!noExec.length || p.metadata.deletionTimestamp) {
      delete st.evictAt[uid]
      continue
    }
    let at: number | null = null
    for (const t of noExec) {
      const secs = tolerationSeconds(p, t)
      if (secs === null) continue
      const added = t.timeAdded ? ts(t.timeAdded) : c.now
      const when = secs === undefined ? c.now : added + secs * 1000
      at = at === null ? when : Math.min(at, when)
    }
    if (at === null) {
      delete st.evictAt[uid]
      continue
    }
    if (at <= c.now) {
      delete st.evictAt[uid]
      evict(c, p)
    } else if (st.evictAt[uid] !== at) {
      st.evictAt[uid] = at
      c.scheduleAt(at, { type: 'nlc.evict', namespace: p.metadata.namespace, name: p.metadata.name, uid })
    }
  }
}

function evict(c: Cluster, p: KObject): void {
  const api = c.client('taint-eviction-controller')
  recordEvent(c, { component: 'taint-eviction-controller' }, p, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${p.metadata.namespace}/${p.metadata.name}`)
  api.delete('pods', p.metadata.namespace, p.metadata.name, { uid: p.metadata.uid })
}

onEvent('nlc.monitor', (c) => {
  monitor(c)
  c.schedule(MONITOR_PERIOD_MS, { type: 'nlc.monitor' })
})

onEvent('nlc.evict', (c, ev) => {
  const st = nlc(c)
  const uid = ev.uid as string
  if (st.evictAt[uid] === undefined || st.evictAt[uid] > c.now) return
  delete st.evictAt[uid]
  const p = c.api.get('pods', ev.namespace as string, ev.name as string)
  if (!p || p.metadata.uid !== uid || p.metadata.deletionTimestamp) return
  const node = c.api.get('nodes', undefined, p.spec?.nodeName ?? '')
  if (!node) return
  // Re-check: the taint may be gone or the toleration changed.
  evictionPass(c, node)
})

onBootstrap(11, 'node-lifecycle-controller', (c) => c.schedule(MONITOR_PERIOD_MS, { type: 'nlc.monitor' }))
