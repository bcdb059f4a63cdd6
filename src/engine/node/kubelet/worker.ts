// The pod worker: one state machine per pod bound to the node, driven by watch events and its
// own timers. Mirrors SyncPod (k/k pkg/kubelet/kuberuntime/kuberuntime_manager.go
// computePodActions/SyncPod): sandbox first, init containers one at a time, then every app
// container; restarts per restartPolicy with the crash back-off (doBackOff); graceful
// termination on deletionTimestamp (killPodWithSyncResult → SIGTERM, SIGKILL at the deadline).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { recordEvent } from '../../api/events'
import { randomHex } from '../../sim/rng'
import { rfc3339 } from '../../sim/time'
import { removeWhere } from '../../sim/queue'
import { lookupImage, type ImageInfo } from '../images/catalog'
import { containerArgv, hasExecutable, startProcess, resumeProcess, sigtermReaction } from '../process'
import type { ProcessHost, ProcessStep } from '../process-types'
import { allocatePodIP, releasePodIP } from '../../network/ipam'
import { imageID, imageRef, isCached, markCached, reservePull, goSeconds } from './images'
import { inBackOffSince, next } from './backoff'
import { buildPodStatus, isSidecar } from './status'
import { containerEnv } from './env'
import type { ContainerRun, KubeletState, PodWorker } from './types'
import { appendLog } from './log-buffer'
import { scheduleProbes } from './probe-schedule'
import { admitPod } from './admit'

 
type Json = any

/** Pause container + CNI ADD. */
export const SANDBOX_MS = 700
/** Retry of a failed sandbox creation (pod worker back-off). */
const SANDBOX_RETRY_MS = 10_000
/** PLEG relist period: how long after an exit the kubelet notices it. */
export const PLEG_MS = 1000
/** Resync of a worker after an image pull error (it then shows ImagePullBackOff). */
const PULL_ERROR_RESYNC_MS = 2000
/** A failing pull takes about this long to be answered by the registry. */
const PULL_FAIL_MS = 1200
/** Pod worker retry after a sync error (CreateContainerConfigError). */
const CONFIG_RETRY_MS = 10_000

export function kubeletState(c: Cluster, node: string): KubeletState {
  return c.slot<KubeletState>(`kubelet/${node}`, () => ({ pods: {} }))
}

/** The kubelet's state without creating it (reads must not write the state). */
export function peekKubelet(c: Cluster, node: string): KubeletState | undefined {
  return c.state.components[`kubelet/${node}`] as KubeletState | undefined
}

export function actor(node: string): string {
  return `kubelet/${node}`
}

function src(node: string) {
  return { component: 'kubelet', host: node }
}

export function specOf(pod: KObject, name: string): { spec: Json; kind: ContainerRun['kind']; fieldPath: string } | undefined {
  const s = pod.spec ?? {}
  const find = (list: Json[] | undefined) => (list ?? []).find((x: Json) => x.name === name)
  let x = find(s.initContainers)
  if (x) return { spec: x, kind: 'init', fieldPath: `spec.initContainers{${name}}` }
  x = find(s.containers)
  if (x) return { spec: x, kind: 'app', fieldPath: `spec.containers{${name}}` }
  x = find(s.ephemeralContainers)
  if (x) return { spec: x, kind: 'ephemeral', fieldPath: `spec.ephemeralContainers{${name}}` }
  return undefined
}

