// The API server + etcd: CRUD with resourceVersion, uid, timestamps, generation, graceful and
// cascading deletion hooks, watch notification and activity recording.
// Semantics follow k8s.io/apiserver/pkg/registry/generic/registry/store.go.
import type { Cluster } from '../cluster'
import { admit } from './admission'
import { STORED, resourceForKind, keyOf, apiVersionOf, type ResourceInfo } from './resources'
import { fail, ok, type ApiStatus, type KObject, type NewObject, type Result, type WatchEventType } from './types'
import { objectMatches, type Selector } from './selectors'
import { randomHex, randomString } from '../sim/rng'
import { rfc3339 } from '../sim/time'
import { flushEvents } from './events'

/** Deep copy of plain JSON data (much faster than structuredClone for small objects). */
export function clone<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x
  if (Array.isArray(x)) {
    const out = new Array(x.length)
    for (let i = 0; i < x.length; i++) out[i] = clone(x[i])
    return out as T
  }
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(x)) out[k] = clone((x as Record<string, unknown>)[k])
  return out as T
}

/**
 * Equality of two JSON values as their serialisations would compare (an undefined member is a
 * missing one), ignoring key order, and stopping at the first difference: the no-op-update check
 * runs on every write.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    if (a.length !== bb.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] ?? null, bb[i] ?? null)) return false
    return true
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  let na = 0
  for (const k in ao) {
    if (ao[k] === undefined) continue
    na++
    if (!jsonEqual(ao[k], bo[k])) return false
  }
  let nb = 0
  for (const k in bo) if (bo[k] !== undefined) nb++
  return na === nb
}

export interface ListOptions {
  namespace?: string
  labelSelector?: Selector
  /** Simple field filter applied after the label selector. */
  filter?: (obj: KObject) => boolean
}

export interface DeleteOptions {
  /** 'Background' (default), 'Foreground' or 'Orphan'. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'
  gracePeriodSeconds?: number
  /** Require this uid (preconditions). */
  uid?: string
}

export interface UpdateOptions {
  /** 'status', 'ephemeralcontainers' or 'binding' (pods); the main resource when absent. */
  subresource?: string
}

function notFound(info: ResourceInfo, name: string): ApiStatus {
  const what = info.group ? `${info.plural}.${info.group}` : info.plural
  return { code: 404, reason: 'NotFound', message: `${what} "${name}" not found`, details: { name, kind: info.plural, group: info.group } }
}

export function statusNotFound(plural: string, name: string): ApiStatus {
  return notFound(STORED[plural], name)
}

function bucket(c: Cluster, plural: string): Record<string, KObject> {
  return (c.state.store.objects[plural] ??= {})
}

function nextRV(c: Cluster): string {
  return String(++c.state.store.resourceVersion)
}

