// READY / STATUS / RESTARTS of `kubectl get pods`, computed literally as the apiserver's table
// printer does. Source: k/k pkg/printers/internalversion/printers.go printPod (v1.30).
import type { KObject } from '../../engine'
import { humanDuration, timeOf } from './duration'

export interface PodStatusSummary {
  ready: string
  status: string
  restarts: string
}

 
type ContainerStatus = any

const hasCondition = (pod: KObject, type: string, status?: string, reason?: string): boolean =>
  ((pod.status?.conditions ?? []) as any[]).some(
    (c) => c.type === type && (status === undefined || c.status === status) && (reason === undefined || c.reason === reason),
  )

const NO_SIDECARS: ReadonlySet<string> = new Set()

/** Latest of two sim-ms instants where undefined is Go's zero time. */
const later = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b)

/** printPod's READY, STATUS and RESTARTS cells for `pod` at sim time `now` (ms). */
export function podStatusSummary(pod: KObject, now: number): PodStatusSummary {
  const spec = pod.spec ?? {}
  const status = pod.status ?? {}
  const initSpecs: any[] = spec.initContainers ?? []
  const isSidecar = initSpecs.length ? new Set(initSpecs.filter((c) => c?.restartPolicy === 'Always').map((c) => c.name)) : NO_SIDECARS

  let restarts = 0
  let sidecarRestarts = 0
  const total = (spec.containers ?? []).length + isSidecar.size
  let ready = 0
  let lastRestart: number | undefined
  let lastSidecarRestart: number | undefined

  let reason: string = status.reason || status.phase || ''
  if (hasCondition(pod, 'PodScheduled', undefined, 'SchedulingGated')) reason = 'SchedulingGated'

  let initializing = false
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]
    restarts += cs.restartCount ?? 0
    const finished = timeOf(cs.lastState?.terminated?.finishedAt)
    lastRestart = later(lastRestart, finished)
    const sidecar = isSidecar.has(cs.name)
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0
      lastSidecarRestart = later(lastSidecarRestart, finished)
    }
    const term = cs.state?.terminated
    const wait = cs.state?.waiting
    if (term && term.exitCode === 0) continue
    if (sidecar && cs.started === true) {
      if (cs.ready) ready++
      continue
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`
      else reason = 'Init:' + term.reason
      initializing = true
    } else if (wait && wait.reason && wait.reason !== 'PodInitializing') {
      reason = 'Init:' + wait.reason
      initializing = true
    } else {
      reason = `Init:${i}/${initSpecs.length}`
      initializing = true
    }
    break
  }

  if (!initializing || hasCondition(pod, 'Initialized', 'True')) {
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    let hasRunning = false
    const statuses: ContainerStatus[] = status.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]
      restarts += cs.restartCount ?? 0
      lastRestart = later(lastRestart, timeOf(cs.lastState?.terminated?.finishedAt))
      const wait = cs.state?.waiting
      const term = cs.state?.terminated
      if (wait && wait.reason) reason = wait.reason
      else if (term && term.reason) reason = term.reason
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`
      else if (cs.ready && cs.state?.running) {
        hasRunning = true
        ready++
      }
    }
    // change pod status back to "Running" if there is at least one container still reporting as "Running" status
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready', 'True') ? 'Running' : 'NotReady'
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating'

  const restartsText =
    restarts === 0 || lastRestart === undefined ? String(restarts) : `${restarts} (${humanDuration(now - lastRestart)} ago)`
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText }
}