/** Go's time.Duration String() for whole seconds: 10s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s}s`
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h ? `${h}h${m}m${s % 60}s` : `${m}m${s % 60}s`
}

function podRef(pod: KObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`
}

function newRun(name: string, kind: ContainerRun['kind']): ContainerRun {
  return { name, kind, stage: 'idle', restartCount: 0, instance: 0, started: false, probes: {}, log: '', prevLog: '' }
}

export function hostIPOf(c: Cluster, node: string): string {
  return c.state.machines[node]?.ip ?? ''
}

function defaultPullPolicy(image: string): string {
  const last = image.split('/').pop() ?? image
  if (last.includes('@')) return 'IfNotPresent'
  return !last.includes(':') || last.endsWith(':latest') ? 'Always' : 'IfNotPresent'
}

export function processHost(c: Cluster, node: string, pod: KObject, w: PodWorker, spec: Json, write: ProcessHost['write']): ProcessHost {
  return {
    c,
    pod,
    container: spec.name,
    node,
    env: containerEnv(c, pod, spec, node, hostIPOf(c, node), w.ip),
    privileged: !!spec.securityContext?.privileged,
    write,
  }
}

function logWriter(c: Cluster, node: string, uid: string, name: string, instance: number): ProcessHost['write'] {
  return (_stream, text) => {
    const r = peekKubelet(c, node)?.pods[uid]?.containers[name]
    if (r && r.instance === instance) r.log = appendLog(r.log, text)
  }
}

function handleStep(c: Cluster, node: string, w: PodWorker, r: ContainerRun, step: ProcessStep): void {
  if (step.kind === 'wait') {
    r.waitUntil = step.until
    c.scheduleAt(step.until, { type: 'kubelet.resume', node, podUid: w.uid, container: r.name, instance: r.instance })
  } else if (step.kind === 'exit') {
    containerExited(c, node, w, r, step.code, step.reason)
  } else {
    r.waitUntil = undefined
  }
}

/** The container's process ended (or was killed): the runtime reports it terminated. */
export function containerExited(c: Cluster, node: string, w: PodWorker, r: ContainerRun, code: number, reason?: string, message?: string): void {
  if (r.stage !== 'running' || !r.running) return
  r.terminated = {
    exitCode: code,
    reason: reason ?? (code === 0 ? 'Completed' : 'Error'), // containerd pkg/cri/server helpers.go
    ...(message ? { message } : {}),
    startedAt: r.running.startedAt,
    finishedAt: rfc3339(c.now),
    containerID: r.running.containerID,
  }
  r.finishedMs = c.now
  r.stage = 'exited'
  r.running = undefined
  r.killing = false
  r.proc = undefined
  r.waitUntil = undefined
  r.started = false
  r.retryAt = c.now + PLEG_MS
  c.schedule(PLEG_MS, { type: 'kubelet.sync', node, podUid: w.uid })
}

/** Missing ConfigMap/Secret referenced by env/envFrom (kubelet_pods.go makeEnvironmentVariables). */
function configError(c: Cluster, pod: KObject, spec: Json): string | undefined {
  const ns = pod.metadata.namespace ?? 'default'
  const missing = (kind: 'configmaps' | 'secrets', ref: Json): string | undefined => {
    if (!ref?.name || ref.optional) return undefined
    const obj: Json = c.api.get(kind, ns, ref.name)
    const word = kind === 'configmaps' ? 'configmap' : 'secret'
    if (!obj) return `${word} "${ref.name}" not found`
    if (ref.key !== undefined && obj.data?.[ref.key] === undefined && obj.stringData?.[ref.key] === undefined) {
      return `couldn't find key ${ref.key} in ${kind === 'configmaps' ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}`
    }
    return undefined
  }
  for (const e of (spec.envFrom ?? []) as Json[]) {
    const m = missing('configmaps', e.configMapRef) ?? missing('secrets', e.secretRef)
    if (m) return m
  }
  for (const e of (spec.env ?? []) as Json[]) {
    const m = missing('configmaps', e.valueFrom?.configMapKeyRef) ?? missing('secrets', e.valueFrom?.secretKeyRef)
    if (m) return m
  }
  return undefined
}

