// The cluster handle: owns the plain-JSON state, runs the event loop, delivers watch events to
// components, and records observability (activities, changes) outside the hashed state.
import { ApiClient } from './api/store'
import { flushEvents } from './api/events'
import type { KObject, Result, WatchEvent, WatchEventType } from './api/types'
import { componentFactories, eventHandlers, actionHandlers, bootstrapSteps, type Action, type Component } from './registry'
import { DEFAULT_CONFIG, type ClusterConfig, type ClusterState } from './state'
import { hashState } from './sim/hash'
import { newQueue, peekAt, popEvent, push, PRIORITY, type SimEvent } from './sim/queue'
import { seedRng } from './sim/rng'

export interface Activity {
  seq: number
  kind: 'request' | 'watch'
  from: string
  to: string
  verb: string
  plural: string
  key: string
  /** Sim ms. */
  start: number
  end: number
}

export interface Changes {
  added: string[]
  updated: string[]
  removed: string[]
}

const ACTIVITY_CAP = 5000
/** Sim duration drawn for one API request / watch delivery in the control-plane view. */
const REQUEST_MS = 2

export class Cluster {
  state: ClusterState
  /** kubectl's client; components use `client(name)`. */
  readonly api: ApiClient
  private comps: Component[] = []
  private compByName: Record<string, Component> = {}
  /** Components by watched plural: the store notifies on every write, so this is a hot path. */
  private compsByPlural: Record<string, Component[]> = {}
  /** Node-scoped pod watchers (kubelets), by node name. */
  private podWatchersByNode: Record<string, Component[]> = {}
  private acts: Activity[] = []
  private actSeq = 0
  private changed = new Map<string, 'added' | 'updated' | 'removed'>()
  private clients: Record<string, ApiClient> = {}
  /** Writes per plural since this handle was made: cache keys for derived views (not state). */
  private writesByPlural: Record<string, number> = {}

  constructor(state: ClusterState) {
    this.state = state
    this.api = this.client('kubectl')
    this.refreshComponents()
  }

  get now(): number {
    return this.state.now
  }

  client(actor: string): ApiClient {
    return (this.clients[actor] ??= new ApiClient(this, actor))
  }

  /** Rebuilds the component list (after machines are added or removed). */
  refreshComponents(): void {
    this.comps = componentFactories.flatMap((f) => f(this))
    this.compByName = {}
    this.compsByPlural = {}
    this.podWatchersByNode = {}
    for (const comp of this.comps) {
      this.compByName[comp.name] = comp
      for (const plural of comp.watches) {
        if (plural === 'pods' && comp.podsOnNode !== undefined) (this.podWatchersByNode[comp.podsOnNode] ??= []).push(comp)
        else (this.compsByPlural[plural] ??= []).push(comp)
      }
    }
  }

  components(): readonly Component[] {
    return this.comps
  }

  /**
   * How many writes objects of `plural` have seen through this handle. Derived, read-only views
   * (the stub network's indexes) key their caches on it, so a Lease renewal does not invalidate
   * an index of pods.
   */
  writes(plural: string): number {
    return this.writesByPlural[plural] ?? 0
  }

  /** Schedules a plain-data event `delayMs` from now. */
  schedule(delayMs: number, ev: SimEvent, priority: number = PRIORITY.normal): void {
    push(this.state.queue, this.state.now + Math.max(0, Math.round(delayMs)), priority, ev)
  }

  scheduleAt(at: number, ev: SimEvent, priority: number = PRIORITY.normal): void {
    push(this.state.queue, Math.max(this.state.now, Math.round(at)), priority, ev)
  }

  /** Called by the store after every write: queues the event for each interested component. */
  notify(type: WatchEventType, plural: string, key: string, object: KObject): void {
    this.writesByPlural[plural] = (this.writesByPlural[plural] ?? 0) + 1
    this.noteChange(`${plural}/${key}`, type === 'ADDED' ? 'added' : type === 'DELETED' ? 'removed' : 'updated')
    const comps = this.compsByPlural[plural]
    if (comps) for (const comp of comps) this.enqueue(comp, type, plural, key, object)
    if (plural === 'pods') {
      const node = object.spec?.nodeName as string | undefined
      const kubelets = node ? this.podWatchersByNode[node] : undefined
      if (kubelets) for (const comp of kubelets) this.enqueue(comp, type, plural, key, object)
    }
  }

  /** Folds changes within one window: added+updated stays added, added+removed vanishes, removed+added is updated. */
  private noteChange(id: string, kind: 'added' | 'updated' | 'removed'): void {
    const prev = this.changed.get(id)
    if (prev === 'added' && kind === 'updated') return
    if (prev === 'added' && kind === 'removed') this.changed.delete(id)
    else if (prev === 'removed' && kind === 'added') this.changed.set(id, 'updated')
    else this.changed.set(id, kind)
  }

