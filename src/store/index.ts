// The Podflow store: one vanilla zustand store built from slices (src/store/slices/*). Store
// actions are the only code that calls the engine; the UI subscribes to ids and `version`.
import { createStore, type StoreApi } from 'zustand/vanilla'
import { bootCluster, type BootImage } from './boot-image'
import type { CheckpointPolicy } from './checkpoint-policy'
import { runFromUrl } from './codec'
import { defaultRun } from './run-config'
import { demoRun } from './demo'
import { checkpointSlice } from './slices/checkpoints'
import { engineSlice } from './slices/engine'
import { inspectSlice } from './slices/inspect'
import { persistenceSlice, readSavedRun } from './slices/persistence'
import { playbackSlice } from './slices/playback'
import { runSlice } from './slices/run'
import { selectionSlice } from './slices/selection'
import { readPrefs, viewSlice } from './slices/view'
import type { PodflowState, StoreContext } from './state'
import { createTimeline } from './timeline'
import type { Run, StorageLike } from './types'

export interface PodflowStoreOptions {
  /** localStorage or a fake; without it nothing is saved. */
  storage?: StorageLike
  /** Wall clock (ms), for throttling autosaves. */
  now?: () => number
  /** The run to start with (default: the default cluster). Replayed asynchronously: await whenIdle(). */
  initialRun?: Run
  /** Start paused (tests, the share-link preview). */
  paused?: boolean
  checkpoints?: Partial<CheckpointPolicy>
  /** Minimum wall ms between throttled autosaves (default 2000). */
  saveThrottleMs?: number
  /** A precomputed boot state (used when its seed and config match the run's). */
  bootImage?: BootImage | null
}

export type PodflowStore = StoreApi<PodflowState>

export function createPodflowStore(opts: PodflowStoreOptions = {}): PodflowStore {
  const run = opts.initialRun ?? defaultRun()
  const ctx: StoreContext = {
    storage: opts.storage,
    now: opts.now ?? (() => Date.now()),
    saveThrottleMs: opts.saveThrottleMs ?? 2000,
    running: null,
    frac: 0,
    dirty: false,
    bootImage: opts.bootImage ?? null,
  }
  const cluster = bootCluster(run, ctx.bootImage)
  const boot = { at: cluster.now, state: cluster.snapshot() }
  const store = createStore<PodflowState>()((set, get, api) => {
    const tl = createTimeline(set, get, ctx)
    return {
      ...engineSlice(cluster)(set, get, api),
      ...playbackSlice(ctx, tl, cluster.now)(set, get, api),
      ...runSlice(tl, run, cluster.now)(set, get, api),
      ...checkpointSlice(tl, boot, opts.checkpoints)(set, get, api),
      ...selectionSlice(set, get, api),
      ...viewSlice(ctx, readPrefs(ctx))(set, get, api),
      ...persistenceSlice(ctx, tl)(set, get, api),
      ...inspectSlice(set, get, api),
    }
  })
  if (opts.paused) store.setState({ paused: true })
  // The log and saved time are applied by the timeline (with checkpoints on the way).
  if (run.log.length || (run.time ?? 0) > cluster.now) void store.getState().loadRun(run)
  return store
}

/**
 * The run the app starts with: a `#run=` link first (a bad one gives the demo cluster and a
 * message), then the autosave, then the demo cluster (the default cluster with a small app).
 */
export function initialRunFrom(opts: { href?: string; storage?: StorageLike }): { run: Run; source: 'link' | 'saved' | 'default'; notice?: string } {
  const fromLink = opts.href !== undefined ? runFromUrl(opts.href) : undefined
  if (fromLink?.ok) return { run: fromLink.value, source: 'link' }
  if (fromLink && !fromLink.ok) return { run: demoRun(), source: 'default', notice: fromLink.message }
  const saved = readSavedRun(opts.storage)
  if (saved?.ok) return { run: saved.value, source: 'saved' }
  return { run: demoRun(), source: 'default', notice: saved && !saved.ok ? `The saved run could not be restored (${saved.message}); starting a new cluster.` : undefined }
}

export { decodeRun, encodeRun, runFromUrl, shareUrl, validateRun, runFromJson, runToJson, LIMITS } from './codec'
export { defaultRun, createOptions, DEFAULT_RUN_CONFIG } from './run-config'
export { makeBootImage, bootCluster, type BootImage } from './boot-image'
export { demoRun, DEMO_MANIFEST } from './demo'
export { readSavedRun, RUN_KEY } from './slices/persistence'
export { PREFS_KEY } from './slices/view'
export { SPEEDS, MIN_SPEED, MAX_SPEED } from './slices/playback'
export { parseId } from './slices/engine'
export { formatCpu, formatMemory, timestampMs } from './slices/inspect'
export type { EndpointAddress, EventRow, NodeAllocation, ObjectLink, OwnerLinks, PodRequest, SchedulingReason, ServiceEndpoints, TableRow } from './slices/inspect'
export { actionLine, parseLine } from './command'
export { startPlaybackLoop } from './loop'
export { DEFAULT_POLICY, thinCheckpoints } from './checkpoint-policy'
export type { CheckpointPolicy } from './checkpoint-policy'
export type * from './state'
export type * from './types'
export { ACTIONS, actionById, actionsFor, actionForShortcut, performAction, targetOf, CLUSTER, GALLERY } from './actions/registry'
export type { ActionInput, ActionTarget, Dispatch, InputField, UserAction, GalleryItem } from './actions/registry'
export { podStatusSummary, humanDuration, clockAt, simTimeOf, type PodStatusSummary } from './views'