function createAndStart(c: Cluster, node: string, pod: KObject, w: PodWorker, spec: Json, kind: ContainerRun['kind'], fieldPath: string, r: ContainerRun, info: ImageInfo): void {
  const cfgErr = configError(c, pod, spec)
  if (cfgErr) {
    if (r.waiting?.reason !== 'CreateContainerConfigError' || r.waiting.message !== cfgErr) {
      recordEvent(c, src(node), pod, 'Warning', 'Failed', `Error: ${cfgErr}`, fieldPath)
      r.waiting = { reason: 'CreateContainerConfigError', message: cfgErr }
    }
    r.retryAt = c.now + CONFIG_RETRY_MS
    c.schedule(CONFIG_RETRY_MS, { type: 'kubelet.sync', node, podUid: w.uid })
    return
  }
  const restarting = r.instance > 0
  r.instance++
  if (restarting) {
    r.restartCount++
    r.lastTerminated = r.terminated
  }
  r.terminated = undefined
  r.waiting = undefined
  r.imageRef = imageRef(info)
  r.imageID = imageID(info)
  r.prevLog = r.instance > 1 ? r.log : ''
  r.log = ''
  r.probes = {}
  const containerID = `containerd://${randomHex(c.state, 64)}`
  const argv = containerArgv(info, spec.command, spec.args)
  recordEvent(c, src(node), pod, 'Normal', 'Created', `Created container ${spec.name}`, fieldPath)
  const startedAt = rfc3339(c.now)
  if (!argv.length || !hasExecutable(info, argv[0])) {
    const msg = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown`
    recordEvent(c, src(node), pod, 'Warning', 'Failed', `Error: ${msg}`, fieldPath)
    r.stage = 'running'
    r.running = { startedAt: '1970-01-01T00:00:00Z', startedMs: c.now, containerID }
    containerExited(c, node, w, r, 128, 'StartError', msg)
    return
  }
  recordEvent(c, src(node), pod, 'Normal', 'Started', `Started container ${spec.name}`, fieldPath)
  r.stage = 'running'
  r.running = { startedAt, startedMs: c.now, containerID }
  r.started = kind === 'ephemeral' || !spec.startupProbe
  const host = processHost(c, node, pod, w, spec, logWriter(c, node, w.uid, spec.name, r.instance))
  const { state, step } = startProcess(host, info, argv)
  r.proc = state
  if (kind !== 'ephemeral') scheduleProbes(c, node, w, spec, r)
  handleStep(c, node, w, r, step)
}

/** Starts (or restarts) one container: image policy, pull, create, start. */
function startContainer(c: Cluster, node: string, pod: KObject, w: PodWorker, spec: Json, kind: ContainerRun['kind'], fieldPath: string, r: ContainerRun): void {
  const image: string = spec.image ?? ''
  const look = lookupImage(image)
  if (!look.ok && look.reason === 'InvalidImageName') {
    if (r.waiting?.reason !== 'InvalidImageName') {
      const msg = look.message
      recordEvent(c, src(node), pod, 'Warning', 'InspectFailed', msg, fieldPath)
      recordEvent(c, src(node), pod, 'Warning', 'Failed', 'Error: InvalidImageName', fieldPath)
      r.waiting = { reason: 'InvalidImageName', message: msg }
    }
    return
  }
  const policy: string = spec.imagePullPolicy ?? defaultPullPolicy(image)
  const cached = look.ok && isCached(c, node, look.info)
  if (policy === 'Never' && !cached) {
    if (r.waiting?.reason !== 'ErrImageNeverPull') {
      const msg = `Container image "${image}" is not present with pull policy of Never`
      recordEvent(c, src(node), pod, 'Warning', 'ErrImageNeverPull', msg, fieldPath)
      recordEvent(c, src(node), pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', fieldPath)
      r.waiting = { reason: 'ErrImageNeverPull', message: msg }
    }
    return
  }
  if (cached && policy !== 'Always' && look.ok) {
    recordEvent(c, src(node), pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, fieldPath)
    createAndStart(c, node, pod, w, spec, kind, fieldPath, r, look.info)
    return
  }
  // image_manager.go: while the image is in pull back-off, report ImagePullBackOff.
  const be = w.pullBackoff[image]
  if (be && inBackOffSince(be, be.lastUpdate, c.now)) {
    if (r.waiting?.reason !== 'ImagePullBackOff') {
      const msg = `Back-off pulling image "${image}"`
      recordEvent(c, src(node), pod, 'Normal', 'BackOff', msg, fieldPath)
      recordEvent(c, src(node), pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', fieldPath)
      r.waiting = { reason: 'ImagePullBackOff', message: msg }
    }
    c.scheduleAt(be.lastUpdate + be.ms, { type: 'kubelet.sync', node, podUid: w.uid })
    return
  }
  recordEvent(c, src(node), pod, 'Normal', 'Pulling', `Pulling image "${image}"`, fieldPath)
  const slot = look.ok ? reservePull(c, node, look.info) : { start: c.now, end: c.now + PULL_FAIL_MS }
  r.stage = 'pulling'
  r.pull = { requested: c.now, start: slot.start, end: slot.end }
  c.scheduleAt(slot.end, { type: 'kubelet.sync', node, podUid: w.uid })
}

function pullFinished(c: Cluster, node: string, pod: KObject, w: PodWorker, spec: Json, kind: ContainerRun['kind'], fieldPath: string, r: ContainerRun): void {
  const image: string = spec.image ?? ''
  const pull = r.pull!
  r.pull = undefined
  r.stage = r.instance > 0 ? 'exited' : 'idle'
  const look = lookupImage(image)
  if (!look.ok) {
    recordEvent(c, src(node), pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${look.message}`, fieldPath)
    recordEvent(c, src(node), pod, 'Warning', 'Failed', 'Error: ErrImagePull', fieldPath)
    w.pullBackoff[image] = next(w.pullBackoff[image], c.now, c.now)
    r.waiting = { reason: 'ErrImagePull', message: look.message }
    r.retryAt = c.now + PULL_ERROR_RESYNC_MS
    c.schedule(PULL_ERROR_RESYNC_MS, { type: 'kubelet.sync', node, podUid: w.uid })
    return
  }
  delete w.pullBackoff[image]
  markCached(c, node, image)
  const took = pull.end - pull.start
  const total = pull.end - pull.requested
  recordEvent(c, src(node), pod, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${goSeconds(took)} (${goSeconds(total)} including waiting). Image size: ${look.info.sizeBytes} bytes.`, fieldPath)
  createAndStart(c, node, pod, w, spec, kind, fieldPath, r, look.info)
}

function shouldRestart(pod: KObject, kind: ContainerRun['kind'], spec: Json, r: ContainerRun): boolean {
  if (kind === 'ephemeral') return false
  const code = r.terminated?.exitCode ?? 0
  if (kind === 'init') return isSidecar(spec) || (code !== 0 && (pod.spec?.restartPolicy ?? 'Always') !== 'Never')
  const policy = pod.spec?.restartPolicy ?? 'Always'
  return policy === 'Always' || (policy === 'OnFailure' && code !== 0)
}

/** Advances one container as far as it can go now. */
function advance(c: Cluster, node: string, pod: KObject, w: PodWorker, name: string): ContainerRun {
  const found = specOf(pod, name)!
  const { spec, kind, fieldPath } = found
  const r = (w.containers[name] ??= newRun(name, kind))
  if (r.stage === 'pulling') {
    if (c.now >= (r.pull?.end ?? 0)) pullFinished(c, node, pod, w, spec, kind, fieldPath, r)
    return r
  }
  if (r.stage === 'idle') {
    if (c.now < (r.retryAt ?? 0)) return r
    startContainer(c, node, pod, w, spec, kind, fieldPath, r)
    return r
  }
  if (r.stage === 'exited' && !w.terminal && shouldRestart(pod, kind, spec, r)) {
    if (c.now < (r.retryAt ?? 0)) return r
    const fin = r.finishedMs ?? c.now
    // doBackOff: in back-off since the last exit → CrashLoopBackOff; else Next() and restart.
    if (inBackOffSince(r.crashBackoff, fin, c.now)) {
      const ms = r.crashBackoff!.ms
      if (r.waiting?.reason !== 'CrashLoopBackOff') {
        r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(ms)} restarting failed container=${name} pod=${podRef(pod)}` }
        recordEvent(c, src(node), pod, 'Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${podRef(pod)}`, fieldPath)
      }
      c.scheduleAt(fin + ms, { type: 'kubelet.sync', node, podUid: w.uid })
      return r
    }
    r.crashBackoff = next(r.crashBackoff, fin, c.now)
    startContainer(c, node, pod, w, spec, kind, fieldPath, r)
  }
  return r
}

