// The pod status the kubelet reports: container statuses (convertToAPIContainerStatuses),
// phase (getPhase) and the kubelet-owned conditions (pkg/kubelet/status/generate.go).
// Sources: k/k pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase, convertToAPIContainerStatuses).
import type { KObject } from '../../api/types'
import type { ContainerRun, PodWorker, Terminated } from './types'

 
type Json = any

export function isSidecar(spec: Json): boolean {
  return spec?.restartPolicy === 'Always'
}

function termJson(t: Terminated): Json {
  return { exitCode: t.exitCode, reason: t.reason, ...(t.message ? { message: t.message } : {}), startedAt: t.startedAt, finishedAt: t.finishedAt, containerID: t.containerID }
}

export function containerStatus(spec: Json, run: ContainerRun | undefined, defaultWaiting: string): Json {
  const out: Json = { name: spec.name }
  if (!run || run.stage === 'idle' || run.stage === 'pulling') {
    out.state = { waiting: run?.waiting ? { ...run.waiting } : { reason: defaultWaiting } }
  } else if (run.stage === 'running' && run.running) {
    out.state = { running: { startedAt: run.running.startedAt } }
  } else if (run.waiting) {
    out.state = { waiting: { ...run.waiting } }
  } else if (run.terminated) {
    out.state = { terminated: termJson(run.terminated) }
  } else {
    out.state = { waiting: { reason: defaultWaiting } }
  }
  // While waiting to restart, the last state is the termination just seen; once running again,
  // the one before the current instance.
  const last = run?.stage === 'exited' && run.waiting ? run.terminated : run?.lastTerminated
  out.lastState = last ? { terminated: termJson(last) } : {}
  out.ready = run ? containerReady(spec, run) : false
  out.restartCount = run?.restartCount ?? 0
  out.image = run?.imageRef ?? spec.image
  out.imageID = run?.imageID ?? ''
  const id = run?.running?.containerID ?? (run?.stage === 'exited' ? run?.terminated?.containerID : undefined)
  if (id) out.containerID = id
  out.started = !!run && run.stage === 'running' && run.started
  return out
}

export function containerReady(spec: Json, run: ContainerRun): boolean {
  if (run.kind === 'init' && !isSidecar(spec)) return run.stage === 'exited' && run.terminated?.exitCode === 0 && !run.waiting
  if (run.kind === 'ephemeral') return false
  if (run.stage !== 'running' || !run.started) return false
  return spec.readinessProbe ? !!run.probes.readiness?.ok : true
}

