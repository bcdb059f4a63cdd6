// The replica calculator for resource metrics: which pods count, their requests, the integer
// utilisation, the tolerance, and how missing and unready pods dampen a change. Each result
// carries a trace of its arithmetic for the HPA panel. The metrics arrive as a column aligned
// with the pod list, so the sums are plain loops. Sources: k/k
// pkg/controller/podautoscaler/replica_calculator.go (GetResourceReplicas, GetRawResourceReplicas,
// calcPlainMetricReplicas, groupPods, calculatePodRequests, removeMetricsForPods) and
// metrics/utilization.go (GetResourceUtilizationRatio, GetMetricUsageRatio).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import type { Selector } from '../../api/selectors'
import { listFacts, listRequests } from './pod-facts'
import { CPU_INITIALIZATION_PERIOD_MS, INITIAL_READINESS_DELAY_MS, TOLERANCE } from './constants'
import { getResourceMetric, type MetricColumn } from './metrics-client'
import type { PodTable, ReplicaTrace } from './trace'

export type { PodGroup, PodTrace, PodTable, ReplicaTrace } from './trace'
export { podRows } from './trace'

export type Proposal =
  | { ok: true; replicas: number; utilization?: number; average: number; timestamp: number; trace: ReplicaTrace }
  | { ok: false; error: string; trace?: ReplicaTrace }

/** groupPods' verdicts as one letter per pod: r(eady), u(nready), m(issing), i(gnored). */
export interface Groups { readyPodCount: number; letters: string; unready: number; missing: number }

/** groupPods: ignored (deleted/failed), unready (pending, or CPU not yet trustworthy), missing (no metric), ready. */
export function groupPods(now: number, pods: readonly KObject[], metrics: MetricColumn, resource: string): Groups {
  const f = listFacts(pods)
  let letters = ''
  let ready = 0
  let unreadyN = 0
  let missing = 0
  for (let i = 0; i < pods.length; i++) {
    const phase = f.phase.charCodeAt(i)
    if (phase === 105) { letters += 'i'; continue } // 'i': deleted or Failed
    if (phase === 112) { letters += 'u'; unreadyN++; continue } // 'p': Pending
    if (metrics.value[i] === null) { letters += 'm'; missing++; continue }
    if (resource === 'cpu') {
      const start = f.start[i]
      const status = f.readyStatus[i]
      let unready: boolean
      if (!status || Number.isNaN(start)) unready = true
      else if (start + CPU_INITIALIZATION_PERIOD_MS > now) {
        // Still within the initialisation period: unready, or no full metric window since it became ready.
        unready = status === 'False' || metrics.timestamp[i] < f.readySince[i] + metrics.window[i]
      } else {
        // Unready and never ready since start.
        unready = status === 'False' && start + INITIAL_READINESS_DELAY_MS > f.readySince[i]
      }
      if (unready) { letters += 'u'; unreadyN++; continue }
    }
    letters += 'r'
    ready++
  }
  return { readyPodCount: ready, letters, unready: unreadyN, missing }
}

/** calculatePodRequests: Σ requests of the app containers and sidecars (or one container), per pod. */
export function calculatePodRequests(pods: readonly KObject[], container: string, resource: string): { ok: true; requests: readonly number[] } | { ok: false; error: string } {
  const r = listRequests(pods, container, resource)
  return typeof r === 'string' ? { ok: false, error: r } : { ok: true, requests: r }
}

/** Sums of the counted pods: their metrics (with any assumed values) and requests. */
interface Sums { metrics: number; requests: number; entries: number }

/** GetResourceUtilizationRatio: integer utilisation over the pods with both a metric and a request. */
export function utilizationRatio(sums: Sums, target: number): { ok: true; ratio: number; utilization: number; average: number } | { ok: false; error: string } {
  if (sums.requests === 0) return { ok: false, error: 'no metrics returned matched known pods' }
  const utilization = Math.trunc((sums.metrics * 100) / sums.requests)
  return { ok: true, ratio: utilization / target, utilization, average: Math.trunc(sums.metrics / sums.entries) }
}