function initDone(spec: Json, r: ContainerRun | undefined): boolean {
  if (!r) return false
  if (isSidecar(spec)) return r.stage === 'running' && r.started
  return r.stage === 'exited' && r.terminated?.exitCode === 0 && !r.waiting
}

/** Starts the graceful stop of one running container (SIGTERM, SIGKILL at the grace deadline). */
export function killContainer(c: Cluster, node: string, pod: KObject, w: PodWorker, r: ContainerRun, graceSec: number): void {
  if (r.stage !== 'running' || r.killing) return
  r.killing = true
  const look = lookupImage(specOf(pod, r.name)?.spec?.image ?? '')
  const reaction = look.ok && r.proc ? sigtermReaction(look.info, r.proc) : { afterMs: 0, code: 0 }
  const graceMs = Math.max(0, graceSec) * 1000
  if (reaction && reaction.afterMs <= graceMs) {
    c.schedule(reaction.afterMs, { type: 'kubelet.exit', node, podUid: w.uid, container: r.name, instance: r.instance, code: reaction.code })
  } else {
    c.schedule(graceMs, { type: 'kubelet.exit', node, podUid: w.uid, container: r.name, instance: r.instance, code: 137 })
  }
}

function isSidecarRun(pod: KObject, r: ContainerRun): boolean {
  return r.kind === 'init' && isSidecar(specOf(pod, r.name)?.spec)
}

