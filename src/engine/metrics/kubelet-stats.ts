// The kubelet's resource stats (cAdvisor inside the kubelet): when its /metrics/resource endpoint
// is scraped, it samples the cgroups of the running containers (here: integrates the usage model
// up to now) and answers with cumulative CPU, working set and start times, plus the node's root
// cgroup. cAdvisor's own housekeeping caches samples up to 10 s old; sampling at the scrape keeps
// the windows even (pkg/kubelet/metrics/collectors/resource_metrics.go). A sample is a set of
// columns, one entry per container, never changed once taken: metrics-server keeps the last two.
// A periodic sweep forgets the load records of pods that are gone.
import type { Cluster } from '../cluster'
import { onBootstrap, onEvent } from '../registry'
import { bytes, milliCpu } from '../api/quantity'
import { lookupImage, type ImageInfo } from '../node/images/catalog'
import { peekKubelet, specOf } from '../node/kubelet/worker'
import { processActivity } from '../node/process'
import { forgetPod, peekLedger, targetOf, targetServed, type FlowTarget, type LoadLedger } from './load'
import { integrate, milliMsToNano, zeroCounters, type Counters, type UsageInput } from './usage'

/** How often load records of deleted pods are swept. */
export const FORGET_MS = 60_000
/** The node's own processes (kubelet, containerd, systemd, the kernel): idle kubeadm workers. */
export const SYSTEM_CPU_MILLI = 20
export const SYSTEM_MEMORY_BYTES = 420 * 1024 * 1024

/** One node's sample: the root cgroup, then one column entry per running container. */
export interface NodeSample {
  /** Sim ms of the sample. */
  at: number
  /** The node's boot (sim ms): its cumulative CPU counts from there. */
  boot: number
  /** Cumulative node CPU (nanocore-seconds) and working set (bytes). */
  cpu: number
  mem: number
  /** Pod key (`ns/name`), pod uid, container name and runtime ID of each container. */
  pods: string[]
  uids: string[]
  names: string[]
  ids: string[]
  /** Container start (sim ms): its counters count from there. */
  start: number[]
  /** Counters (see usage.ts Counters). */
  cpus: number[]
  throttled: number[]
  mems: number[]
  busy: number[]
  rates: number[]
  demands: number[]
  /** Requests (discrete + flow) of the pod's container already turned into CPU. */
  seen: number[]
}

export interface UsageState {
  nodes: Record<string, NodeSample>
  /** Requests already charged for containers no longer in any sample, by pod key and container. */
  seen: Record<string, Record<string, number>>
}

export function usageState(c: Cluster): UsageState {
  return c.slot<UsageState>('usage', () => ({ nodes: {}, seen: {} }))
}

/** The state without creating it (for readers). */
export function peekUsage(c: Cluster): UsageState | undefined {
  return c.state.components.usage as UsageState | undefined
}

/** What a container's usage depends on that cannot change while it runs: its image and limits. */
interface Static { info: ImageInfo; limitMilli?: number; limitBytes?: number }

/**
 * Per cluster handle, by runtime container ID (a restart with another image or spec is another
 * ID; clusters of the same seed draw the same IDs, hence per handle). Derived data, not state.
 */
const staticsByCluster = new WeakMap<Cluster, Map<string, Static>>()

function staticOf(c: Cluster, containerID: string, ns: string, podName: string, podUid: string, name: string): Static | undefined {
  let statics = staticsByCluster.get(c)
  if (!statics) staticsByCluster.set(c, (statics = new Map()))
  const hit = statics.get(containerID)
  if (hit !== undefined) return hit
  const pod = c.api.get('pods', ns, podName)
  const spec = pod && pod.metadata.uid === podUid ? specOf(pod, name)?.spec : undefined
  const look = spec ? lookupImage(spec.image ?? '') : undefined
  if (!spec || !look?.ok) return undefined // not cached: the pod may show up in the store later
  const l = spec.resources?.limits
  const st: Static = { info: look.info, limitMilli: l?.cpu !== undefined ? milliCpu(l.cpu) : undefined, limitBytes: l?.memory !== undefined ? bytes(l.memory) : undefined }
  if (statics.size > 100_000) statics.clear()
  statics.set(containerID, st)
  return st
}

function emptySample(at: number, boot: number, cpu: number, mem: number): NodeSample {
  return { at, boot, cpu, mem, pods: [], uids: [], names: [], ids: [], start: [], cpus: [], throttled: [], mems: [], busy: [], rates: [], demands: [], seen: [] }
}

/** Index of (pod, container) in a sample, for entries that are not where the cursor expects them. */
const positions = new WeakMap<NodeSample, Map<string, number>>()

export function positionOf(s: NodeSample, pod: string, name: string): number {
  let m = positions.get(s)
  if (!m) {
    m = new Map()
    for (let i = 0; i < s.pods.length; i++) m.set(`${s.pods[i]}\u0000${s.names[i]}`, i)
    positions.set(s, m)
  }
  return m.get(`${pod}\u0000${name}`) ?? -1
}

/**
 * What a sample's containers resolved to, for the next scrape (derived, not state): their statics
 * (valid while the runtime ID is the same) and load records (valid while the ledger's shape is).
 */
