// The store's state shape: one interface per slice (src/store/slices/*), merged.
import type { Action, Activity, Changes, Cluster, KObject, Machine } from '../engine'
import type { CheckpointPolicy } from './checkpoint-policy'
import type { Checkpoint, CommandOutput, LogEntry, Run, RunConfig, StorageLike, StoreResult } from './types'
import type { EventRow, NodeAllocation, OwnerLinks, SchedulingReason, ServiceEndpoints, TableRow } from './slices/inspect'

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
  /** API requests and watch deliveries with seq ≥ sinceSeq (for the control-plane animation). */
  activitiesSince(sinceSeq: number): Activity[]
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

/** The bottom dock's tabs (the events feed, the kubectl terminal, the YAML editor). */
export type DockTab = 'events' | 'terminal' | 'editor'

export interface ViewSlice {
  view: ViewName
  theme: Theme
  language: Language
  /** The bottom dock's open tab (not remembered: a visit starts on the events feed). */
  dock: DockTab
  setView(view: ViewName): void
  setTheme(theme: Theme): void
  setLanguage(language: Language): void
  setDock(tab: DockTab): void
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

/**
 * Read-only queries for the Inspector and the Events feed (src/store/slices/inspect.ts): they
 * never record, advance time or write, and return the same reference while their inputs are
 * unchanged (safe in selectors). Ids are `plural/key`.
 */
export interface InspectSlice {
  /** Exactly what `kubectl get -o yaml` prints for the object; undefined when it does not exist. */
  inspectYaml(id: string): string | undefined
  /** What `kubectl describe` prints for the object. */
  inspectDescribe(id: string): string | undefined
  /** The object's `kubectl get -o wide` columns and cells (without NAME). */
  inspectRow(id: string): TableRow | undefined
  /** Events about the object (by uid; by name once it is deleted), oldest first. */
  inspectEvents(id: string): EventRow[]
  /** Every Event, newest last. */
  allEvents(): EventRow[]
  /** `kubectl logs [-p] POD -c CONTAINER`, with the API server's error messages. */
  podLogs(podId: string, container?: string, previous?: boolean): StoreResult<string>
  /** The scheduler's per-node filter results for the pod's last attempt ("Insufficient cpu"). */
  schedulingReasons(podId: string): readonly SchedulingReason[] | undefined
  /** Allocatable vs requested (kubectl describe node's "Allocated resources") and the node's pods. */
  nodeAllocation(nodeName: string): NodeAllocation | undefined
  /** Ready and not-ready addresses of a Service's Endpoints, with their pod ids. */
  serviceEndpoints(serviceId: string): ServiceEndpoints
  /** Owners (ownerReferences) and the objects this one owns. */
  ownerLinks(id: string): OwnerLinks
}

export type PodflowState = EngineSlice & PlaybackSlice & RunSlice & CheckpointSlice & SelectionSlice & ViewSlice & PersistenceSlice & InspectSlice

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
  /** Precomputed boot state for the default seed/config (see boot-image.ts). */
  bootImage: import('./boot-image').BootImage | null
}
