// The kubelet's private, plain-JSON state: one pod worker per pod bound to the node
// (k/k pkg/kubelet/pod_workers.go), with the runtime's view of each container.
import type { ProcessState } from '../process-types'

export interface Terminated {
  exitCode: number
  reason: string
  message?: string
  startedAt: string
  finishedAt: string
  containerID: string
}

/** flowcontrol.Backoff entry (k8s.io/client-go/util/flowcontrol/backoff.go). */
export interface BackoffEntry {
  ms: number
  lastUpdate: number
}

export interface ProbeCounters {
  successes: number
  failures: number
  /** Current result: readiness starts false, liveness/startup start true (Unknown → not acted on). */
  ok: boolean
}

export interface ContainerRun {
  name: string
  kind: 'init' | 'app' | 'ephemeral'
  /** 'idle' (not created yet), 'pulling', 'running', 'exited' */
  stage: 'idle' | 'pulling' | 'running' | 'exited'
  waiting?: { reason: string; message?: string }
  running?: { startedAt: string; startedMs: number; containerID: string }
  terminated?: Terminated
  /** Sim ms of the last exit (doBackOff measures from it). */
  finishedMs?: number
  lastTerminated?: Terminated
  restartCount: number
  /** Container instances created so far (restartCount + 1 once started). */
  instance: number
  started: boolean
  proc?: ProcessState
  /** Pending resume time of a process waiting (for a kubelet restart). */
  waitUntil?: number
  /** Pull in flight: when it was requested, started and ends. */
  pull?: { requested: number; start: number; end: number }
  /** Image this run uses, once known. */
  imageRef?: string
  imageID?: string
  crashBackoff?: BackoffEntry
  /** Earliest time a restart (or pull retry) may happen. */
  retryAt?: number
  /** Being stopped by the kubelet (deletion or failed probe). */
  killing?: boolean
  probes: { liveness?: ProbeCounters; readiness?: ProbeCounters; startup?: ProbeCounters }
  log: string
  prevLog: string
}

export interface PodWorker {
  uid: string
  namespace: string
  name: string
  sandbox: 'creating' | 'ready'
  sandboxReadyAt: number
  ip?: string
  startTime: string
  containers: Record<string, ContainerRun>
  /** Image pull back-off per image (image_manager's backOff keyed by image). */
  pullBackoff: Record<string, BackoffEntry>
  terminating?: { deadline: number }
  /** Phase decided terminal (Succeeded/Failed): nothing is restarted any more. */
  terminal?: 'Succeeded' | 'Failed'
  /** Condition lastTransitionTimes the kubelet keeps stable. */
}

export interface KubeletState {
  pods: Record<string, PodWorker>
}
