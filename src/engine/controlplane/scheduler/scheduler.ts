// kube-scheduler (default profile): a queue of unscheduled pods, filter → score → select host →
// bind, FailedScheduling with the FitError message, and requeueing on cluster events.
// Sources: k/k pkg/scheduler/schedule_one.go (schedulingCycle, selectHost, bind, handleSchedulingFailure),
// pkg/scheduler/internal/queue/scheduling_queue.go (unschedulable pods, 5 min flush).
// Binding uses the store's pods/binding subresource (one write, no pod-update validation).
import type { Cluster } from '../../cluster'
import type { KObject, WatchEvent } from '../../api/types'
import { registerComponents, onEvent } from '../../registry'
import { recordEvent } from '../../api/events'
import { cyrb53 } from '../../sim/hash'
import { randomInt } from '../../sim/rng'
import { rfc3339 } from '../../sim/time'
import { buildNodeInfos, addPod, hostPorts, type NodeInfo } from './node-info'
import { dynamicFilter, staticFilter, staticSignature, type FilterResult } from './filters'
import { failedSchedulingMessage } from './fit-error'
import { scoreNodes, staticScores, type StaticScores } from './scores'
import { podRequests } from './requests'
import { constraintsOf, topologySpreadFilter } from './topology-spread'
import { findPreemption, priorityOf } from './preemption'
import { existingHasRequiredAntiAffinity, hasInterPodConstraints, interPodAffinityFilter } from './inter-pod-affinity'
import { podKey, isTerminal, podCondition } from '../util/pods'

export const SCHEDULER = 'kube-scheduler'
export const SCHEDULER_NAME = 'default-scheduler'
/** podMaxInUnschedulablePodsDuration. */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60_000
const DIAG_KEEP = 100
export const NO_NODES_MSG = 'no nodes available to schedule pods'

export interface NodeDiagnosis { node: string; reasons: string[]; score?: number }

interface SchedulerState {
  /** Pods that failed, by key → fingerprint of their spec when they failed. */
  unschedulable: Record<string, string>
  /** Node fingerprint (labels, taints, unschedulable, allocatable, Ready): a change requeues pods. */
  nodes: Record<string, string>
  diag: Record<string, NodeDiagnosis[]>
  diagOrder: string[]
  /** Pending 5-minute flush per unschedulable pod (sim ms). */
  flushAt: Record<string, number>
}

function st(c: Cluster): SchedulerState {
  return c.slot<SchedulerState>(SCHEDULER, () => ({ unschedulable: {}, nodes: {}, diag: {}, diagOrder: [], flushAt: {} }))
}

/** Per-node filter reasons / scores of the last scheduling attempt of a pod (for the UI). */
export function schedulingDiagnosis(c: Cluster, namespace: string, name: string): NodeDiagnosis[] | undefined {
  return st(c).diag[`${namespace}/${name}`]
}

export function isPendingForScheduler(pod: KObject): boolean {
  return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && !isTerminal(pod) && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME
}

function specPrint(pod: KObject): string {
  return cyrb53(JSON.stringify(pod.spec ?? {}))
}

function nodePrint(node: KObject): string {
  const ready = podCondition(node, 'Ready')?.status ?? ''
  return cyrb53(JSON.stringify([node.metadata.labels ?? {}, node.spec?.taints ?? [], !!node.spec?.unschedulable, node.status?.allocatable ?? {}, ready]))
}

/** PrioritySort: higher priority first, then older; name for a stable order. */
function queueOrder(a: KObject, b: KObject): number {
  const ta = a.metadata.creationTimestamp
  const tb = b.metadata.creationTimestamp
  return priorityOf(b) - priorityOf(a) || (ta < tb ? -1 : ta > tb ? 1 : 0) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)
}

function remember(c: Cluster, key: string, diag: NodeDiagnosis[]): void {
  const s = st(c)
  if (!(key in s.diag)) {
    s.diagOrder.push(key)
    while (s.diagOrder.length > DIAG_KEEP) delete s.diag[s.diagOrder.shift() as string]
  }
  s.diag[key] = diag
}

/** selectHost: highest total; ties broken by reservoir sampling with the PRNG. */
function selectHost(c: Cluster, scores: { name: string; total: number }[]): string {
  let selected = scores[0].name
  let max = scores[0].total
  let cnt = 1
  for (let i = 1; i < scores.length; i++) {
    const s = scores[i]
    if (s.total > max) { max = s.total; selected = s.name; cnt = 1 }
    else if (s.total === max) { cnt++; if (randomInt(c.state, cnt) === 0) selected = s.name }
  }
  return selected
}

