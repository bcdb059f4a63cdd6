// The store's state shape: one interface per slice (src/store/slices/*), merged.
import type { Action, Changes, Cluster, KObject, Machine } from '../engine'
import type { CheckpointPolicy } from './checkpoint-policy'
import type { Checkpoint, CommandOutput, LogEntry, Run, RunConfig, StorageLike, StoreResult } from './types'

export interface EngineSlice {
  /** The engine handle. Components read through the helpers below and never call the engine. */
  cluster: Cluster
  /** Bumped after every engine step (tick, step, command, seek): subscribe to this, cheaply. */
  version: number
  /** Bumped when the cluster object is replaced (seek back, load): re-read every id list. */
  epoch: number
  /** Object ids (`plural/key`) changed by the last engine step (empty after a replacement). */
  lastChanges: Changes
  /** Ids `plural/key` of the objects of a kind, sorted. */
  objectIds(plural: string): string[]
  podIds(): string[]
  nodeIds(): string[]
  /** The stored object (read-only by convention) for an id `plural/key`. */
  object(id: string): KObject | undefined
  /** The machine behind a node (kubelet running or not), by node name. */
  machine(name: string): Machine | undefined
}

export interface PlaybackSlice {
  paused: boolean
  /** Sim ms per wall ms, 0.25–100. */
  speed: number
  /** Sim time shown (integer ms, equals cluster.now). */
  viewTime: number
  play(): void
  pause(): void
  togglePlay(): void
  setSpeed(speed: number): void
  /** One step up/down the speed ladder ([ and ]). */
  faster(): void
  slower(): void
  /** Advances to the next engine event (and everything due at that instant). */
  stepEvent(): Promise<void>
  /** Advances `ms` of sim time. */
  stepBy(ms: number): Promise<void>
  /** Maps wall time to sim time (called by the requestAnimationFrame loop). */
  tick(wallDeltaMs: number): Promise<void>
}

export interface RunSlice {
  seed: number
  config: RunConfig
  log: LogEntry[]
  /** Log entries applied to the current cluster; < log.length while in the past. */
  applied: number
  /** The furthest sim time this timeline reached; viewTime < headTime means "in the past". */
  headTime: number
  /** Sim time of the boot (the first checkpoint); the timeline's start. */
  bootTime: number
  /** A message for the learner (fork, bad share link, failed save); clear with clearNotice. */
  notice: string | null
  /** An async operation (command, replay) is running. */
  busy: boolean
  /** Runs a terminal line (`kubectl …` or `podflow …`), records it in the log. */
  runKubectl(line: string, stdin?: string): Promise<CommandOutput>
  /** Applies an engine poke (cluster.act), records it in the log. */
  act(action: Action): Promise<CommandOutput>
  clearNotice(): void
  /** Replaces the run: fresh cluster from seed/config, then replays the log up to run.time. */
  loadRun(run: Run): Promise<void>
  /** The run as persisted/shared (time = viewTime). */
  exportRun(): Run
  /** Resolves when no command or replay is running. */
  whenIdle(): Promise<void>
}

export interface CheckpointSlice {
  /** Sorted by (at, logIndex). */
  checkpoints: Checkpoint[]
  policy: CheckpointPolicy
  /** Restores the nearest checkpoint at or before simMs and replays the log (clamped to bootTime..headTime). */
  seek(simMs: number): Promise<void>
}

export interface SelectionSlice {
  /** Selected object id `plural/key`, or null. */
  selected: string | null
  select(id: string | null): void
}

export type ViewName = 'workloads' | 'control-plane' | 'network'
export type Theme = 'dark' | 'light'
export type Language = 'en' | 'zh'

export interface ViewSlice {
  view: ViewName
  theme: Theme
  language: Language
  setView(view: ViewName): void
  setTheme(theme: Theme): void
  setLanguage(language: Language): void
}

export interface PersistenceSlice {
  /** Wall ms of the last autosave (from the injected clock), or null. */
  lastSavedAt: number | null
  /** Saves now (force) or when the throttle allows. */
  save(force?: boolean): void
  /** Loads the autosaved run into the store; leaves the store as is on failure. */
  loadFromStorage(): Promise<StoreResult<Run>>
  /** `base` with `#run=…` for the current run. */
  shareUrl(base: string): string
}

export type PodflowState = EngineSlice & PlaybackSlice & RunSlice & CheckpointSlice & SelectionSlice & ViewSlice & PersistenceSlice

export interface StoreContext {
  storage?: StorageLike
  /** Wall clock (ms) for throttling saves. */
  now: () => number
  saveThrottleMs: number
  /** The running async operation, if any. */
  running: Promise<void> | null
  /** Fractional sim ms carried between ticks. */
  frac: number
  dirty: boolean
}
