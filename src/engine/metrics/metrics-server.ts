// metrics-server: while its pod runs, it scrapes every kubelet's resource metrics each
// --metric-resolution (15 s in the official manifest) and keeps the last two points per container
// and node in memory; the Metrics API (metrics-api.ts) serves rates between them. A new
// metrics-server process starts with empty storage. Sources: kubernetes-sigs/metrics-server
// pkg/server/server.go (RunUntil: scrape at start, then every resolution), pkg/storage/pod.go and
// node.go (Store), pkg/storage/types.go (resourceUsage), cmd/metrics-server/app/options (default 60s).
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'
import { onBootstrap, onEvent } from '../registry'
import { podCondition } from '../controlplane/util/pods'
import { simTimeOf } from '../sim/time'
import { positionOf, sampleNode, type NodeSample } from './kubelet-stats'
import { listPods } from './pod-index'

export const METRICS_SERVER = 'metrics-server'
export const METRICS_NAMESPACE = 'kube-system'
const LABEL = 'k8s-app'
/** Binary default of --metric-resolution. */
const DEFAULT_RESOLUTION_MS = 60_000
/** How often the simulation looks for a metrics-server process while none runs. */
const POLL_MS = 15_000

/** One point of a node or container (storage MetricsPoint), as the Metrics API compares two. */
export interface MetricsPoint {
  /** Container or node start (sim ms): cumulative CPU was zero then. */
  start: number
  /** When it was measured (sim ms). */
  at: number
  /** Cumulative CPU, nanocore-seconds. */
  cpu: number
  /** Working set bytes. */
  mem: number
}

export interface MetricsServerState {
  /** The serving process: `podUid/restartCount`; storage belongs to it. */
  process?: string
  /** Resolution of the running process (ms). */
  resolutionMs: number
  /** The last two samples of each node's kubelet (containers included), and how the last pairs up. */
  nodes: { last: Record<string, NodeSample>; prev: Record<string, NodeSample>; pairs: Record<string, Pairs> }
}

/**
 * For each container of a node's last sample, the usage against the point it pairs with
 * (podStorage.Store's prev points, then resourceUsage): window > 0 with the CPU rate; 0 when it
 * has no previous point yet (its pod is left out); -1 when resourceUsage rejects the pair (the
 * container is skipped).
 */
export interface Pairs {
  window: number[]
  /** CPU over the window in nanocores, truncated as metrics-server's uint64 conversion. */
  nanocores: number[]
}

function emptyStorage(): Pick<MetricsServerState, 'nodes'> {
  return { nodes: { last: {}, prev: {}, pairs: {} } }
}

export function metricsServerState(c: Cluster): MetricsServerState {
  return c.slot<MetricsServerState>(METRICS_SERVER, () => ({ resolutionMs: DEFAULT_RESOLUTION_MS, ...emptyStorage() }))
}

export function peekMetricsServer(c: Cluster): MetricsServerState | undefined {
  return c.state.components[METRICS_SERVER] as MetricsServerState | undefined
}

/** The metrics-server pods of kube-system, in API order. */
function metricsServerPods(c: Cluster): KObject[] {
  return listPods(c, METRICS_NAMESPACE).filter((p) => p.metadata.labels?.[LABEL] === METRICS_SERVER)
}

function containerRunning(pod: KObject): boolean {
  return ((pod.status?.containerStatuses ?? []) as { name: string; state?: { running?: unknown } }[]).some((s) => s.name === METRICS_SERVER && !!s.state?.running)
}

/** The pod whose metrics-server process runs (the first, by name), if any. */
export function runningMetricsServer(c: Cluster): KObject | undefined {
  return metricsServerPods(c).find((p) => p.status?.phase === 'Running' && containerRunning(p))
}

/**
 * Whether the Metrics API answers: the APIService v1beta1.metrics.k8s.io is Available when the
 * metrics-server Service has a ready endpoint (kube-aggregator availability controller).
 */
export function metricsApiAvailable(c: Cluster): boolean {
  return metricsServerPods(c).some((p) => p.status?.phase === 'Running' && containerRunning(p) && !p.metadata.deletionTimestamp && podCondition(p, 'Ready')?.status === 'True')
}