/** GetMetricUsageRatio: the average metric per pod against the target value. */
function usageRatio(sums: Sums, target: number): { ok: true; ratio: number; average: number } {
  const average = Math.trunc(sums.metrics / sums.entries)
  return { ok: true, ratio: average / target, average }
}

/** The pods whose metrics count (letter r), summed. */
function readySums(g: Groups, metrics: MetricColumn, requests: readonly number[] | undefined): Sums {
  const sums: Sums = { metrics: 0, requests: 0, entries: 0 }
  for (let i = 0; i < g.letters.length; i++) {
    if (g.letters.charCodeAt(i) !== 114) continue // 'r'
    sums.metrics += metrics.value[i] as number
    if (requests) sums.requests += requests[i]
    sums.entries++
  }
  return sums
}

/** Pod names of a list (kept with the list: it is replaced, never changed). */
const namesOf = new WeakMap<readonly KObject[], string[]>()

function podTable(pods: readonly KObject[], g: Groups, metrics: MetricColumn, requests: readonly number[] | undefined): PodTable {
  let names = namesOf.get(pods)
  if (!names) namesOf.set(pods, (names = pods.map((p) => p.metadata.name)))
  return { names, groups: g.letters, usage: metrics.value, request: requests ?? pods.map(() => null), assumed: {} }
}

const withinTolerance = (ratio: number) => Math.abs(1.0 - ratio) <= TOLERANCE

/**
 * The shared second half of GetResourceReplicas and calcPlainMetricReplicas: with missing or
 * unready pods, fill in assumed values (a full request or the target when scaling down, zero
 * when scaling up) and recompute, refusing to change direction.
 */
