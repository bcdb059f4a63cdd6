// Inspect slice: read-only queries behind the Inspector and the Events feed (YAML, describe,
// events, logs, scheduling reasons, node allocation, endpoints, owners). They never record in the
// run log, never advance time and never write: the UI reads the cluster through these only.
// Each query is memoised on what it depends on (object identity, per-plural write counts or the
// store version), so a selector may call it on every store change and get the same reference back.
import type { StateCreator } from 'zustand/vanilla'
import type { Cluster, KObject } from '../../engine'
import { STORED, resourceForKind } from '../../engine/api/resources'
import { schedulingDiagnosis, SCHEDULER } from '../../engine/controlplane/scheduler/scheduler'
import { readContainerLog } from '../../engine/node/kubelet/logs'
import { simTimeOf } from '../../engine/sim/time'
import { describe, printObjects, TABLES } from '../../kubectl/printers'
import { podRequestsAndLimits } from '../../kubectl/printers/describe/node'
import { bytes, formatBytesQuantity, formatMilliCpu, milliCpu } from '../../kubectl/printers/format'
import { parseId } from './engine'
import type { InspectSlice, PodflowState } from '../state'
import type { StoreResult } from '../types'

/** One Event as the feed and the Inspector list it (times in sim ms). */
export interface EventRow {
  /** The Event's own id `events/ns/name`. */
  id: string
  namespace: string
  type: string
  reason: string
  /** kubectl's OBJECT column: `pod/web-abc`. */
  object: string
  /** The involved object's id `plural/key`, when its kind is a stored resource. */
  objectId?: string
  objectUid?: string
  fieldPath?: string
  /** Reporting component (`kubelet`) and host (`worker-1`). */
  source: string
  host?: string
  message: string
  count: number
  firstSeen: number
  lastSeen: number
}

/** The `kubectl get -o wide` row of an object: column names and cells (NAME excluded). */
export interface TableRow {
  columns: string[]
  cells: string[]
}

export interface PodRequest {
  id: string
  name: string
  namespace: string
  /** Millicores and bytes (kubectl describe node's per-pod requests). */
  cpu: number
  memory: number
}

/** kubectl describe node's "Allocated resources": cpu in millicores, memory in bytes. */
export interface NodeAllocation {
  node: string
  cpu: { allocatable: number; requests: number; limits: number }
  memory: { allocatable: number; requests: number; limits: number }
  pods: { allocatable: number; count: number }
  /** Non-terminated pods bound to the node, sorted by namespace/name. */
  podRequests: PodRequest[]
}

export interface EndpointAddress {
  ip: string
  ready: boolean
  ports: number[]
  podId?: string
  node?: string
}

export interface ServiceEndpoints {
  /** The Endpoints object exists (a Service without a selector has none unless made by hand). */
  exists: boolean
  addresses: EndpointAddress[]
}

export interface ObjectLink {
  kind: string
  name: string
  /** `plural/key`, when the kind is a stored resource. */
  id?: string
  controller?: boolean
}

export interface OwnerLinks {
  owners: ObjectLink[]
  /** Objects whose ownerReferences name this object, sorted by kind then name. */
  dependents: ObjectLink[]
}

export interface SchedulingReason {
  node: string
  /** Filter failures ("Insufficient cpu"); empty when the node fits. */
  reasons: string[]
  score?: number
}

/** `500m`, `2` (millicores in). */
export const formatCpu = (m: number): string => (m === 0 ? '0' : formatMilliCpu(m))
/** `128Mi`, `4091904Ki` (bytes in). */
export const formatMemory = (b: number): string => formatBytesQuantity(b)

/** The id `plural/key` of an object of `kind` named `name` (namespace ignored for cluster-scoped kinds). */
export function idFor(kind: string, name: string, namespace: string | undefined, apiVersion?: string): string | undefined {
  const info = resourceForKind(kind, apiVersion) ?? resourceForKind(kind)
  if (!info || !STORED[info.plural] || !name) return undefined
  return info.namespaced ? `${info.plural}/${namespace || 'default'}/${name}` : `${info.plural}/${name}`
}

/**
 * Runs a read without flushing the event recorder's buffer: the API flushes it when events are
 * listed, and an early flush would change the resourceVersions a replay produces. Queued events
 * show after the next engine step, as they would.
 */
