// `kubectl exec`: a process started in a running container's context (CRI ExecSync/Exec,
// runc exec). Errors as the API server / kubelet / containerd word them.
import type { Cluster } from '../../cluster'
import { fail, ok, type Result } from '../../api/types'
import { lookupImage } from '../images/catalog'
import { hasExecutable, startProcess, resumeProcess } from '../process'
import type { ProcessState, ProcessStep } from '../process-types'
import { peekKubelet, processHost, specOf } from './worker'
import { appendLog } from './log-buffer'

 
type Json = any

interface ExecSession {
  id: string
  namespace: string
  pod: string
  podUid: string
  node: string
  container: string
  done: boolean
  stdout: string
  stderr: string
  exitCode: number | null
  proc?: ProcessState
}

interface ExecState {
  seq: number
  sessions: Record<string, ExecSession>
}

const MAX_SESSIONS = 50

function execState(c: Cluster): ExecState {
  return c.slot<ExecState>('kubelet-exec', () => ({ seq: 0, sessions: {} }))
}

const bad = <T>(message: string) => fail<T>({ code: 400, reason: 'BadRequest', message })

function writer(c: Cluster, id: string) {
  return (stream: 'stdout' | 'stderr', text: string) => {
    const s = execState(c).sessions[id]
    if (!s) return
    if (stream === 'stdout') s.stdout = appendLog(s.stdout, text)
    else s.stderr = appendLog(s.stderr, text)
  }
}

function finishStep(c: Cluster, s: ExecSession, step: ProcessStep): void {
  if (step.kind === 'exit') {
    s.done = true
    s.exitCode = step.code
    s.proc = undefined
  } else if (step.kind === 'wait') {
    c.scheduleAt(step.until, { type: 'kubelet.exec.resume', id: s.id })
  }
}

export function startExec(c: Cluster, req: { namespace: string; pod: string; container?: string; argv: string[]; stdin?: string; tty?: boolean }): Result<{ id: string; container: string }> {
  const p = c.api.get('pods', req.namespace, req.pod)
  if (!p) return fail({ code: 404, reason: 'NotFound', message: `pods "${req.pod}" not found`, details: { name: req.pod, kind: 'pods' } })
  const phase = p.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return bad(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  const spec = p.spec ?? {}
  const name = req.container ?? spec.containers?.[0]?.name
  const found = name ? specOf(p, name) : undefined
  if (!name || !found) return bad(`container ${name} is not valid for pod ${req.pod}`)
  const node = spec.nodeName as string | undefined
  // The apiserver's exec subresource needs a node to proxy to (pkg/registry/core/pod/strategy.go ExecLocation).
  if (!node) return bad(`pod ${req.pod} does not have a host assigned`)
  const w = node ? peekKubelet(c, node)?.pods[p.metadata.uid] : undefined
  const r = w?.containers[name]
  if (!node || !w || !r || r.stage !== 'running' || !c.state.machines[node]?.kubeletRunning) {
    return bad(`unable to upgrade connection: container not found ("${name}")`)
  }
  const st = execState(c)
  const id = `exec-${++st.seq}`
  const s: ExecSession = { id, namespace: req.namespace, pod: req.pod, podUid: p.metadata.uid, node, container: name, done: false, stdout: '', stderr: '', exitCode: null }
  st.sessions[id] = s
  const ids = Object.keys(st.sessions)
  if (ids.length > MAX_SESSIONS) for (const old of ids.slice(0, ids.length - MAX_SESSIONS)) if (st.sessions[old].done) delete st.sessions[old]
  const look = lookupImage(found.spec.image ?? '')
  const argv = req.argv
  if (!look.ok || !argv.length || !hasExecutable(look.info, argv[0])) {
    // runc's error surfaced by containerd through the exec stream; kubectl exits with 126.
    s.stdout = `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown\r\n`
    s.done = true
    s.exitCode = 126
    return ok({ id, container: name })
  }
  const host = processHost(c, node, p, w, found.spec as Json, writer(c, id))
  const { state, step } = startProcess(host, look.info, argv)
  s.proc = state
  finishStep(c, s, step)
  return ok({ id, container: name })
}

export function resumeExec(c: Cluster, id: string): void {
  const s = execState(c).sessions[id]
  if (!s || s.done || !s.proc) return
  const p = c.api.get('pods', s.namespace, s.pod)
  const w = peekKubelet(c, s.node)?.pods[s.podUid]
  const r = w?.containers[s.container]
  const f = p && specOf(p, s.container)
  const look = f ? lookupImage(f.spec.image ?? '') : undefined
  if (!p || !w || !r || r.stage !== 'running' || !f || !look?.ok) {
    s.done = true
    s.exitCode = 137 // the container went away under the session
    return
  }
  const host = processHost(c, s.node, p, w, f.spec, writer(c, id))
  const { state, step } = resumeProcess(host, look.info, s.proc)
  s.proc = state
  finishStep(c, s, step)
}

export function execStatus(c: Cluster, id: string): { done: boolean; stdout: string; stderr: string; exitCode: number | null } {
  const s = execState(c).sessions[id]
  if (!s) return { done: true, stdout: '', stderr: '', exitCode: null }
  return { done: s.done, stdout: s.stdout, stderr: s.stderr, exitCode: s.exitCode }
}