function dampen(
  current: number, g: Groups, sums: Sums, ratio: number, trace: ReplicaTrace, requests: readonly number[] | undefined,
  fallback: (i: number) => number, recompute: (s: Sums) => { ok: true; ratio: number; utilization?: number } | { ok: false; error: string },
): { ok: true; replicas: number } | { ok: false; error: string } {
  const scaleUpWithUnready = g.unready > 0 && ratio > 1.0
  if (!scaleUpWithUnready && g.missing === 0) {
    if (withinTolerance(ratio)) return done(trace, 'tolerance', current)
    return done(trace, 'scale', Math.ceil(ratio * g.readyPodCount))
  }
  const filled: Sums = { ...sums }
  const names = trace.pods.names
  const assume = (i: number, v: number) => {
    filled.metrics += v
    if (requests) filled.requests += requests[i]
    filled.entries++
    trace.pods.assumed[names[i]] = v
  }
  for (let i = 0; i < g.letters.length; i++) {
    const l = g.letters[i]
    if (l === 'm' && ratio < 1.0) assume(i, fallback(i))
    else if (l === 'm' && ratio > 1.0) assume(i, 0)
    else if (l === 'u' && scaleUpWithUnready) assume(i, 0)
  }
  const again = recompute(filled)
  if (!again.ok) return again
  const newRatio = again.ratio
  trace.newRatio = newRatio
  if (again.utilization !== undefined) trace.newUtilization = again.utilization
  trace.counted = filled.entries
  if (withinTolerance(newRatio)) return done(trace, 'tolerance-after-fill', current)
  if ((ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) return done(trace, 'direction-flip', current)
  const replicas = Math.ceil(newRatio * filled.entries)
  if ((newRatio < 1.0 && replicas > current) || (newRatio > 1.0 && replicas < current)) return done(trace, 'count-flip', current)
  return done(trace, 'rescaled', replicas)
}

function done(trace: ReplicaTrace, rule: NonNullable<ReplicaTrace['rule']>, replicas: number): { ok: true; replicas: number } {
  trace.rule = rule
  trace.proposal = replicas
  return { ok: true, replicas }
}

/** The metrics and pods a proposal is computed from (the Metrics API and the pod lister). */
export interface ProposalInput {
  now: number
  current: number
  resource: string
  container: string
  pods: readonly KObject[]
  metrics: MetricColumn
  timestamp: number
}

/** Shared first steps: the pods' groups; an error when no pod is left with a metric. */
function prepare(inp: ProposalInput): { ok: true; g: Groups } | { ok: false; error: string } {
  if (inp.pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' }
  const g = groupPods(inp.now, inp.pods, inp.metrics, inp.resource)
  if (g.readyPodCount === 0) return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' }
  return { ok: true, g }
}

/** GetResourceReplicas after the metrics fetch: the proposal for a target utilisation (percent of requests). */
export function resourceReplicas(inp: ProposalInput, targetUtilization: number): Proposal {
  const p = prepare(inp)
  if (!p.ok) return p
  const { g } = p
  const req = calculatePodRequests(inp.pods, inp.container, inp.resource)
  if (!req.ok) return { ok: false, error: req.error }
  const requests = req.requests
  const trace: ReplicaTrace = { kind: 'utilization', pods: podTable(inp.pods, g, inp.metrics, requests), readyPodCount: g.readyPodCount, target: targetUtilization, tolerance: TOLERANCE }
  const sums = readySums(g, inp.metrics, requests)
  const u = utilizationRatio(sums, targetUtilization)
  if (!u.ok) return { ok: false, error: u.error, trace }
  Object.assign(trace, { utilization: u.utilization, average: u.average, ratio: u.ratio })
  // On a scale-down a missing pod counts as using its full request (or the target above 100%).
  const fallback = Math.max(100, targetUtilization)
  const r = dampen(inp.current, g, sums, u.ratio, trace, requests, (i) => Math.trunc((requests[i] * fallback) / 100), (s) => utilizationRatio(s, targetUtilization))
  if (!r.ok) return { ok: false, error: r.error, trace }
  return { ok: true, replicas: r.replicas, utilization: u.utilization, average: u.average, timestamp: inp.timestamp, trace }
}

/** calcPlainMetricReplicas: the proposal for a target average value per pod (milli-units). */
export function rawResourceReplicas(inp: ProposalInput, targetUsage: number): Proposal {
  const p = prepare(inp)
  if (!p.ok) return p
  const { g } = p
  const trace: ReplicaTrace = { kind: 'value', pods: podTable(inp.pods, g, inp.metrics, undefined), readyPodCount: g.readyPodCount, target: targetUsage, tolerance: TOLERANCE }
  const sums = readySums(g, inp.metrics, undefined)
  const u = usageRatio(sums, targetUsage)
  Object.assign(trace, { average: u.average, ratio: u.ratio })
  // On a scale-down a missing pod counts as using exactly the target.
  const r = dampen(inp.current, g, sums, u.ratio, trace, undefined, () => targetUsage, (s) => usageRatio(s, targetUsage))
  if (!r.ok) return { ok: false, error: r.error, trace }
  return { ok: true, replicas: r.replicas, average: u.average, timestamp: inp.timestamp, trace }
}

/** GetResourceReplicas / GetRawResourceReplicas: fetch the metrics and pods, then propose. */
export function getResourceReplicas(c: Cluster, current: number, target: { utilization?: number; averageValue?: number }, resource: string, namespace: string, selector: Selector, container: string): Proposal {
  const m = getResourceMetric(c, resource, namespace, selector, container)
  if (!m.ok) return { ok: false, error: `unable to get metrics for resource ${resource}: ${m.error}` }
  const inp: ProposalInput = { now: c.now, current, resource, container, pods: m.pods, metrics: m.metrics, timestamp: m.timestamp }
  return target.utilization !== undefined ? resourceReplicas(inp, target.utilization) : rawResourceReplicas(inp, target.averageValue ?? 0)
}