  private enqueue(comp: Component, type: WatchEventType, plural: string, key: string, object: KObject): void {
    if (comp.accepts && !comp.accepts(plural, object)) return
    const q = (this.state.watch[comp.name] ??= { pending: [], scheduled: false })
    q.pending.push({ type, plural, key, object })
    if (!q.scheduled) {
      q.scheduled = true
      this.schedule(comp.latencyMs ?? 5, { type: 'watch.deliver', component: comp.name }, PRIORITY.watch)
    }
  }

  private deliver(name: string): void {
    const q = this.state.watch[name]
    if (!q) return
    const events = q.pending
    q.pending = []
    q.scheduled = false
    const comp = this.compByName[name]
    if (!comp || events.length === 0) return
    for (const e of events) this.recordActivity({ kind: 'watch', from: 'kube-apiserver', to: name, verb: e.type, plural: e.plural, key: e.key })
    comp.onEvents(this, events)
  }

  /** Runs the next event if it is due at or before `until`; returns false when none is. */
  step(until = Infinity): boolean {
    const q = this.state.queue
    if (q.key.length === 0) return false
    const at = Math.floor(q.key[0] / 16)
    if (at > until) return false
    const ev = popEvent(q)
    if (at > this.state.now) this.state.now = at
    this.dispatch(ev)
    if (this.state.eventBuffer.length) flushEvents(this)
    return true
  }

  private dispatch(ev: SimEvent): void {
    if (ev.type === 'watch.deliver') return this.deliver(ev.component as string)
    const handler = eventHandlers[ev.type]
    if (handler) handler(this, ev)
  }

  /** Advances virtual time by `ms`, running every event due on the way. */
  advance(ms: number): void {
    this.runUntil(this.state.now + Math.max(0, Math.round(ms)))
  }

  runUntil(t: number): void {
    if (this.state.eventBuffer.length) flushEvents(this)
    while (this.step(t)) {
      /* run */
    }
    if (t > this.state.now) this.state.now = t
  }

  /** Time of the next pending event. */
  nextEventAt(): number | undefined {
    return peekAt(this.state.queue)
  }

  /** A poke with no kubectl verb: node stop/start, add worker, crash container, … */
  act(action: Action): Result<string> {
    const handler = actionHandlers[action.type]
    if (!handler) return { ok: false, status: { code: 400, reason: 'BadRequest', message: `unknown action "${action.type}"` } }
    return handler(this, action)
  }

  recordActivity(a: Omit<Activity, 'seq' | 'start' | 'end'>): void {
    const now = this.state.now
    this.acts.push({ seq: this.actSeq++, kind: a.kind, from: a.from, to: a.to, verb: a.verb, plural: a.plural, key: a.key, start: now, end: now + REQUEST_MS })
    if (this.acts.length > ACTIVITY_CAP * 2) this.acts.splice(0, this.acts.length - ACTIVITY_CAP)
  }

  /** Activities with seq ≥ `sinceSeq` (observability; not part of the hashed state). */
  activities(sinceSeq = 0): Activity[] {
    // Seqs are contiguous in the buffer: slice instead of scanning (the UI asks every frame).
    const first = this.acts.length ? this.acts[0].seq : this.actSeq
    return this.acts.slice(Math.max(0, sinceSeq - first))
  }

  /** Object ids (`plural/key`) changed since the last call. */
  changes(): Changes {
    const out: Changes = { added: [], updated: [], removed: [] }
    for (const [id, kind] of this.changed) out[kind].push(id)
    this.changed.clear()
    return out
  }

  snapshot(): ClusterState {
    return structuredClone(this.state)
  }

  hash(): string {
    return hashState(this.state)
  }

  /** Private state slot of a component, created on first use. */
  slot<T>(name: string, init: () => T): T {
    const s = this.state.components
    if (!(name in s)) s[name] = init()
    return s[name] as T
  }
}

export interface CreateOptions extends Partial<Omit<ClusterConfig, 'network'>> {
  network?: Partial<ClusterConfig['network']>
  /** Run the bootstrap until the system pods are Running (default true). */
  settle?: boolean
}

/** Virtual time the bootstrap is given before a script's first command. */
export const BOOT_SETTLE_MS = 120_000

export function initialState(config: ClusterConfig): ClusterState {
  return {
    schema: 1,
    config,
    now: 0,
    rng: seedRng(config.seed),
    queue: newQueue(),
    store: { objects: {}, resourceVersion: 0 },
    machines: {},
    watch: {},
    components: {},
    eventIndex: {},
    eventBuffer: [],
  }
}

export function createCluster(opts: CreateOptions = {}): Cluster {
  const { settle = true, network, ...rest } = opts
  const config: ClusterConfig = { ...DEFAULT_CONFIG, ...rest, network: { ...DEFAULT_CONFIG.network, ...(network ?? {}) } }
  const c = new Cluster(initialState(config))
  for (const stepDef of bootstrapSteps) stepDef.run(c)
  c.refreshComponents()
  if (settle) c.advance(BOOT_SETTLE_MS)
  c.changes()
  return c
}

/** Restores a cluster from a snapshot (the snapshot is copied, never shared). */
export function restoreCluster(snapshot: ClusterState): Cluster {
  return new Cluster(structuredClone(snapshot))
}

export type { WatchEvent }