export function newUid(c: Cluster): string {
  const h = randomHex(c.state, 32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public']

/** Objects stored with a status subresource keep status on main-resource updates. */
const HAS_STATUS = new Set(['pods', 'nodes', 'services', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'horizontalpodautoscalers', 'replicationcontrollers', 'persistentvolumeclaims', 'persistentvolumes', 'namespaces'])

function specChanged(a: KObject, b: KObject): boolean {
  return !jsonEqual(a.spec ?? null, b.spec ?? null)
}

export class ApiClient {
  constructor(private c: Cluster, readonly actor: string) {}

  get(plural: string, namespace: string | undefined, name: string): KObject | undefined {
    if (plural === 'events' && this.c.state.eventBuffer.length) flushEvents(this.c)
    const info = STORED[plural]
    return this.c.state.store.objects[plural]?.[keyOf(info?.namespaced ? namespace : undefined, name)]
  }

  /** Reads as a client would: NotFound as an error Status. */
  read(plural: string, namespace: string | undefined, name: string): Result<KObject> {
    const obj = this.get(plural, namespace, name)
    return obj ? ok(obj) : fail(notFound(STORED[plural], name))
  }

  /** List in API order (namespace, name). The returned objects are the stored ones: never mutate them. */
  list(plural: string, opts: ListOptions = {}): KObject[] {
    // Readers of events see what the recorders have queued (the broadcaster has sent it).
    if (plural === 'events' && this.c.state.eventBuffer.length) flushEvents(this.c)
    const all = this.c.state.store.objects[plural]
    if (!all) return []
    const out: KObject[] = []
    for (const key of Object.keys(all).sort()) {
      const obj = all[key]
      if (opts.namespace !== undefined && STORED[plural]?.namespaced && obj.metadata.namespace !== opts.namespace) continue
      if (opts.labelSelector && !objectMatches(opts.labelSelector, obj)) continue
      if (opts.filter && !opts.filter(obj)) continue
      out.push(obj)
    }
    return out
  }

  create(input: NewObject | KObject, opts: { namespace?: string } = {}): Result<KObject> {
    const c = this.c
    const info = resourceForKind(input.kind, input.apiVersion)
    if (!info || !STORED[info.plural]) {
      return fail({ code: 404, reason: 'NotFound', message: `the server could not find the requested resource (post ${input.kind})` })
    }
    const obj = clone(input) as KObject
    obj.apiVersion = apiVersionOf(info)
    obj.metadata = { ...(obj.metadata ?? {}) } as KObject['metadata']
    const meta = obj.metadata
    if (info.namespaced) meta.namespace = meta.namespace || opts.namespace || 'default'
    else delete meta.namespace
    if (info.namespaced && info.plural !== 'events') {
      const ns = c.state.store.objects.namespaces?.[meta.namespace as string]
      if (!ns) return fail({ code: 404, reason: 'NotFound', message: `namespaces "${meta.namespace}" not found`, details: { name: meta.namespace, kind: 'namespaces' } })
      if (ns.metadata.deletionTimestamp) {
        const what = info.group ? `${info.plural}.${info.group}` : info.plural
        return fail({ code: 403, reason: 'Forbidden', message: `${what} "${meta.name || meta.generateName}" is forbidden: unable to create new content in namespace ${meta.namespace} because it is being terminated` })
      }
    }
    // A rejected request leaves no trace: random draws (generateName, admission) are undone.
    const rngBefore = c.state.rng
    if (!meta.name && meta.generateName) meta.name = meta.generateName.slice(0, 58) + randomString(c.state, 5) // names.SimpleNameGenerator
    const admitted = admit(c, 'CREATE', info, obj, undefined)
    if (!admitted.ok) {
      c.state.rng = rngBefore
      return admitted
    }
    const out = admitted.value
    const key = keyOf(out.metadata.namespace, out.metadata.name)
    if (bucket(c, info.plural)[key]) {
      c.state.rng = rngBefore
      const what = info.group ? `${info.plural}.${info.group}` : info.plural
      return fail({ code: 409, reason: 'AlreadyExists', message: `${what} "${out.metadata.name}" already exists`, details: { name: out.metadata.name, kind: info.plural } })
    }
    if (!out.metadata.uid) out.metadata.uid = newUid(c) // admission may have set it (Job selectors need it)
    out.metadata.creationTimestamp = rfc3339(c.now)
    out.metadata.resourceVersion = nextRV(c)
    if (out.spec !== undefined && info.plural !== 'pods') out.metadata.generation = 1
    delete out.metadata.deletionTimestamp
    bucket(c, info.plural)[key] = out
    this.record('create', info.plural, key)
    c.notify('ADDED', info.plural, key, out)
    return ok(out)
  }

  /**
   * Replaces an object. `resourceVersion` in the input, when set, must match (optimistic
   * concurrency). With `subresource: 'status'` only the status is taken from the input.
   */
  update(input: KObject, opts: UpdateOptions = {}): Result<KObject> {
    return this.write(input, opts, false)
  }

  /**
   * The update path. `owned`: the input is a private copy (from mutate), so it need not be
   * copied again; stored objects are never changed in place, so untouched parts are shared.
   */
  private write(input: KObject, opts: UpdateOptions, owned: boolean): Result<KObject> {
    const c = this.c
    const info = resourceForKind(input.kind, input.apiVersion)
    if (!info || !STORED[info.plural]) return fail({ code: 404, reason: 'NotFound', message: `the server could not find the requested resource (put ${input.kind})` })
    const key = keyOf(info.namespaced ? input.metadata.namespace || 'default' : undefined, input.metadata.name)
    const old = bucket(c, info.plural)[key]
    if (!old) return fail(notFound(info, input.metadata.name))
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      return fail({ code: 409, reason: 'Conflict', message: `Operation cannot be fulfilled on ${info.group ? info.plural + '.' + info.group : info.plural} "${old.metadata.name}": the object has been modified; please apply your changes to the latest version and try again` })
    }
    let obj: KObject
    if (opts.subresource === 'status') {
      obj = owned ? { ...old, metadata: { ...old.metadata }, status: input.status } : { ...clone(old), status: clone(input.status) }
    } else if (opts.subresource === 'binding' && info.plural === 'pods') {
      // pods/binding (pkg/registry/core/pod/storage/storage.go BindingREST.setPodHostAndAnnotations):
      // sets spec.nodeName once, with the status the scheduler sends (PodScheduled True).
      if (old.spec?.nodeName) return fail({ code: 409, reason: 'Conflict', message: `pod ${old.metadata.name} is already assigned to node "${old.spec.nodeName}"` })
      if (old.metadata.deletionTimestamp) return fail({ code: 409, reason: 'Conflict', message: `pod ${old.metadata.name} is being deleted, cannot be assigned to a host` })
      obj = clone(old)
      obj.spec = { ...obj.spec, nodeName: input.spec?.nodeName }
      if (input.status !== undefined) obj.status = clone(input.status)
    } else if (opts.subresource === 'ephemeralcontainers') {
      obj = clone(old)
      obj.spec = { ...obj.spec, ephemeralContainers: clone(input.spec?.ephemeralContainers ?? []) }
    } else {
      obj = owned ? input : clone(input)
      obj.apiVersion = old.apiVersion
      // Server-owned metadata cannot be changed by a client.
      obj.metadata = { ...obj.metadata, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, namespace: old.metadata.namespace, name: old.metadata.name }
      if (old.metadata.deletionTimestamp) obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp
      else delete obj.metadata.deletionTimestamp
      if (old.metadata.deletionGracePeriodSeconds !== undefined) obj.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds
      if (HAS_STATUS.has(info.plural) && old.status !== undefined) obj.status = clone(old.status)
    }
    const admitted = admit(c, 'UPDATE', info, obj, old, opts.subresource)
    if (!admitted.ok) return admitted
    const out = admitted.value
    if (old.metadata.generation !== undefined) {
      out.metadata.generation = !opts.subresource && specChanged(old, out) ? old.metadata.generation + 1 : old.metadata.generation
    }
    if (opts.subresource !== 'binding' && jsonEqual(out, { ...old, metadata: { ...old.metadata, resourceVersion: out.metadata.resourceVersion } })) {
      return ok(old) // no-op update: etcd is not written, no watch event (GuaranteedUpdate)
    }
    out.metadata.resourceVersion = nextRV(c)
    // An object being deleted whose last finalizer was removed goes away now (a pod only once
    // its grace period is over: deletionGracePeriodSeconds 0).
    if (out.metadata.deletionTimestamp && !(out.metadata.finalizers?.length) && (info.plural !== 'pods' || out.metadata.deletionGracePeriodSeconds === 0) && !(info.plural === 'namespaces' && out.spec?.finalizers?.length)) {
      delete bucket(c, info.plural)[key]
      this.record('update', info.plural, key)
      c.notify('DELETED', info.plural, key, out)
      return ok(out)
    }
    bucket(c, info.plural)[key] = out
    this.record(opts.subresource ? `update/${opts.subresource}` : 'update', info.plural, key)
    c.notify('MODIFIED', info.plural, key, out)
    return ok(out)
  }

  /**
   * POST pods/{name}/binding: sets spec.nodeName once and PodScheduled True, in one write
   * (k/k pkg/registry/core/pod/storage/storage.go BindingREST.setPodHostAndAnnotations).
   * Builds the new object by structural sharing: stored objects are never mutated in place.
   */
  bind(namespace: string, name: string, nodeName: string): Result<KObject> {
    const c = this.c
    const key = keyOf(namespace, name)
    const old = bucket(c, 'pods')[key]
    if (!old) return fail(notFound(STORED.pods, name))
    if (old.spec?.nodeName) return fail({ code: 409, reason: 'Conflict', message: `pod ${name} is already assigned to node "${old.spec.nodeName}"` })
    if (old.metadata.deletionTimestamp) return fail({ code: 409, reason: 'Conflict', message: `pod ${name} is being deleted, cannot be assigned to a host` })
    const cond = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(c.now) }
    const conds = ((old.status?.conditions ?? []) as { type: string }[]).filter((x) => x.type !== 'PodScheduled')
    // Destructure rather than `delete`: deleting a key drops V8 objects into slow dictionary mode.
    const { nominatedNodeName: _nominated, ...rest } = (old.status ?? {}) as Record<string, unknown>
    const status = { ...rest, phase: old.status?.phase ?? 'Pending', conditions: [...conds, cond] }
    const obj: KObject = { ...old, metadata: { ...old.metadata, resourceVersion: nextRV(c) }, spec: { ...old.spec, nodeName }, status }
    bucket(c, 'pods')[key] = obj
    this.record('create/binding', 'pods', key)
    c.notify('MODIFIED', 'pods', key, obj)
    return ok(obj)
  }

  /** Read-modify-write on a private copy; `fn` returns false to skip the write. */
  mutate(plural: string, namespace: string | undefined, name: string, fn: (obj: KObject) => boolean | void, opts: UpdateOptions = {}): Result<KObject> {
    const cur = this.get(plural, namespace, name)
    if (!cur) return fail(notFound(STORED[plural], name))
    const copy = clone(cur)
    if (fn(copy) === false) return ok(cur)
    copy.metadata.resourceVersion = cur.metadata.resourceVersion
    return this.write(copy, opts, true)
  }

  updateStatus(plural: string, namespace: string | undefined, name: string, fn: (obj: KObject) => boolean | void): Result<KObject> {
    return this.mutate(plural, namespace, name, fn, { subresource: 'status' })
  }

  /**
   * Deletes an object. Pods bound to a node are deleted gracefully (deletionTimestamp, the
   * kubelet finishes with gracePeriodSeconds 0). Objects with finalizers, or deleted with
   * Foreground/Orphan propagation, get a deletionTimestamp and the garbage collector finishes.
   */
  delete(plural: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Result<KObject> {
    const c = this.c
    const info = STORED[plural]
    if (!info) return fail({ code: 404, reason: 'NotFound', message: `the server could not find the requested resource` })
    const key = keyOf(info.namespaced ? namespace || 'default' : undefined, name)
    const old = bucket(c, plural)[key]
    if (!old) return fail(notFound(info, name))
    if (opts.uid && opts.uid !== old.metadata.uid) {
      return fail({ code: 409, reason: 'Conflict', message: `Precondition failed: UID in precondition: ${opts.uid}, UID in object meta: ${old.metadata.uid}` })
    }
    // NamespaceLifecycle admission: the immortal namespaces (plugin/pkg/admission/namespace/lifecycle).
    if (plural === 'namespaces' && IMMORTAL_NAMESPACES.includes(name)) {
      return fail({ code: 403, reason: 'Forbidden', message: `namespaces "${name}" is forbidden: this namespace may not be deleted`, details: { name, kind: 'namespaces' } })
    }
    const policy = opts.propagationPolicy ?? 'Background'
    const finalizers = [...(old.metadata.finalizers ?? [])]
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion')
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan')

    // Graceful pod deletion (pkg/registry/core/pod/strategy.go CheckGracefulDelete).
    if (plural === 'pods') {
      let grace = opts.gracePeriodSeconds ?? old.spec?.terminationGracePeriodSeconds ?? 30
      const phase = old.status?.phase
      if (!old.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0
      if (grace > 0 || finalizers.length) {
        const prev = old.metadata.deletionGracePeriodSeconds
        if (old.metadata.deletionTimestamp && prev !== undefined && prev <= grace && !finalizers.length) return ok(old)
        const obj = clone(old)
        obj.metadata.deletionTimestamp = rfc3339(c.now + grace * 1000)
        obj.metadata.deletionGracePeriodSeconds = grace
        if (finalizers.length) obj.metadata.finalizers = finalizers
        obj.metadata.resourceVersion = nextRV(c)
        bucket(c, plural)[key] = obj
        this.record('delete', plural, key)
        c.notify('MODIFIED', plural, key, obj)
        return ok(obj)
      }
    }
    // A namespace also waits for its spec.finalizers (the namespace controller's `kubernetes`).
    const nsFinalizing = plural === 'namespaces' && (old.spec?.finalizers?.length ?? 0) > 0
    if (finalizers.length || nsFinalizing) {
      if (old.metadata.deletionTimestamp && jsonEqual(finalizers, old.metadata.finalizers ?? [])) return ok(old)
      const obj = clone(old)
      obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp ?? rfc3339(c.now)
      obj.metadata.deletionGracePeriodSeconds = 0
      if (finalizers.length) obj.metadata.finalizers = finalizers
      obj.metadata.resourceVersion = nextRV(c)
      if (plural === 'namespaces') obj.status = { ...(obj.status ?? {}), phase: 'Terminating' }
      bucket(c, plural)[key] = obj
      this.record('delete', plural, key)
      c.notify('MODIFIED', plural, key, obj)
      return ok(obj)
    }
    delete bucket(c, plural)[key]
    this.record('delete', plural, key)
    c.notify('DELETED', plural, key, old)
    return ok(old)
  }

  private record(verb: string, plural: string, key: string): void {
    this.c.recordActivity({ kind: 'request', from: this.actor, to: 'kube-apiserver', verb, plural, key })
  }
}

export type { WatchEventType }
