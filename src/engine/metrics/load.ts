// The load ledger: what the network charges to the pods that serve traffic. Two kinds of load:
// discrete requests (one `wget`, one probe) and flows (a rate in requests/s that a traffic source
// keeps up until it changes it). The usage model (usage.ts) turns these into CPU and memory.
// The contract: the network calls chargeRequests / setFlow / clearFlow; metrics reads flowRate,
// servedTotal and flowServedTotal. State lives in the cluster state (slot 'load'), plain JSON.
import type { Cluster } from '../cluster'

/**
 * One receiving container's load: its discrete requests and its share of the flows, integrated
 * lazily (flow requests up to `at`). The usage model reads this record alone.
 */
export interface FlowTarget {
  /** Discrete requests served (the same count as `served`, kept here for one lookup). */
  discrete: number
  /** rps contributed by each flow id. */
  by: Record<string, number>
  /** Sum of `by`, the current rate. */
  rps: number
  /** Flow requests received up to `at` (sim ms). */
  served: number
  at: number
}

export interface LoadLedger {
  /** Per pod key (`ns/name`): cumulative discrete requests served, by container name. */
  served: Record<string, Record<string, number>>
  /** Active flows by id: the rate each receiving pod/container gets (requests/s). */
  flows: Record<string, { pod: string; container: string; rps: number }[]>
  /** Per pod key and container: the flows it receives, and the flow requests it has served. */
  targets: Record<string, Record<string, FlowTarget>>
  /** Bumped whenever a target record is created or dropped: readers may keep references until then. */
  shape?: number
}

export function ledger(c: Cluster): LoadLedger {
  const l = c.slot<LoadLedger>('load', () => ({ served: {}, flows: {}, targets: {} }))
  l.targets ??= {}
  return l
}

/** The ledger without creating it: readers must not write the state. */
function peek(c: Cluster): Partial<LoadLedger> {
  return (c.state.components.load as LoadLedger | undefined) ?? {}
}

/** A pod's container served `n` discrete requests now (wget/curl/probe through the network). */
export function chargeRequests(c: Cluster, podKey: string, container: string, n = 1): void {
  const l = ledger(c)
  const byContainer = (l.served[podKey] ??= {})
  byContainer[container] = (byContainer[container] ?? 0) + n
  target(c, l, podKey, container).discrete += n
}

function target(c: Cluster, l: LoadLedger, pod: string, container: string): FlowTarget {
  const byContainer = (l.targets[pod] ??= {})
  let t = byContainer[container]
  if (!t) {
    t = byContainer[container] = { discrete: 0, by: {}, rps: 0, served: 0, at: c.now }
    l.shape = (l.shape ?? 0) + 1
  }
  return t
}

/** Brings a target's integral up to now (before its rate changes). */
function settle(t: FlowTarget, now: number): void {
  if (now > t.at) t.served += (t.rps * (now - t.at)) / 1000
  t.at = now
}

/** Adds (rps > 0) or removes (rps 0) one flow's contribution to a target. */
function contribute(c: Cluster, l: LoadLedger, flowId: string, pod: string, container: string, rps: number): void {
  const t = target(c, l, pod, container)
  settle(t, c.now)
  if (rps > 0) t.by[flowId] = (t.by[flowId] ?? 0) + rps
  else delete t.by[flowId]
  // Re-summed rather than adjusted, so repeated changes leave no floating-point residue.
  let sum = 0
  for (const v of Object.values(t.by)) sum += v
  t.rps = sum
}

function withdraw(c: Cluster, l: LoadLedger, flowId: string): void {
  for (const t of l.flows[flowId] ?? []) contribute(c, l, flowId, t.pod, t.container, 0)
}

/** Starts or replaces a flow: from now on each target receives `rps` requests per second. */
export function setFlow(c: Cluster, flowId: string, targets: { pod: string; container: string; rps: number }[]): void {
  const l = ledger(c)
  const live = targets.filter((t) => t.rps > 0)
  // Traffic re-splits every second: the same split again changes nothing.
  const cur = l.flows[flowId]
  if (cur && cur.length === live.length && cur.every((t, i) => t.pod === live[i].pod && t.container === live[i].container && t.rps === live[i].rps)) return
  withdraw(c, l, flowId)
  if (live.length) {
    l.flows[flowId] = live.map((t) => ({ ...t }))
    for (const t of live) contribute(c, l, flowId, t.pod, t.container, t.rps)
  } else delete l.flows[flowId]
}

export function clearFlow(c: Cluster, flowId: string): void {
  const l = ledger(c)
  withdraw(c, l, flowId)
  delete l.flows[flowId]
}

/** Current flow rate (requests/s) into a pod's container, summed over flows. */
export function flowRate(c: Cluster, podKey: string, container: string): number {
  return peek(c).targets?.[podKey]?.[container]?.rps ?? 0
}

/** Cumulative discrete requests a pod's container has served. */
export function servedTotal(c: Cluster, podKey: string, container: string): number {
  return peek(c).served?.[podKey]?.[container] ?? 0
}

/** Cumulative flow requests a pod's container has received up to now (a fraction, as rates integrate). */
export function flowServedTotal(c: Cluster, podKey: string, container: string): number {
  const t = peek(c).targets?.[podKey]?.[container]
  if (!t) return 0
  return t.served + (c.now > t.at ? (t.rps * (c.now - t.at)) / 1000 : 0)
}

/**
 * Every request a pod's container has served up to now, discrete and flow (a fraction, as rates
 * integrate), from a ledger read once: the usage model's hot path over every container.
 */
export function requestsServed(l: Partial<LoadLedger>, podKey: string, container: string, now: number): number {
  return targetServed(targetOf(l, podKey, container), now)
}

/** A container's load record, if any (valid until the ledger's `shape` changes). */
export function targetOf(l: Partial<LoadLedger>, podKey: string, container: string): FlowTarget | undefined {
  return l.targets?.[podKey]?.[container]
}

/** Every request a load record counts up to now (see requestsServed). */
export function targetServed(t: FlowTarget | undefined, now: number): number {
  if (!t) return 0
  return (t.discrete ?? 0) + t.served + (now > t.at ? (t.rps * (now - t.at)) / 1000 : 0)
}

/** The ledger for readers (nothing is created). */
export function peekLedger(c: Cluster): Partial<LoadLedger> {
  return peek(c)
}

/** Forget a deleted pod. */
export function forgetPod(c: Cluster, podKey: string): void {
  if (!c.state.components.load) return
  const l = ledger(c)
  delete l.served[podKey]
  if (l.targets[podKey]) l.shape = (l.shape ?? 0) + 1
  delete l.targets[podKey]
  for (const [id, targets] of Object.entries(l.flows)) {
    const left = targets.filter((t) => t.pod !== podKey)
    if (left.length === targets.length) continue
    if (left.length) l.flows[id] = left
    else delete l.flows[id]
  }
}
