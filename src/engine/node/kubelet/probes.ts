// Running a probe and acting on its result (k/k pkg/kubelet/prober/prober.go runProbe,
// worker.go doProbe; pkg/probe/http, pkg/probe/tcp, pkg/probe/exec). httpGet/tcpSocket go
// through the pod network from the node; exec runs a process in the container.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { recordEvent } from '../../api/events'
import { podNetwork } from '../../network/types'
import { lookupImage } from '../images/catalog'
import { hasExecutable, startProcess, resumeProcess } from '../process'
import { flush, hostIPOf, peekKubelet, killContainer, processHost, specOf, syncPod } from './worker'
import { probeOf, probeSettings, type ProbeKind } from './probe-schedule'
import type { ContainerRun, PodWorker } from './types'

 
type Json = any

function resolvePort(spec: Json, port: unknown): number {
  if (typeof port === 'number') return port
  const named = (spec.ports ?? []).find((p: Json) => p.name === port)
  return named ? named.containerPort : Number(port)
}

export function runProbe(c: Cluster, node: string, pod: KObject, w: PodWorker, spec: Json, probe: Json): { ok: boolean; output: string } {
  const s = probeSettings(probe)
  const podIP = w.ip ?? hostIPOf(c, node)
  if (probe.httpGet) {
    const g = probe.httpGet
    const host = g.host || podIP
    const port = resolvePort(spec, g.port)
    const scheme = String(g.scheme ?? 'HTTP').toLowerCase()
    const path = g.path ?? '/'
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : '/' + path}`
    const res = podNetwork().http(c, { pod, node }, url, { timeoutMs: s.timeoutMs })
    if (res.ok) {
      if (res.status >= 200 && res.status < 400) return { ok: true, output: '' }
      return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` }
    }
    if (res.error === 'refused') return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` }
    if (res.error === 'timeout') return { ok: false, output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` }
    return { ok: false, output: `Get "${url}": ${res.message}` }
  }
  if (probe.tcpSocket) {
    const host = probe.tcpSocket.host || podIP
    const port = resolvePort(spec, probe.tcpSocket.port)
    const res = podNetwork().tcp(c, { pod, node }, host, port, { timeoutMs: s.timeoutMs })
    if (res.ok) return { ok: true, output: '' }
    if (res.error === 'timeout') return { ok: false, output: `dial tcp ${host}:${port}: i/o timeout` }
    return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` }
  }
  if (probe.exec) {
    const argv: string[] = probe.exec.command ?? []
    const look = lookupImage(spec.image ?? '')
    if (!look.ok) return { ok: false, output: '' }
    if (!argv.length || !hasExecutable(look.info, argv[0])) {
      return { ok: false, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown` }
    }
    let out = ''
    const host = processHost(c, node, pod, w, spec, (_s, text) => { out += text })
    let { state, step } = startProcess(host, look.info, argv)
    const deadline = c.now + s.timeoutMs
    // The probe waits for the command synchronously; a command still running at the timeout fails.
    for (let i = 0; i < 1000 && step.kind === 'wait' && step.until <= deadline; i++) ({ state, step } = resumeProcess(host, look.info, state))
    if (step.kind !== 'exit') return { ok: false, output: `command ${JSON.stringify(argv.join(' '))} timed out` }
    return { ok: step.code === 0, output: out.trim() }
  }
  return { ok: true, output: '' } // grpc and unknown handlers: treated as healthy
}

const LABEL: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' }

/** One probe tick for one container instance. */
export function probeTick(c: Cluster, node: string, uid: string, name: string, instance: number, kind: ProbeKind): void {
  if (!c.state.machines[node]?.kubeletRunning) return
  const w = peekKubelet(c, node)?.pods[uid]
  const r: ContainerRun | undefined = w?.containers[name]
  if (!w || !r || r.instance !== instance || r.stage !== 'running' || r.killing || w.terminating) return
  const pod = c.api.get('pods', w.namespace, w.name)
  const f = pod && specOf(pod, name)
  const probe = f && probeOf(f.spec, kind)
  const counters = r.probes[kind]
  if (!pod || !f || !probe || !counters) return
  const s = probeSettings(probe)
  const again = () => c.schedule(s.periodMs, { type: 'kubelet.probe', node, podUid: uid, container: name, instance, probe: kind })
  if (kind === 'startup' && r.started) return
  if (kind !== 'startup' && !r.started) return again() // liveness/readiness wait for the startup probe
  const res = runProbe(c, node, pod, w, f.spec, probe)
  if (res.ok) {
    counters.failures = 0
    counters.successes++
    if (counters.successes >= s.success) counters.ok = true
    if (kind === 'startup') {
      r.started = true
      flush(c, node, w)
      return
    }
  } else {
    counters.successes = 0
    counters.failures++
    recordEvent(c, { component: 'kubelet', host: node }, pod, 'Warning', 'Unhealthy', `${LABEL[kind]} probe failed: ${res.output}`, f.fieldPath)
    if (counters.failures >= s.failure) {
      counters.ok = false
      if (kind !== 'readiness') {
        recordEvent(c, { component: 'kubelet', host: node }, pod, 'Normal', 'Killing', `Container ${name} failed ${kind} probe, will be restarted`, f.fieldPath)
        const grace = probe.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30
        killContainer(c, node, pod, w, r, grace)
        flush(c, node, w)
        return
      }
    }
  }
  again()
  syncPod(c, node, w.namespace, w.name, uid)
}