function quietly<T>(c: Cluster, read: () => T): T {
  const buf = c.state.eventBuffer
  if (buf.length === 0) return read()
  c.state.eventBuffer = []
  try {
    return read()
  } finally {
    c.state.eventBuffer = buf
  }
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]))

/** A per-argument cache that recomputes when any dependency changes identity (bounded size). */
function memo<R>(deps: (arg: string) => unknown[], compute: (arg: string) => R, max = 64): (arg: string) => R {
  const cache = new Map<string, { deps: unknown[]; value: R }>()
  return (arg) => {
    const d = deps(arg)
    const hit = cache.get(arg)
    if (hit && same(hit.deps, d)) return hit.value
    const value = compute(arg)
    if (!hit && cache.size >= max) cache.delete(cache.keys().next().value as string)
    cache.set(arg, { deps: d, value })
    return value
  }
}

/** Sim ms of an RFC3339 timestamp from an object (undefined when unset or malformed). */
export function timestampMs(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || !ts) return undefined
  const t = simTimeOf(ts)
  return Number.isNaN(t) ? undefined : t
}

const timeOf = (ts: unknown): number => timestampMs(ts) ?? 0

function eventRow(key: string, e: KObject): EventRow {
  const io = (e.involvedObject ?? {}) as { kind?: string; name?: string; namespace?: string; uid?: string; apiVersion?: string; fieldPath?: string }
  const series = e.series as { lastObservedTime?: string; count?: number } | undefined
  const first = timeOf(e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp)
  const last = series?.lastObservedTime ? timeOf(series.lastObservedTime) : e.lastTimestamp ? timeOf(e.lastTimestamp) : first
  const src = (e.source ?? {}) as { component?: string; host?: string }
  const kind = String(io.kind ?? '')
  const row: EventRow = {
    id: `events/${key}`,
    namespace: e.metadata.namespace ?? '',
    type: String(e.type ?? ''),
    reason: String(e.reason ?? ''),
    object: io.name ? `${kind.toLowerCase()}/${io.name}` : kind.toLowerCase(),
    source: src.component || String(e.reportingComponent ?? ''),
    message: String(e.message ?? '').trim(),
    count: series?.count ?? (typeof e.count === 'number' && e.count > 0 ? e.count : 1),
    firstSeen: first,
    lastSeen: last,
  }
  const objectId = idFor(kind, String(io.name ?? ''), io.namespace, io.apiVersion)
  if (objectId) row.objectId = objectId
  if (io.uid) row.objectUid = io.uid
  if (io.fieldPath) row.fieldPath = io.fieldPath
  const host = src.host || (e.reportingInstance as string | undefined)
  if (host) row.host = host
  return row
}

/** `pods/ns/name` → namespace and name, or undefined for any other id. */
function podRef(podId: string): { namespace: string; name: string } | undefined {
  const p = parseId(podId)
  const slash = p?.key.indexOf('/') ?? -1
  if (!p || p.plural !== 'pods' || slash < 0) return undefined
  return { namespace: p.key.slice(0, slash), name: p.key.slice(slash + 1) }
}

function readLog(c: Cluster, podId: string, container: string | undefined, previous: boolean): StoreResult<string> {
  const ref = podRef(podId)
  if (!ref) return { ok: false, message: `not a pod: ${podId}` }
  const r = readContainerLog(c, ref.namespace, ref.name, container || undefined, { previous })
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.status.message }
}

const isTerminated = (p: KObject) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'

function allocation(c: Cluster, name: string): NodeAllocation | undefined {
  const node = c.state.store.objects.nodes?.[name]
  if (!node) return undefined
  const alloc: Record<string, string> = Object.keys(node.status?.allocatable ?? {}).length ? node.status.allocatable : (node.status?.capacity ?? {})
  const out: NodeAllocation = {
    node: name,
    cpu: { allocatable: milliCpu(alloc.cpu ?? '0'), requests: 0, limits: 0 },
    memory: { allocatable: bytes(alloc.memory ?? '0'), requests: 0, limits: 0 },
    pods: { allocatable: Number(alloc.pods ?? 0) || 0, count: 0 },
    podRequests: [],
  }
  const pods = c.state.store.objects.pods ?? {}
  // kubectl describe node: pods with spec.nodeName=<node> that are not Succeeded or Failed.
  for (const key of Object.keys(pods).sort()) {
    const p = pods[key]
    if (p.spec?.nodeName !== name || isTerminated(p)) continue
    const { req, lim } = podRequestsAndLimits(p)
    out.cpu.requests += req.cpu ?? 0
    out.cpu.limits += lim.cpu ?? 0
    out.memory.requests += req.memory ?? 0
    out.memory.limits += lim.memory ?? 0
    out.podRequests.push({ id: `pods/${key}`, name: p.metadata.name, namespace: p.metadata.namespace ?? '', cpu: req.cpu ?? 0, memory: req.memory ?? 0 })
  }
  out.pods.count = out.podRequests.length
  return out
}