function terminate(c: Cluster, node: string, pod: KObject, w: PodWorker): boolean {
  if (!w.terminating) {
    const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30
    w.terminating = { deadline: c.now + grace * 1000 }
    // Containers that never started will not start now.
    for (const r of Object.values(w.containers)) {
      if (r.stage === 'running') {
        if (isSidecarRun(pod, r)) continue // stopped after the others (below)
        const f = specOf(pod, r.name)
        recordEvent(c, src(node), pod, 'Normal', 'Killing', `Stopping container ${r.name}`, f?.fieldPath)
        r.killing = false
        killContainer(c, node, pod, w, r, grace)
      } else if (r.stage === 'pulling') {
        r.stage = r.instance > 0 ? 'exited' : 'idle'
        r.pull = undefined
      }
    }
    c.scheduleAt(w.terminating.deadline, { type: 'kubelet.sync', node, podUid: w.uid })
  }
  if (c.now >= w.terminating.deadline) {
    for (const r of Object.values(w.containers)) if (r.stage === 'running') containerExited(c, node, w, r, 137)
  }
  // Sidecars are stopped once every other container has exited, with the grace time left.
  const others = Object.values(w.containers).filter((r) => !isSidecarRun(pod, r))
  if (others.every((r) => r.stage !== 'running')) {
    for (const r of Object.values(w.containers)) {
      if (r.stage !== 'running' || r.killing || !isSidecarRun(pod, r)) continue
      recordEvent(c, src(node), pod, 'Normal', 'Killing', `Stopping container ${r.name}`, specOf(pod, r.name)?.fieldPath)
      killContainer(c, node, pod, w, r, Math.max(0, Math.floor((w.terminating.deadline - c.now) / 1000)))
    }
  }
  return Object.values(w.containers).every((r) => r.stage !== 'running')
}

/** Writes the pod's status if it changed (one write per handler). */
export function flush(c: Cluster, node: string, w: PodWorker): void {
  const nowTs = rfc3339(c.now)
  c.client(actor(node)).updateStatus('pods', w.namespace, w.name, (p) => {
    if (p.metadata.uid !== w.uid) return false
    const st = buildPodStatus(p, w, hostIPOf(c, node), nowTs)
    if (JSON.stringify(st) === JSON.stringify(p.status ?? null)) return false
    p.status = st
  })
}

/** Forgets a pod: its IP goes back to the pool, its timers are dropped. */
export function removeWorker(c: Cluster, node: string, uid: string): void {
  const st = peekKubelet(c, node)
  if (!st?.pods[uid]) return
  delete st.pods[uid]
  releasePodIP(c, node, uid)
  removeWhere(c.state.queue, (ev) => ev.node === node && ev.podUid === uid && String(ev.type).startsWith('kubelet.'))
}

