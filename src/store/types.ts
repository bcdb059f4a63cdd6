// Plain data the store persists and shares: a run is { seed, cluster config, command log }.
import type { Action, NetworkBackend } from '../engine'

/** Results of store operations: errors are values with a message a learner can read. */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; message: string }

export interface RunConfig {
  workers: number
  /** Worker capacity, Kubernetes quantities. */
  cpu: string
  memory: string
  network: NetworkBackend
}

export type LogEntry =
  /** A terminal line (`kubectl …` or `podflow …`), with the heredoc/stdin body for `-f -`. */
  | { at: number; kind: 'kubectl'; payload: { line: string; stdin?: string } }
  /** An engine poke (cluster.act). */
  | { at: number; kind: 'action'; payload: Action }

/** A log entry before it gets its time. */
export type NewLogEntry = LogEntry extends infer E ? (E extends LogEntry ? Omit<E, 'at'> : never) : never

export const RUN_SCHEMA = 1

export interface Run {
  v: typeof RUN_SCHEMA
  seed: number
  config: RunConfig
  log: LogEntry[]
  /** Sim ms the run was at (the view time) when saved or shared. */
  time?: number
}

/** The subset of the Web Storage API the store uses (localStorage, or a Map-backed fake in tests). */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem?(key: string): void
}

/** What a terminal line or an action printed. */
export interface CommandOutput {
  exitCode: number
  /** stdout and stderr interleaved as a terminal shows them (filters applied to stdout). */
  output: string
}

/** A saved cluster state: restore it and replay the log from `logIndex` to reach any later time. */
export interface Checkpoint {
  at: number
  /** Number of log entries already applied when the snapshot was taken. */
  logIndex: number
  state: import('../engine').ClusterState
}