function endpointsOf(ep: KObject | undefined): ServiceEndpoints {
  if (!ep) return { exists: false, addresses: [] }
  const addresses: EndpointAddress[] = []
  type Addr = { ip?: string; nodeName?: string; targetRef?: { kind?: string; name?: string; namespace?: string } }
  for (const sub of (ep.subsets ?? []) as { addresses?: Addr[]; notReadyAddresses?: Addr[]; ports?: { port?: number }[] }[]) {
    const ports = (sub.ports ?? []).map((p) => Number(p.port)).filter((p) => Number.isFinite(p))
    const add = (a: Addr, ready: boolean) => {
      const row: EndpointAddress = { ip: String(a.ip ?? ''), ready, ports }
      const ref = a.targetRef
      if (ref?.kind === 'Pod' && ref.name) row.podId = `pods/${ref.namespace || ep.metadata.namespace || 'default'}/${ref.name}`
      if (a.nodeName) row.node = a.nodeName
      addresses.push(row)
    }
    for (const a of sub.addresses ?? []) add(a, true)
    for (const a of sub.notReadyAddresses ?? []) add(a, false)
  }
  return { exists: true, addresses }
}

const sameLinks = (a: ObjectLink[] | undefined, b: ObjectLink[]) => !!a && a.length === b.length && a.every((x, i) => x.id === b[i].id && x.controller === b[i].controller)

/** uid → the objects that name it in their ownerReferences (lists equal to `prev`'s are reused). */
function dependentsIndex(c: Cluster, prev: Record<string, ObjectLink[]>): Record<string, ObjectLink[]> {
  const index: Record<string, ObjectLink[]> = {}
  const objects = c.state.store.objects
  for (const plural of Object.keys(objects)) {
    if (plural === 'events') continue
    const all = objects[plural]
    for (const key of Object.keys(all)) {
      const o = all[key]
      for (const r of o.metadata.ownerReferences ?? []) (index[r.uid] ??= []).push({ kind: o.kind, name: o.metadata.name, id: `${plural}/${key}`, controller: !!r.controller })
    }
  }
  for (const [uid, list] of Object.entries(index)) {
    list.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
    if (sameLinks(prev[uid], list)) index[uid] = prev[uid]
  }
  return index
}

const NO_EVENTS: EventRow[] = []
const NO_LINKS: ObjectLink[] = []

