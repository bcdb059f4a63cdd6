// What a pod card shows, derived from the pod object alone (pure; tested without React):
// kubectl's STATUS text, a tone for the card, the sandbox, the init strip and the app containers.
import type { KObject } from '../../engine'
import { podStatusSummary } from '../../store'
import type { Tone } from '../palette'

type Json = any

export interface ContainerView {
  name: string
  tone: Tone
  /** waiting reason / terminated reason / "running". */
  state: string
  restarts: number
  ready: boolean
}

export interface PodView {
  name: string
  namespace: string
  ip: string
  status: string
  ready: string
  restarts: string
  tone: Tone
  terminating: boolean
  /** The pause sandbox is up (PodReadyToStartContainers). */
  sandbox: Tone
  init: ContainerView[]
  containers: ContainerView[]
}

const FAILED = /(Err|BackOff|Error|OOMKilled|Invalid|Failed|Evicted|Unknown|NodeLost|ContainerStatusUnknown|DeadlineExceeded)/

/** The card's tone from kubectl's STATUS column and readiness. */
export function statusTone(status: string, ready: string): Tone {
  if (status === 'Terminating') return 'off'
  if (FAILED.test(status)) return 'failed'
  if (status === 'Completed' || status === 'Succeeded') return 'done'
  if (status === 'Running') {
    const [r, t] = ready.split('/').map(Number)
    return r === t ? 'ok' : 'progress'
  }
  if (status === 'Pending' || status === '') return 'waiting'
  return 'progress'
}

function containerView(spec: Json, st: Json | undefined, isInit: boolean): ContainerView {
  const name = String(spec?.name ?? '?')
  const restarts = Number(st?.restartCount ?? 0)
  const ready = Boolean(st?.ready)
  const s = st?.state ?? {}
  if (s.running) return { name, tone: ready || isInit ? 'ok' : 'progress', state: 'running', restarts, ready }
  if (s.terminated) {
    const code = Number(s.terminated.exitCode ?? 0)
    return { name, tone: code === 0 ? 'done' : 'failed', state: s.terminated.reason ?? (code === 0 ? 'Completed' : 'Error'), restarts, ready }
  }
  const reason: string = s.waiting?.reason ?? 'Waiting'
  const failedBefore = Number(st?.lastState?.terminated?.exitCode ?? 0) !== 0
  return { name, tone: FAILED.test(reason) || failedBefore ? 'failed' : 'waiting', state: reason, restarts, ready }
}

export function podView(pod: KObject, now: number): PodView {
  const spec = pod.spec ?? {}
  const status = pod.status ?? {}
  const sum = podStatusSummary(pod, now)
  const byName = (list: Json[] | undefined) => new Map((list ?? []).map((s: Json) => [s.name, s]))
  const initSt = byName(status.initContainerStatuses)
  const appSt = byName(status.containerStatuses)
  const sandboxUp = (status.conditions ?? []).some((c: Json) => c.type === 'PodReadyToStartContainers' && c.status === 'True')
  return {
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    ip: status.podIP ?? '',
    status: sum.status,
    ready: sum.ready,
    restarts: sum.restarts,
    tone: statusTone(sum.status, sum.ready),
    terminating: Boolean(pod.metadata.deletionTimestamp),
    sandbox: sandboxUp ? 'ok' : spec.nodeName ? 'waiting' : 'off',
    init: (spec.initContainers ?? []).map((ct: Json) => containerView(ct, initSt.get(ct.name), true)),
    containers: (spec.containers ?? []).map((ct: Json) => containerView(ct, appSt.get(ct.name), false)),
  }
}