function fail(c: Cluster, pod: KObject, message: string): void {
  const api = c.client(SCHEDULER)
  const key = podKey(pod)
  st(c).unschedulable[key] = specPrint(pod)
  recordEvent(c, { component: SCHEDULER_NAME }, pod, 'Warning', 'FailedScheduling', message)
  api.updateStatus('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
    const conds = ((p.status ??= {}).conditions ??= []) as { type: string; status: string; reason?: string; message?: string; lastProbeTime?: null; lastTransitionTime?: string }[]
    const cur = conds.find((x) => x.type === 'PodScheduled')
    if (cur && cur.status === 'False' && cur.reason === 'Unschedulable' && cur.message === message) return false
    const cond = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: cur?.status === 'False' && cur.lastTransitionTime ? cur.lastTransitionTime : rfc3339(c.now), reason: 'Unschedulable', message }
    if (cur) Object.assign(cur, cond)
    else conds.push(cond)
    p.status.phase ??= 'Pending'
  })
  const s = st(c)
  if (!(s.flushAt[key] > c.now)) {
    s.flushAt[key] = c.now + UNSCHEDULABLE_RETRY_MS
    c.schedule(UNSCHEDULABLE_RETRY_MS, { type: 'scheduler.flush', pod: key })
  }
}

/** Binds through the pods/binding subresource: spec.nodeName + PodScheduled True in one write. */
function bind(c: Cluster, pod: KObject, nodeName: string): KObject | undefined {
  const r = c.client(SCHEDULER).bind(pod.metadata.namespace as string, pod.metadata.name, nodeName)
  if (!r.ok || r.value.spec?.nodeName !== nodeName) return undefined
  delete st(c).unschedulable[podKey(pod)]
  recordEvent(c, { component: SCHEDULER_NAME }, pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`)
  return r.value
}

/** Deletes the victims (event Preempted) and sets status.nominatedNodeName (preemption.go prepareCandidate). */
function preemptVictims(c: Cluster, pod: KObject, node: string, victims: KObject[]): void {
  const api = c.client(SCHEDULER)
  for (const v of victims) {
    const r = api.delete('pods', v.metadata.namespace, v.metadata.name)
    if (r.ok) recordEvent(c, { component: SCHEDULER_NAME }, v, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid} on node ${node}`)
  }
  api.updateStatus('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
    if (p.status?.nominatedNodeName === node) return false
    p.status = { ...(p.status ?? {}), nominatedNodeName: node }
  })
}

/** One scheduling batch: a fixed node snapshot, and results shared by pods with equal constraints. */
interface Batch {
  antiAffinity: boolean
  /** staticSignature → per node (index in infos) the static filter result (undefined = passes). */
  staticFilters: Record<string, (FilterResult | undefined)[]>
  staticScores: Record<string, StaticScores>
}

