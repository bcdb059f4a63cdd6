// The Metrics API (metrics.k8s.io/v1beta1) as metrics-server serves it through the aggregator:
// PodMetrics and NodeMetrics built from the last two scraped points. Readers get API-shaped
// objects (kubectl top, the UI) or the same content decoded as numbers (the HPA controller's typed
// client: usage in nanocores and bytes, timestamps at the API's one-second resolution), or the
// API's error Status; nothing here writes the cluster state. Sources: kubernetes-sigs/metrics-server
// pkg/storage/{pod,node,types}.go (GetMetrics, resourceUsage), pkg/api/{pod,node}.go (List/Get).
import type { Cluster } from '../cluster'
import { fail, ok, type KObject, type Result } from '../api/types'
import { matches, type Selector } from '../api/selectors'
import { listPods } from './pod-index'
import { rfc3339 } from '../sim/time'
import { METRICS_SERVER, metricsApiAvailable, peekMetricsServer, type MetricsPoint, type MetricsServerState, type Pairs } from './metrics-server'
import type { NodeSample } from './kubelet-stats'
import { bytesQuantity, goDurationString, nanoCpuQuantity } from './quantity'

const GROUP_VERSION = 'metrics.k8s.io/v1beta1'

/** A usage as the API carries it: CPU in nanocores, memory in bytes. */
export interface Usage { cpu: number; memory: number }

export interface ContainerUsage { name: string; usage: Usage }

/** A PodMetrics item, decoded. */
export interface PodMetricsValues {
  name: string
  namespace: string
  /** Sim ms, truncated to the second as metav1.Time serialises. */
  timestamp: number
  /** ms */
  window: number
  containers: ContainerUsage[]
}

function unavailable(resource: 'pods' | 'nodes'): Result<never> {
  return fail({ code: 503, reason: 'ServiceUnavailable', message: `the server is currently unable to handle the request (get ${resource}.metrics.k8s.io)` })
}

/** metav1.Time has one-second resolution on the wire (the sim's epoch is a whole second). */
const wireTime = (ms: number) => Math.floor(ms / 1000) * 1000

/** resourceUsage: the CPU rate over the window between two points, the memory of the last. */
export function resourceUsage(last: MetricsPoint, prev: MetricsPoint): { usage: Usage; ts: number; window: number } | undefined {
  if (last.start < prev.start) return undefined // "unexpected decrease in startTime of node/container"
  if (last.cpu < prev.cpu) return undefined // "unexpected decrease in cumulative CPU usage value"
  const window = last.at - prev.at
  if (window <= 0) return undefined
  return { usage: { cpu: Math.trunc((last.cpu - prev.cpu) / (window / 1000)), memory: last.mem }, ts: last.at, window }
}

interface PodUsage { containers: ContainerUsage[]; ts: number; window: number }

/**
 * Where each pod's containers are in the last samples, by pod uid (built once per scrape): the
 * first entry's position, with `next` chaining a pod's other containers (-1 ends). Each entry
 * holds its node's sample and pairs (`idx` into them).
 */
interface PodIndex { first: Map<string, number>; sample: NodeSample[]; pairs: Pairs[]; idx: number[]; next: number[] }

const podIndexes = new WeakMap<object, PodIndex>()

function podIndex(nodes: MetricsServerState['nodes']): PodIndex {
  let ix = podIndexes.get(nodes)
  if (!ix) {
    ix = { first: new Map(), sample: [], pairs: [], idx: [], next: [] }
    const tail = new Map<string, number>()
    for (const node in nodes.last) {
      const s = nodes.last[node]
      for (let i = 0; i < s.uids.length; i++) {
        const e = ix.idx.length
        ix.sample.push(s)
        ix.pairs.push(nodes.pairs[node])
        ix.idx.push(i)
        ix.next.push(-1)
        const t = tail.get(s.uids[i])
        if (t === undefined) ix.first.set(s.uids[i], e)
        else ix.next[t] = e
        tail.set(s.uids[i], e)
      }
    }
    podIndexes.set(nodes, ix)
  }
  return ix
}