export const inspectSlice: StateCreator<PodflowState, [], [], InspectSlice> = (_set, get) => {
  const c = () => get().cluster
  const obj = (id: string) => get().object(id)
  const second = () => Math.floor(c().now / 1000)

  // Rows are cached per stored Event (objects are replaced on update), so a new event costs one row.
  const rowCache = new WeakMap<KObject, EventRow>()
  const events = memo(
    () => [c(), c().writes('events')],
    () => {
      const all = c().state.store.objects.events ?? {}
      const list = Object.keys(all).map((k) => {
        const e = all[k]
        let row = rowCache.get(e)
        if (!row) rowCache.set(e, (row = eventRow(k, e)))
        return { row, rv: Number(e.metadata.resourceVersion) || 0 }
      })
      // Newest last: by last occurrence, then by write order.
      list.sort((a, b) => a.row.lastSeen - b.row.lastSeen || a.rv - b.rv)
      return list.map((x) => x.row)
    },
    1,
  )

  const objectEvents = memo(
    (id) => [events(''), obj(id)],
    (id) => {
      const o = obj(id)
      const uid = o?.metadata.uid
      // As eventsFor: by uid, or by kind/name for events without one; a deleted object keeps its
      // events by name.
      const rows = events('').filter((r) => (uid ? r.objectUid === uid || (!r.objectUid && r.objectId === id) : r.objectId === id))
      return rows.length ? rows : NO_EVENTS
    },
  )

  const yaml = memo(
    (id) => [obj(id)],
    (id) => {
      const o = obj(id)
      if (!o) return undefined
      const r = printObjects(c(), [o], 'yaml')
      return r.ok ? (r.text.endsWith('\n') ? r.text : r.text + '\n') : undefined
    },
  )

  // describe prints ages (seconds) and related objects (events, endpoints, ReplicaSets).
  const describeText = memo(
    (id) => [c(), obj(id), second(), c().state.store.resourceVersion],
    (id) => {
      const o = obj(id)
      const p = parseId(id)
      if (!o || !p) return undefined
      return quietly(c(), () => describe(c(), p.plural, o))
    },
  )

  const tableRow = memo(
    (id) => [obj(id), second()],
    (id) => {
      const o = obj(id)
      const def = TABLES[parseId(id)?.plural ?? '']
      if (!o || !def) return undefined
      const cells = quietly(c(), () => def.row(c(), o))
      const keep = def.columns.map((col, i) => i > 0 || col.name !== 'NAME')
      return { columns: def.columns.map((col) => col.name).filter((_, i) => keep[i]), cells: cells.filter((_, i) => keep[i]) }
    },
  )

  // Logs live in the kubelet's state, not in API objects: read each time (cheap), keep the
  // previous result when the text did not change.
  const logCache = new Map<string, StoreResult<string>>()
  const logs = (podId: string, container: string | undefined, previous: boolean): StoreResult<string> => {
    const key = `${podId}\n${container ?? ''}\n${previous}`
    const r = readLog(c(), podId, container, previous)
    const prev = logCache.get(key)
    if (prev && (prev.ok ? r.ok && prev.value === r.value : !r.ok && prev.message === r.message)) return prev
    if (!prev && logCache.size >= 64) logCache.delete(logCache.keys().next().value as string)
    logCache.set(key, r)
    return r
  }

  const nodeAlloc = memo(
    () => [c(), c().writes('pods'), c().writes('nodes')],
    (name) => allocation(c(), name),
  )

  const endpoints = memo(
    (id) => [obj(id.replace(/^services\//, 'endpoints/'))],
    (id) => endpointsOf(obj(id.replace(/^services\//, 'endpoints/'))),
  )

  // Writes to anything but events and leases (which nothing owns) may change who owns what.
  const ownedWrites = () => Object.keys(c().state.store.objects).reduce((n, p) => (p === 'events' || p === 'leases' ? n : n + c().writes(p)), 0)
  let lastIndex: Record<string, ObjectLink[]> = {}
  const dependents = memo(
    () => [c(), ownedWrites()],
    () => (lastIndex = dependentsIndex(c(), lastIndex)),
    1,
  )

  const owners = memo(
    (id) => {
      const o = obj(id)
      return [o, o ? dependents('')[o.metadata.uid] : undefined]
    },
    (id) => {
      const o = obj(id)
      if (!o) return { owners: NO_LINKS, dependents: NO_LINKS }
      const ownerLinks = (o.metadata.ownerReferences ?? []).map((r) => {
        const link: ObjectLink = { kind: r.kind, name: r.name, controller: !!r.controller }
        const oid = idFor(r.kind, r.name, o.metadata.namespace, r.apiVersion)
        if (oid) link.id = oid
        return link
      })
      return { owners: ownerLinks, dependents: dependents('')[o.metadata.uid] ?? NO_LINKS }
    },
  )

  return {
    inspectYaml: (id) => yaml(id),
    inspectDescribe: (id) => describeText(id),
    inspectRow: (id) => tableRow(id),
    inspectEvents: (id) => objectEvents(id),
    allEvents: () => events(''),
    podLogs: (podId, container, previous = false) => logs(podId, container, previous),
    // The scheduler keeps the per-node results of a pod's last attempt; without its state there are none.
    schedulingReasons: (podId) => {
      const ref = podRef(podId)
      if (!ref || !(SCHEDULER in c().state.components)) return undefined
      return schedulingDiagnosis(c(), ref.namespace, ref.name)
    },
    nodeAllocation: (name) => nodeAlloc(name),
    serviceEndpoints: (id) => endpoints(id),
    ownerLinks: (id) => owners(id),
  }
}