/** One scheduling attempt for `pod` against the batch's node snapshot. Returns true if bound. */
function scheduleOne(c: Cluster, pod: KObject, infos: NodeInfo[], keepDiag: boolean, batch: Batch): boolean {
  const key = podKey(pod)
  if (infos.length === 0) {
    if (keepDiag) remember(c, key, [])
    fail(c, pod, NO_NODES_MSG)
    return false
  }
  const req = podRequests(pod)
  const results: FilterResult[] = []
  const feasible: NodeInfo[] = []
  const interPod = hasInterPodConstraints(pod, batch.antiAffinity)
  const spread = constraintsOf(pod, 'DoNotSchedule').length > 0
  const wanted = hostPorts(pod)
  const sig = staticSignature(pod)
  const statics = (batch.staticFilters[sig] ??= infos.map((info) => staticFilter(pod, info)))
  const feasibleIdx: number[] = []
  for (let k = 0; k < infos.length; k++) {
    const info = infos[k]
    let r = statics[k] ?? dynamicFilter(req, info, wanted)
    // PodTopologySpread then InterPodAffinity, after the filters.ts plugins (default_plugins.go order).
    if (spread && r.reasons.length === 0) {
      const f = topologySpreadFilter(pod, info, infos)
      if (f) r = { reasons: [f.reason], unresolvable: f.unresolvable }
    }
    if (interPod && r.reasons.length === 0) {
      const f = interPodAffinityFilter(pod, info, infos)
      if (f) r = { reasons: [f.reason], unresolvable: f.unresolvable }
    }
    results.push(r)
    if (r.reasons.length === 0) { feasible.push(info); feasibleIdx.push(k) }
  }
  if (feasible.length === 0) {
    if (keepDiag) remember(c, key, infos.map((i, k) => ({ node: i.name, reasons: results[k].reasons })))
    const preempt = pod.spec?.preemptionPolicy !== 'Never'
    // PodEligibleToPreemptOthers: wait while lower-priority victims on the nominated node terminate.
    const nominated = infos.find((i) => i.name === pod.status?.nominatedNodeName)
    if (preempt && nominated?.podList.some((p) => p.metadata.deletionTimestamp && priorityOf(p) < priorityOf(pod))) {
      fail(c, pod, failedSchedulingMessage(infos.length, results, false) + ' preemption: not eligible due to a terminating pod on the nominated node.')
      return false
    }
    const plan = preempt ? findPreemption(pod, req, infos, results) : undefined
    if (plan) {
      // PostFilter succeeded: victims are deleted, the pod is nominated and retried when they are gone.
      preemptVictims(c, pod, plan.node, plan.victims)
      fail(c, pod, failedSchedulingMessage(infos.length, results, false))
      return false
    }
    let msg = failedSchedulingMessage(infos.length, results, preempt)
    if (!preempt) msg += ' preemption: not eligible due to preemptionPolicy=Never.'
    fail(c, pod, msg)
    return false
  }
  const nz = podRequests(pod, true)
  const allStatic = (batch.staticScores[sig] ??= staticScores(pod, infos))
  const raw = { taint: feasibleIdx.map((k) => allStatic.taint[k]), aff: feasibleIdx.map((k) => allStatic.aff[k]) }
  const scores = scoreNodes(pod, req, nz, feasible, infos, raw)
  if (keepDiag) {
    const byName: Record<string, number> = {}
    for (const s of scores) byName[s.name] = s.total
    remember(c, key, infos.map((i, k) => (results[k].reasons.length ? { node: i.name, reasons: results[k].reasons } : { node: i.name, reasons: [], score: byName[i.name] })))
  }
  const host = scores.length === 1 ? scores[0].name : selectHost(c, scores)
  const bound = bind(c, pod, host)
  if (!bound) return false
  const info = feasible.find((i) => i.name === host) as NodeInfo
  addPod(info, bound, req, nz)
  if (existingHasRequiredAntiAffinity(bound)) batch.antiAffinity = true
  return true
}

/** Schedules the given pending pods (all pending pods when `keys` is omitted); returns how many were bound. */
function runCycle(c: Cluster, keys?: Record<string, true>): number {
  const api = c.client(SCHEDULER)
  const pods = api.list('pods')
  const pending = pods.filter((p) => isPendingForScheduler(p) && (!keys || keys[podKey(p)]))
  if (pending.length === 0) return 0
  pending.sort(queueOrder)
  const infos = buildNodeInfos(api.list('nodes'), pods)
  const batch: Batch = { antiAffinity: infos.some((i) => i.podList.some(existingHasRequiredAntiAffinity)), staticFilters: {}, staticScores: {} }
  let bound = 0
  // Only the last DIAG_KEEP attempts survive in the slot, so only those are recorded.
  for (let i = 0; i < pending.length; i++) if (scheduleOne(c, pending[i], infos, i >= pending.length - DIAG_KEEP, batch)) bound++
  return bound
}

/** Schedules every pending pod now (benchmarks, tests); returns how many were bound. */
export function schedulePending(c: Cluster): number {
  st(c).unschedulable = {}
  return runCycle(c)
}

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const s = st(c)
  let moveAll = false
  const keys: Record<string, true> = {}
  let any = false
  for (const e of events) {
    if (e.plural === 'nodes') {
      const name = e.object.metadata.name
      if (e.type === 'DELETED') { delete s.nodes[name]; continue }
      const fp = nodePrint(e.object)
      if (s.nodes[name] !== fp) { s.nodes[name] = fp; moveAll = true }
      continue
    }
    const pod = e.object
    const key = podKey(pod)
    if (e.type === 'DELETED') {
      delete s.unschedulable[key]
      if (pod.spec?.nodeName) moveAll = true // AssignedPodDelete frees resources
      continue
    }
    if (pod.spec?.nodeName) {
      if (isTerminal(pod)) moveAll = true
      continue
    }
    if (!isPendingForScheduler(pod)) continue
    const prev = s.unschedulable[key]
    if (prev !== undefined && prev === specPrint(pod)) continue // our own status write, or nothing relevant
    delete s.unschedulable[key]
    keys[key] = true
    any = true
  }
  if (moveAll) {
    s.unschedulable = {}
    runCycle(c)
  } else if (any) runCycle(c, keys)
}

onEvent('scheduler.flush', (c, ev) => {
  const key = ev.pod as string
  const s = st(c)
  delete s.flushAt[key]
  if (!(key in s.unschedulable)) return
  delete s.unschedulable[key]
  runCycle(c, { [key]: true })
})

registerComponents(() => [{ name: SCHEDULER, watches: ['pods', 'nodes'], onEvents: onWatch }])