/** podStorage.GetMetrics for one pod: undefined unless every container has two points. */
function podUsage(st: MetricsServerState, uid: string): PodUsage | undefined {
  const ix = podIndex(st.nodes)
  let e = ix.first.get(uid)
  if (e === undefined) return undefined
  const containers: ContainerUsage[] = []
  let ts = 0
  let window = 0
  for (; e >= 0; e = ix.next[e]) {
    const last = ix.sample[e]
    const pairs = ix.pairs[e]
    const i = ix.idx[e]
    const w = pairs.window[i]
    if (w === 0) return undefined
    if (w < 0) continue
    containers.push({ name: last.names[i], usage: { cpu: pairs.nanocores[i], memory: last.mems[i] } })
    if (containers.length === 1 || ts > last.at) [ts, window] = [last.at, w]
  }
  return { containers, ts, window }
}

/** Each pod's decoded metrics, computed once per scrape: storage generations are replaced, never changed. */
const valueCache = new WeakMap<object, WeakMap<KObject, PodMetricsValues | null>>()

function podValues(st: MetricsServerState | undefined, pod: KObject): PodMetricsValues | undefined {
  if (!st) return undefined
  let m = valueCache.get(st.nodes)
  if (!m) valueCache.set(st.nodes, (m = new WeakMap()))
  const hit = m.get(pod)
  if (hit !== undefined) return hit ?? undefined
  const u = podUsage(st, pod.metadata.uid)
  const v = u ? { name: pod.metadata.name, namespace: pod.metadata.namespace as string, timestamp: wireTime(u.ts), window: u.window, containers: u.containers } : undefined
  m.set(pod, v ?? null)
  return v
}

const wireUsage = (u: Usage) => ({ cpu: nanoCpuQuantity(u.cpu), memory: bytesQuantity(u.memory) })

function podMetricsObject(c: Cluster, v: PodMetricsValues, labels: Record<string, string> | undefined): KObject {
  return {
    kind: 'PodMetrics',
    apiVersion: GROUP_VERSION,
    metadata: { name: v.name, namespace: v.namespace, creationTimestamp: rfc3339(c.now), ...(labels ? { labels: { ...labels } } : {}) } as KObject['metadata'],
    timestamp: rfc3339(v.timestamp),
    window: goDurationString(v.window),
    containers: v.containers.map((ct) => ({ name: ct.name, usage: wireUsage(ct.usage) })),
  }
}

function listPodValues(c: Cluster, namespace: string | undefined, selector: Selector, actor: string): Result<{ pod: KObject; v: PodMetricsValues }[]> {
  c.recordActivity({ kind: 'request', from: actor, to: 'kube-apiserver', verb: 'list', plural: 'pods.metrics.k8s.io', key: namespace ?? '' })
  if (!metricsApiAvailable(c)) return unavailable('pods')
  const s = peekMetricsServer(c)
  const out: { pod: KObject; v: PodMetricsValues }[] = []
  for (const pod of listPods(c, namespace, selector)) {
    const v = podValues(s, pod)
    if (v) out.push({ pod, v })
  }
  return ok(out)
}

/** GET /apis/metrics.k8s.io/v1beta1/[namespaces/<ns>/]pods?labelSelector=… */
export function listPodMetrics(c: Cluster, namespace: string | undefined, selector: Selector = [], actor = 'kubectl'): Result<KObject[]> {
  const r = listPodValues(c, namespace, selector, actor)
  return r.ok ? ok(r.value.map(({ pod, v }) => podMetricsObject(c, v, pod.metadata.labels))) : r
}

/** The Metrics API's answer for a pod list as columns aligned with it (null: no metrics for the pod). */
export interface PodMetricsColumns {
  pods: readonly KObject[]
  /** Σ over containers of each container's CPU MilliValue (rounded up), and of memory × 1000. */
  cpuMilli: readonly (number | null)[]
  memMilli: readonly (number | null)[]
  /** Sim ms at the API's one-second resolution, and the window (ms). */
  timestamp: readonly number[]
  window: readonly number[]
  /** How many items the API list had (a pod whose containers all failed is an item with none). */
  items: number
}

