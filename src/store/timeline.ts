// The one place that drives the engine: advancing time (taking checkpoints on the way), applying
// log entries, restoring checkpoints and forking. Slices call these; components never do.
import { restoreCluster, type Cluster } from '../engine'
import { bootCluster } from './boot-image'
import { compareCheckpoints, thinCheckpoints } from './checkpoint-policy'
import { execute, executeAction, parseLine } from './command'
import type { PodflowState, StoreContext } from './state'
import type { Checkpoint, CommandOutput, LogEntry, NewLogEntry, Run } from './types'

type Set = (partial: Partial<PodflowState> | ((s: PodflowState) => Partial<PodflowState>)) => void
type Get = () => PodflowState

export interface Timeline {
  /** Runs `fn` when no other engine operation runs (operations never interleave). */
  exclusive<T>(fn: () => Promise<T>, opts?: { busy?: boolean }): Promise<T>
  /** True while an operation runs (ticks are skipped then). */
  isBusy(): boolean
  /** Advances to sim time `t`, applying the log entries due on the way. */
  advanceTo(t: number): Promise<void>
  /** Restores the nearest checkpoint at or before `t` (no replay). */
  restoreBefore(t: number): void
  /** Records and applies a new entry at the current time (forking first when in the past). */
  record(entry: NewLogEntry): Promise<CommandOutput>
  /** Fresh cluster for a run; replays up to its time. */
  reset(run: Run): Promise<void>
  /** Publishes the engine's progress (version, changes, time) and autosaves. */
  publish(): void
}

export function applyEntry(c: Cluster, e: NewLogEntry): Promise<CommandOutput> | CommandOutput {
  if (e.kind === 'action') return executeAction(c, e.payload)
  const p = parseLine(e.payload.line, e.payload.stdin)
  if (!p.ok) return { exitCode: 1, output: `error: ${p.message}\n` }
  return execute(c, p.value)
}

export function createTimeline(set: Set, get: Get, ctx: StoreContext): Timeline {
  function addCheckpoint(c: Cluster, logIndex: number): void {
    const s = get()
    if (s.checkpoints.some((k) => k.at === c.now && k.logIndex === logIndex)) return
    const k: Checkpoint = { at: c.now, logIndex, state: c.snapshot() }
    const list = [...s.checkpoints, k].sort(compareCheckpoints)
    set({ checkpoints: thinCheckpoints(list, Math.max(s.headTime, c.now), s.policy) })
  }

  /** Runs the engine to `t`, checkpointing at every multiple of the policy's period. */
  function runEngine(t: number): void {
    const s = get()
    const c = s.cluster
    const every = s.policy.everyMs
    for (let k = Math.floor(c.now / every) + 1; k * every <= t; k++) {
      c.runUntil(k * every)
      addCheckpoint(c, get().applied)
    }
    c.runUntil(t)
  }

  async function advanceTo(t: number): Promise<void> {
    t = Math.round(t)
    for (;;) {
      const s = get()
      const next = s.log[s.applied]
      if (!next || next.at > t) break
      runEngine(next.at)
      const r = applyEntry(s.cluster, next)
      if (r instanceof Promise) await r
      set({ applied: s.applied + 1 })
    }
    runEngine(t)
    publish()
  }

  function publish(): void {
    const c = get().cluster
    set((s) => ({ version: s.version + 1, lastChanges: c.changes(), viewTime: c.now, headTime: Math.max(s.headTime, c.now) }))
    ctx.dirty = true
    get().save()
  }

  function restoreBefore(t: number): void {
    const s = get()
    let best: Checkpoint | undefined
    for (const k of s.checkpoints) if (k.at <= t && k.logIndex <= s.log.length) best = k
    if (!best) return
    const c = restoreCluster(best.state)
    set((st) => ({ cluster: c, applied: best.logIndex, epoch: st.epoch + 1, lastChanges: { added: [], updated: [], removed: [] } }))
  }

  /** Acting in the past drops the later log and checkpoints. */
  function forkIfPast(): void {
    const s = get()
    const now = s.cluster.now
    const dropped = s.log.length - s.applied
    if (dropped === 0 && now >= s.headTime) return
    set({
      log: s.log.slice(0, s.applied),
      checkpoints: s.checkpoints.filter((k) => k.at < now || (k.at === now && k.logIndex <= s.applied)),
      headTime: now,
      notice: dropped === 1 ? 'Forked: 1 later command dropped' : `Forked: ${dropped} later commands dropped`,
    })
  }

  async function record(e: NewLogEntry): Promise<CommandOutput> {
    forkIfPast()
    const s = get()
    // Key order as validateRun builds it, so a shared run encodes to the same text.
    const entry = { at: s.cluster.now, ...e } as LogEntry
    set({ log: [...s.log, entry], applied: s.applied + 1 })
    const out = await applyEntry(s.cluster, entry)
    publish()
    get().save(true)
    return out
  }

  async function exclusive<T>(fn: () => Promise<T>, opts: { busy?: boolean } = {}): Promise<T> {
    while (ctx.running) await ctx.running
    if (opts.busy) set({ busy: true })
    const p = fn()
    const done = p.then(
      () => undefined,
      () => undefined,
    )
    ctx.running = done
    try {
      return await p
    } finally {
      if (ctx.running === done) ctx.running = null
      if (opts.busy) set({ busy: false })
    }
  }

  /** The current cluster when it is still a fresh boot of the same seed and config (reused: booting costs). */
  function freshBootFor(run: Run): Cluster | undefined {
    const s = get()
    const same = s.seed === run.seed && JSON.stringify(s.config) === JSON.stringify(run.config)
    return same && s.log.length === 0 && s.applied === 0 && s.cluster.now === s.bootTime && s.checkpoints.length === 1 ? s.cluster : undefined
  }

  async function reset(run: Run): Promise<void> {
    const c = freshBootFor(run) ?? bootCluster(run, ctx.bootImage)
    const lastAt = run.log.length ? run.log[run.log.length - 1].at : 0
    const target = Math.max(c.now, run.time ?? c.now)
    set((s) => ({
      cluster: c,
      seed: run.seed,
      config: { ...run.config },
      log: run.log.slice(),
      applied: 0,
      bootTime: c.now,
      headTime: Math.max(c.now, target, lastAt),
      checkpoints: c === s.cluster ? s.checkpoints : [{ at: c.now, logIndex: 0, state: c.snapshot() }],
      epoch: s.epoch + 1,
      selected: null,
      lastChanges: { added: [], updated: [], removed: [] },
    }))
    ctx.frac = 0
    await advanceTo(target)
  }

  return { exclusive, isBusy: () => ctx.running !== null, advanceTo, restoreBefore, record, reset, publish }
}