/** One pass of the pod worker. */
export function syncPod(c: Cluster, node: string, namespace: string, name: string, uid?: string): void {
  const m = c.state.machines[node]
  if (!m || !m.kubeletRunning) return
  const st = kubeletState(c, node)
  const pod = c.client(actor(node)).get('pods', namespace, name)
  if (!pod || pod.spec?.nodeName !== node || (uid && pod.metadata.uid !== uid)) {
    if (uid) removeWorker(c, node, uid)
    return
  }
  let w = st.pods[pod.metadata.uid]
  if (!w) {
    const phase = pod.status?.phase
    if (phase === 'Succeeded' || phase === 'Failed') return
    if (!pod.metadata.deletionTimestamp) {
      const others: KObject[] = []
      for (const o of Object.values(st.pods)) {
        if (o.terminal) continue
        const op = c.api.get('pods', o.namespace, o.name)
        if (op) others.push(op)
      }
      const rejected = admitPod(c, node, pod, others)
      if (rejected) {
        // rejectPod: event + terminal status, the pod never runs here.
        recordEvent(c, src(node), pod, 'Warning', rejected.reason, rejected.message)
        c.client(actor(node)).updateStatus('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
          p.status = { ...(p.status ?? {}), phase: 'Failed', reason: rejected.reason, message: `Pod was rejected: ${rejected.message}`, startTime: rfc3339(c.now) }
        })
        return
      }
    }
    w = {
      uid: pod.metadata.uid,
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      sandbox: 'creating',
      sandboxReadyAt: c.now + SANDBOX_MS,
      startTime: rfc3339(c.now),
      containers: {},
      pullBackoff: {},
    }
    st.pods[w.uid] = w
    c.schedule(SANDBOX_MS, { type: 'kubelet.sync', node, podUid: w.uid })
  }
  if (pod.metadata.deletionTimestamp) {
    if (terminate(c, node, pod, w)) {
      flush(c, node, w)
      removeWorker(c, node, w.uid)
      c.client(actor(node)).delete('pods', w.namespace, w.name, { gracePeriodSeconds: 0, uid: w.uid })
      return
    }
    flush(c, node, w)
    return
  }
  if (w.sandbox === 'creating') {
    if (c.now < w.sandboxReadyAt) return flush(c, node, w)
    const ip = pod.spec?.hostNetwork ? m.ip : allocatePodIP(c, node, `10.244.${m.index}.0/24`, w.uid)
    if (!ip) {
      // CNI ADD failed (host-local range exhausted): the sandbox is retried on the next sync.
      const id = randomHex(c.state, 64)
      recordEvent(c, src(node), pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.${m.index}.1-10.244.${m.index}.254`)
      w.sandboxReadyAt = c.now + SANDBOX_RETRY_MS
      c.schedule(SANDBOX_RETRY_MS, { type: 'kubelet.sync', node, podUid: w.uid })
      return flush(c, node, w)
    }
    w.ip = ip
    w.sandbox = 'ready'
  }
  if (!w.terminal) {
    const inits: Json[] = pod.spec?.initContainers ?? []
    let initialized = true
    for (const ic of inits) {
      const r = w.containers[ic.name]
      if (initDone(ic, r)) {
        if (isSidecar(ic)) advance(c, node, pod, w, ic.name) // keep sidecars running
        continue
      }
      const after = advance(c, node, pod, w, ic.name)
      if (!initDone(ic, after)) {
        initialized = false
        break
      }
    }
    if (initialized) for (const ct of pod.spec?.containers ?? []) advance(c, node, pod, w, ct.name)
    for (const ec of pod.spec?.ephemeralContainers ?? []) {
      const r = w.containers[ec.name]
      if (!r || r.stage === 'idle' || r.stage === 'pulling') advance(c, node, pod, w, ec.name)
    }
    const phase = buildPodStatus(pod, w, m.ip, rfc3339(c.now)).phase
    if (phase === 'Succeeded' || phase === 'Failed') {
      w.terminal = phase
      // Sidecars (and anything else still running) are stopped once the pod is finished.
      const grace = pod.spec?.terminationGracePeriodSeconds ?? 30
      for (const r of Object.values(w.containers)) {
        if (r.stage !== 'running') continue
        recordEvent(c, src(node), pod, 'Normal', 'Killing', `Stopping container ${r.name}`, specOf(pod, r.name)?.fieldPath)
        killContainer(c, node, pod, w, r, grace)
      }
      // The sandbox of a finished pod is torn down: CNI DEL frees the IP (the status keeps it).
      releasePodIP(c, node, w.uid)
    }
  }
  flush(c, node, w)
}

/** Resumes a container's process (its `wait` step is due). */
export function resume(c: Cluster, node: string, uid: string, name: string, instance: number): void {
  const w = peekKubelet(c, node)?.pods[uid]
  const r = w?.containers[name]
  if (!w || !r || r.instance !== instance || r.stage !== 'running' || !r.proc) return
  const pod = c.api.get('pods', w.namespace, w.name)
  const f = pod && specOf(pod, name)
  if (!pod || !f) return
  const look = lookupImage(f.spec.image ?? '')
  if (!look.ok) return
  r.waitUntil = undefined
  const host = processHost(c, node, pod, w, f.spec, logWriter(c, node, uid, name, instance))
  const { state, step } = resumeProcess(host, look.info, r.proc)
  r.proc = state
  handleStep(c, node, w, r, step)
  syncPod(c, node, w.namespace, w.name, uid)
}