const columnCache = new WeakMap<object, WeakMap<readonly KObject[], PodMetricsColumns>>()
/** A pod list's uids (lists outlive many scrapes: the pod objects are not walked again). */
const uidsOf = new WeakMap<readonly KObject[], string[]>()

function listUids(pods: readonly KObject[]): string[] {
  let uids = uidsOf.get(pods)
  if (!uids) uidsOf.set(pods, (uids = pods.map((p) => p.metadata.uid as string)))
  return uids
}

function columns(st: MetricsServerState, pods: readonly KObject[]): PodMetricsColumns {
  let byList = columnCache.get(st.nodes)
  if (!byList) columnCache.set(st.nodes, (byList = new WeakMap()))
  let out = byList.get(pods)
  if (out) return out
  const ix = podIndex(st.nodes)
  const uids = listUids(pods)
  const n = pods.length
  const cpuMilli: (number | null)[] = new Array(n).fill(null)
  const memMilli: (number | null)[] = new Array(n).fill(null)
  const timestamp: number[] = new Array(n).fill(0)
  const window: number[] = new Array(n).fill(0)
  let items = 0
  for (let p = 0; p < n; p++) {
    let e = ix.first.get(uids[p])
    if (e === undefined) continue
    let cpu = 0
    let mem = 0
    let counted = 0
    let ts = 0
    let w = 0
    let complete = true
    for (; e >= 0; e = ix.next[e]) {
      const last = ix.sample[e]
      const pairs = ix.pairs[e]
      const i = ix.idx[e]
      const win = pairs.window[i]
      if (win === 0) { complete = false; break }
      if (win < 0) continue
      cpu += Math.ceil(pairs.nanocores[i] / 1e6)
      mem += last.mems[i] * 1000
      if (counted++ === 0 || ts > last.at) [ts, w] = [last.at, win]
    }
    if (!complete) continue
    items++
    if (!counted) continue
    cpuMilli[p] = cpu
    memMilli[p] = mem
    timestamp[p] = wireTime(ts)
    window[p] = w
  }
  out = { pods, cpuMilli, memMilli, timestamp, window, items }
  byList.set(pods, out)
  return out
}

/**
 * PodMetrics of the pods a selector picks, decoded into columns aligned with that pod list (a
 * typed client's view, what the HPA controller reads). Shared until the next scrape or pod
 * write: never mutate it. An empty list means the API returned no items.
 */
export function podMetricsColumns(c: Cluster, namespace: string | undefined, selector: Selector = [], actor = 'kubectl'): Result<PodMetricsColumns> {
  c.recordActivity({ kind: 'request', from: actor, to: 'kube-apiserver', verb: 'list', plural: 'pods.metrics.k8s.io', key: namespace ?? '' })
  if (!metricsApiAvailable(c)) return unavailable('pods')
  const pods = listPods(c, namespace, selector)
  const st = peekMetricsServer(c)
  if (!st) return ok({ pods, cpuMilli: pods.map(() => null), memMilli: pods.map(() => null), timestamp: pods.map(() => 0), window: pods.map(() => 0), items: 0 })
  return ok(columns(st, pods))
}

/** Decoded lists per storage generation and pod list (both are replaced, never changed). */
const listCache = new WeakMap<object, WeakMap<readonly KObject[], readonly PodMetricsValues[]>>()

/**
 * The same list, decoded (a typed client's view): what the HPA controller reads. The result is
 * shared between callers until the next scrape or pod write: never mutate it.
 */
export function listPodMetricsValues(c: Cluster, namespace: string | undefined, selector: Selector = [], actor = 'kubectl'): Result<readonly PodMetricsValues[]> {
  c.recordActivity({ kind: 'request', from: actor, to: 'kube-apiserver', verb: 'list', plural: 'pods.metrics.k8s.io', key: namespace ?? '' })
  if (!metricsApiAvailable(c)) return unavailable('pods')
  const st = peekMetricsServer(c)
  if (!st) return ok([])
  const gen = st.nodes
  const pods = listPods(c, namespace, selector)
  let byList = listCache.get(gen)
  if (!byList) listCache.set(gen, (byList = new WeakMap()))
  let out = byList.get(pods)
  if (!out) {
    const list: PodMetricsValues[] = []
    for (const pod of pods) {
      const v = podValues(st, pod)
      if (v) list.push(v)
    }
    byList.set(pods, (out = list))
  }
  return ok(out)
}