interface Resolved { ledger: Partial<LoadLedger>; shape: number | undefined; statics: Static[]; targets: (FlowTarget | undefined)[] }
const resolvedBySample = new WeakMap<NodeSample, Resolved>()

// Scratch records reused for every container (the loop allocates nothing per container).
const prevC: Counters = zeroCounters()
const nextC: Counters = zeroCounters()
const input: UsageInput = { info: { idleCpuMilli: 0, cpuPerRequestMilli: 0, idleMemoryBytes: 0 }, serving: false, requests: 0, processCpuMs: 0 }

/** Samples one node: integrates every running container up to now. */
export function sampleNode(c: Cluster, node: string, boot = 0): NodeSample | undefined {
  const kubelet = peekKubelet(c, node)
  if (!kubelet) return undefined
  const st = usageState(c)
  const now = c.now
  const old = st.nodes[node] ?? emptySample(now, boot, milliMsToNano(SYSTEM_CPU_MILLI, now - boot), SYSTEM_MEMORY_BYTES)
  const s = emptySample(now, boot, 0, SYSTEM_MEMORY_BYTES)
  const carried = new Uint8Array(old.pods.length)
  const ledger = peekLedger(c)
  const prior = resolvedBySample.get(old)
  const reuseTargets = prior !== undefined && prior.ledger === ledger && prior.shape === ledger.shape
  const resolved: Resolved = { ledger, shape: ledger.shape, statics: [], targets: [] }
  let used = 0
  let cursor = 0
  for (const uid in kubelet.pods) {
    const w = kubelet.pods[uid]
    let key: string | undefined
    for (const name in w.containers) {
      const r = w.containers[name]
      if (r.stage !== 'running' || !r.running || !r.proc) continue
      const id = r.running.containerID
      // The same container in the previous sample: usually where the cursor is.
      let j = cursor < old.pods.length && old.uids[cursor] === uid && old.names[cursor] === name ? cursor : -1
      key ??= j >= 0 ? old.pods[j] : `${w.namespace}/${w.name}`
      if (j < 0) j = positionOf(old, key, name)
      if (j >= 0 && old.uids[j] !== uid) j = -1
      const same = j >= 0 && old.ids[j] === id
      const fixed = same && prior ? prior.statics[j] : staticOf(c, id, w.namespace, w.name, uid, name)
      if (!fixed) continue
      if (j >= 0) {
        carried[j] = 1
        cursor = j + 1
      }
      if (same) {
        prevC.cpu = old.cpus[j]
        prevC.throttled = old.throttled[j]
        prevC.mem = old.mems[j]
        prevC.busyMs = old.busy[j]
        prevC.rate = old.rates[j]
        prevC.demand = old.demands[j]
      } else Object.assign(prevC, zeroCounters())
      const from = same ? old.at : r.running.startedMs
      const seen = j >= 0 ? old.seen[j] : (st.seen[key]?.[name] ?? 0)
      const load = j >= 0 && reuseTargets ? prior.targets[j] : targetOf(ledger, key, name)
      const served = targetServed(load, now)
      const act = processActivity(r.proc, now)
      input.info = fixed.info
      input.serving = act.serving
      input.requests = served > seen ? served - seen : 0
      input.processCpuMs = act.cpuMs
      input.limitMilli = fixed.limitMilli
      input.limitBytes = fixed.limitBytes
      integrate(prevC, now - from, input, nextC)
      used += nextC.cpu - prevC.cpu
      s.pods.push(key)
      s.uids.push(uid)
      s.names.push(name)
      s.ids.push(id)
      s.start.push(r.running.startedMs)
      s.cpus.push(nextC.cpu)
      s.throttled.push(nextC.throttled)
      s.mems.push(nextC.mem)
      s.busy.push(nextC.busyMs)
      s.rates.push(nextC.rate)
      s.demands.push(nextC.demand)
      s.seen.push(served)
      s.mem += nextC.mem
      resolved.statics.push(fixed)
      resolved.targets.push(load)
    }
  }
  // Containers that ended: what they had been charged is kept for a container of the same pod key.
  for (let j = 0; j < old.pods.length; j++) if (!carried[j]) (st.seen[old.pods[j]] ??= {})[old.names[j]] = old.seen[j]
  s.cpu = old.cpu + used + milliMsToNano(SYSTEM_CPU_MILLI, Math.max(0, now - old.at))
  st.nodes[node] = s
  resolvedBySample.set(s, resolved)
  return s
}

/** Pods gone from the API: their load records and counters go too. */
function forgetGonePods(c: Cluster): void {
  const st = usageState(c)
  for (const podKey of Object.keys(st.seen)) {
    const slash = podKey.indexOf('/')
    if (c.api.get('pods', podKey.slice(0, slash), podKey.slice(slash + 1))) continue
    delete st.seen[podKey]
    forgetPod(c, podKey)
  }
}

onEvent('metrics.forget', (c) => {
  forgetGonePods(c)
  c.schedule(FORGET_MS, { type: 'metrics.forget' })
})

onBootstrap(12, 'metrics-forget', (c) => c.schedule(FORGET_MS, { type: 'metrics.forget' }))
