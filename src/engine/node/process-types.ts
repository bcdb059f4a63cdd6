// Contract between the kubelet (which starts, resumes and signals container processes) and the
// process model (image catalog + shell model) that decides what a process does over time.
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'

/** What the kubelet hands a process: where it runs and how to write its output. */
export interface ProcessHost {
  c: Cluster
  pod: KObject
  /** Container name (app, init or ephemeral). */
  container: string
  node: string
  /** Environment as the container sees it (spec env + Service env vars + HOSTNAME, PATH, …). */
  env: Record<string, string>
  privileged: boolean
  /** Appends to the container's log (kubectl logs) or the exec session's output. */
  write(stream: 'stdout' | 'stderr', text: string): void
}

/** What a process does next. */
export type ProcessStep =
  /** Run again (resumeProcess) at this sim time. */
  | { kind: 'wait'; until: number }
  /** The process exited. */
  | { kind: 'exit'; code: number; /** e.g. OOMKilled; Completed/Error are derived from the code */ reason?: string }
  /** A long-running server: idle until signalled. */
  | { kind: 'serve' }

/** Opaque, plain-JSON process state, stored by the kubelet and handed back on resume. */
export type ProcessState = Record<string, unknown>

/** How a process reacts to SIGTERM: exits after `afterMs` with `code`, or ignores it (null). */
export type SigtermReaction = { afterMs: number; code: number } | null