/** --metric-resolution from the container's args ("15s", "1m"), else the binary default. */
function resolutionOf(pod: KObject): number {
  const ct = ((pod.spec?.containers ?? []) as { name: string; args?: string[]; command?: string[] }[]).find((x) => x.name === METRICS_SERVER)
  for (const a of [...(ct?.command ?? []), ...(ct?.args ?? [])]) {
    const m = /^--metric-resolution=(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(a)
    if (m) return Math.max(10_000, Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'])
  }
  return DEFAULT_RESOLUTION_MS
}

function processId(pod: KObject): string {
  const st = ((pod.status?.containerStatuses ?? []) as { name: string; restartCount?: number }[]).find((s) => s.name === METRICS_SERVER)
  return `${pod.metadata.uid}/${st?.restartCount ?? 0}`
}

/** pkg/storage/pod.go freshContainerMinMetricsResolution. */
const FRESH_CONTAINER_MIN_MS = 10_000

/**
 * podStorage.Store's choice of each container's previous point: a container started 10 s to one
 * resolution before its point pairs with a zero point at its start; otherwise with its point in
 * the previous sample, unless it restarted since. Then resourceUsage's checks and rate.
 */
export function pairSamples(last: NodeSample, prev: NodeSample | undefined, resolutionMs: number): Pairs {
  const n = last.pods.length
  const window: number[] = new Array(n).fill(0)
  const nanocores: number[] = new Array(n).fill(0)
  for (let i = 0; i < n; i++) {
    const start = last.start[i]
    const age = last.at - start
    let at: number
    let cpu: number
    let prevStart: number
    if (start < last.at && age < resolutionMs && age >= FRESH_CONTAINER_MIN_MS) [at, cpu, prevStart] = [start, 0, start]
    else {
      if (!prev) continue
      const j = i < prev.pods.length && prev.uids[i] === last.uids[i] && prev.names[i] === last.names[i] ? i : positionOf(prev, last.pods[i], last.names[i])
      if (j < 0 || !(start < prev.at)) continue
      ;[at, cpu, prevStart] = [prev.at, prev.cpus[j], prev.start[j]]
    }
    // resourceUsage: "unexpected decrease" of start time or cumulative CPU, or no time between.
    const win = last.at - at
    if (start < prevStart || last.cpus[i] < cpu || win <= 0) {
      window[i] = -1
      continue
    }
    window[i] = win
    nanocores[i] = Math.trunc((last.cpus[i] - cpu) / (win / 1000))
  }
  return { window, nanocores }
}

/**
 * nodeStorage.Store / podStorage.Store (pkg/storage/node.go, pod.go): a newer sample moves the
 * stored one to prev; each container's pairing is settled now, as upstream's Store does.
 */
export function storeSamples(s: MetricsServerState, batch: Record<string, NodeSample>): void {
  const last: Record<string, NodeSample> = {}
  const prev: Record<string, NodeSample> = {}
  const pairs: Record<string, Pairs> = {}
  for (const node in batch) {
    const p = batch[node]
    last[node] = p
    const old = s.nodes.last[node]
    if (old && p.at > old.at) prev[node] = old
    else if (old && s.nodes.prev[node] && s.nodes.prev[node].at < p.at) prev[node] = s.nodes.prev[node]
    pairs[node] = pairSamples(p, prev[node], s.resolutionMs)
  }
  s.nodes = { last, prev, pairs }
}

/** One scrape of every node's kubelet (pkg/scraper: GET https://<node>:10250/metrics/resource). */
function scrape(c: Cluster, s: MetricsServerState): void {
  const batch: Record<string, NodeSample> = {}
  for (const node of c.client(METRICS_SERVER).list('nodes')) {
    const name = node.metadata.name
    if (!c.state.machines[name]?.kubeletRunning) continue // the request times out: no points from it
    c.recordActivity({ kind: 'request', from: METRICS_SERVER, to: `kubelet/${name}`, verb: 'get', plural: 'metrics/resource', key: name })
    const boot = simTimeOf(node.metadata.creationTimestamp)
    const sample = sampleNode(c, name, Number.isNaN(boot) ? 0 : boot)
    if (sample) batch[name] = sample
  }
  storeSamples(s, batch)
}

onEvent('metrics-server.tick', (c) => {
  const s = metricsServerState(c)
  const pod = runningMetricsServer(c)
  if (!pod) {
    if (s.process !== undefined) Object.assign(s, emptyStorage(), { process: undefined })
    c.schedule(POLL_MS, { type: 'metrics-server.tick' })
    return
  }
  const id = processId(pod)
  if (s.process !== id) Object.assign(s, emptyStorage(), { process: id })
  s.resolutionMs = resolutionOf(pod)
  scrape(c, s)
  c.schedule(s.resolutionMs, { type: 'metrics-server.tick' })
})

onBootstrap(13, 'metrics-server-loop', (c) => c.schedule(POLL_MS, { type: 'metrics-server.tick' }))