/** GET …/namespaces/<ns>/pods/<name>. */
export function getPodMetrics(c: Cluster, namespace: string, name: string, actor = 'kubectl'): Result<KObject> {
  c.recordActivity({ kind: 'request', from: actor, to: 'kube-apiserver', verb: 'get', plural: 'pods.metrics.k8s.io', key: `${namespace}/${name}` })
  if (!metricsApiAvailable(c)) return unavailable('pods')
  const s = peekMetricsServer(c)
  const pod = c.client(METRICS_SERVER).get('pods', namespace, name)
  const key = `${namespace}/${name}`
  const v = pod ? podValues(s, pod) : undefined
  if (!pod || !v) return fail({ code: 404, reason: 'NotFound', message: `podmetrics.metrics.k8s.io "${key}" not found`, details: { name: key, group: 'metrics.k8s.io', kind: 'podmetrics' } })
  return ok(podMetricsObject(c, v, pod.metadata.labels))
}

const nodePoint = (s: NodeSample): MetricsPoint => ({ start: s.boot, at: s.at, cpu: s.cpu, mem: s.mem })

function nodeMetricsObject(c: Cluster, node: KObject, last: NodeSample, prev: NodeSample): KObject | undefined {
  const u = resourceUsage(nodePoint(last), nodePoint(prev))
  if (!u) return undefined
  const labels = node.metadata.labels
  return {
    kind: 'NodeMetrics',
    apiVersion: GROUP_VERSION,
    metadata: { name: node.metadata.name, creationTimestamp: rfc3339(c.now), ...(labels ? { labels: { ...labels } } : {}) } as KObject['metadata'],
    timestamp: rfc3339(u.ts),
    window: goDurationString(u.window),
    usage: wireUsage(u.usage),
  }
}

/** GET /apis/metrics.k8s.io/v1beta1/nodes?labelSelector=… */
export function listNodeMetrics(c: Cluster, selector: Selector = [], actor = 'kubectl'): Result<KObject[]> {
  c.recordActivity({ kind: 'request', from: actor, to: 'kube-apiserver', verb: 'list', plural: 'nodes.metrics.k8s.io', key: '' })
  if (!metricsApiAvailable(c)) return unavailable('nodes')
  const s = peekMetricsServer(c)
  const out: KObject[] = []
  for (const node of c.client(METRICS_SERVER).list('nodes', { filter: (n) => !selector.length || matches(selector, n.metadata.labels) })) {
    const last = s?.nodes.last[node.metadata.name]
    const prev = s?.nodes.prev[node.metadata.name]
    const m = last && prev ? nodeMetricsObject(c, node, last, prev) : undefined
    if (m) out.push(m)
  }
  return ok(out)
}

/** GET …/nodes/<name>. */
export function getNodeMetrics(c: Cluster, name: string, actor = 'kubectl'): Result<KObject> {
  c.recordActivity({ kind: 'request', from: actor, to: 'kube-apiserver', verb: 'get', plural: 'nodes.metrics.k8s.io', key: name })
  if (!metricsApiAvailable(c)) return unavailable('nodes')
  const s = peekMetricsServer(c)
  const node = c.client(METRICS_SERVER).get('nodes', undefined, name)
  const last = s?.nodes.last[name]
  const prev = s?.nodes.prev[name]
  const m = node && last && prev ? nodeMetricsObject(c, node, last, prev) : undefined
  if (!m) return fail({ code: 404, reason: 'NotFound', message: `nodemetrics.metrics.k8s.io "${name}" not found`, details: { name, group: 'metrics.k8s.io', kind: 'nodemetrics' } })
  return ok(m)
}