/** getPhase (v1.30). */
export function computePhase(pod: KObject, w: PodWorker): string {
  const spec = pod.spec ?? {}
  const restartPolicy = spec.restartPolicy ?? 'Always'
  let pendingInit = 0
  let failedInit = 0
  for (const ic of spec.initContainers ?? []) {
    const r = w.containers[ic.name]
    if (isSidecar(ic)) {
      if (!r || !(r.stage === 'running' && r.started)) pendingInit++
      continue
    }
    if (!r || r.stage === 'idle' || r.stage === 'pulling' || r.stage === 'running') { pendingInit++; continue }
    if (r.waiting) {
      if (r.terminated && r.terminated.exitCode !== 0) failedInit++
      else pendingInit++
      continue
    }
    if (r.terminated && r.terminated.exitCode !== 0) failedInit++
  }
  let unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0
  let anyStarted = false
  for (const ct of spec.containers ?? []) {
    const r = w.containers[ct.name]
    if (!r) { unknown++; continue }
    if (r.stage === 'running') { running++; anyStarted = true; continue }
    if (r.stage === 'exited' && !r.waiting) { stopped++; anyStarted = true; if (r.terminated?.exitCode === 0) succeeded++; continue }
    if (r.stage === 'exited' && r.waiting) { stopped++; anyStarted = true; continue } // waiting with a last termination
    waiting++
  }
  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed'
  if ((pendingInit > 0 && !anyStarted) || waiting > 0) return 'Pending'
  if (failedInit > 0 && !anyStarted) return 'Pending'
  if (running > 0 && unknown === 0) return 'Running'
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (w.terminating) return stopped === succeeded ? 'Succeeded' : 'Failed'
    if (restartPolicy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (restartPolicy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}

function cond(prev: Json[], now: string, type: string, status: string, reason?: string, message?: string): Json {
  const old = prev.find((c) => c.type === type)
  const c: Json = { type, status, lastProbeTime: null, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now }
  if (reason) c.reason = reason
  if (message) c.message = message
  return c
}

/** The full status the kubelet would write for this pod now. */
export function buildPodStatus(pod: KObject, w: PodWorker, hostIP: string, nowTs: string): Json {
  const spec = pod.spec ?? {}
  const prev: Json[] = pod.status?.conditions ?? []
  const inits: Json[] = spec.initContainers ?? []
  const defaultWaiting = inits.length ? 'PodInitializing' : 'ContainerCreating'
  const phase = w.terminal ?? computePhase(pod, w)
  const initStatuses = inits.map((ic) => containerStatus(ic, w.containers[ic.name], defaultWaiting))
  const appStatuses = (spec.containers ?? []).map((ct: Json) => containerStatus(ct, w.containers[ct.name], defaultWaiting))
  const eph: Json[] = spec.ephemeralContainers ?? []
  const ephStatuses = eph.filter((e) => w.containers[e.name]).map((e) => containerStatus(e, w.containers[e.name], defaultWaiting))

  const incomplete = inits.filter((ic, i) => {
    const s = initStatuses[i]
    if (isSidecar(ic)) return !s.started
    return !(s.state.terminated && s.state.terminated.exitCode === 0)
  }).map((ic) => ic.name)
  const unready = [
    ...inits.filter((ic, i) => isSidecar(ic) && !initStatuses[i].ready).map((ic) => ic.name),
    ...(spec.containers ?? []).filter((_: Json, i: number) => !appStatuses[i].ready).map((ct: Json) => ct.name),
  ]
  const completed = phase === 'Succeeded'
  const conditions: Json[] = [
    cond(prev, nowTs, 'PodReadyToStartContainers', w.sandbox === 'ready' ? 'True' : 'False'),
    completed || incomplete.length === 0
      ? cond(prev, nowTs, 'Initialized', 'True', completed && inits.length ? 'PodCompleted' : undefined)
      : cond(prev, nowTs, 'Initialized', 'False', 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`),
  ]
  const gatesOk = (spec.readinessGates ?? []).every((g: Json) => prev.find((c) => c.type === g.conditionType)?.status === 'True')
  if (completed || phase === 'Failed') {
    // generateContainersReadyConditionForTerminalPhase
    const why = completed ? 'PodCompleted' : 'PodFailed'
    conditions.push(cond(prev, nowTs, 'Ready', 'False', why), cond(prev, nowTs, 'ContainersReady', 'False', why))
  } else if (unready.length) {
    const msg = `containers with unready status: [${unready.join(' ')}]`
    conditions.push(cond(prev, nowTs, 'Ready', 'False', 'ContainersNotReady', msg), cond(prev, nowTs, 'ContainersReady', 'False', 'ContainersNotReady', msg))
  } else if (!gatesOk) {
    conditions.push(cond(prev, nowTs, 'Ready', 'False', 'ReadinessGatesNotReady', 'corresponding condition of pod readiness gate is not true'), cond(prev, nowTs, 'ContainersReady', 'True'))
  } else {
    conditions.push(cond(prev, nowTs, 'Ready', 'True'), cond(prev, nowTs, 'ContainersReady', 'True'))
  }
  const kubeletTypes = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'])
  for (const p of prev) if (!kubeletTypes.has(p.type)) conditions.push(p)
  // generateAPIPodStatus also asserts PodScheduled (pods bound without the scheduler, mirror pods).
  if (!prev.some((p) => p.type === 'PodScheduled')) conditions.push(cond(prev, nowTs, 'PodScheduled', 'True'))

  const status: Json = { ...(pod.status ?? {}), phase, conditions, hostIP, hostIPs: [{ ip: hostIP }] }
  if (w.ip) {
    status.podIP = w.ip
    status.podIPs = [{ ip: w.ip }]
  }
  status.startTime = w.startTime
  if (inits.length) status.initContainerStatuses = initStatuses
  status.containerStatuses = appStatuses
  if (ephStatuses.length) status.ephemeralContainerStatuses = ephStatuses
  return status
}
