// Object shapes shared by the whole engine. Objects are plain JSON (metadata/spec/status),
// as the API server stores them; the typed views come from `kubernetes-types` (type-only).

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name: string
  namespace?: string
  generateName?: string
  uid: string
  resourceVersion: string
  generation?: number
  creationTimestamp: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
}

/** Any API object. `spec`/`status` are kind-specific and typed where used. */
export interface KObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  spec?: any
  status?: any
  [field: string]: unknown
}

/** What a caller hands to create: metadata without the server-set fields. */
export interface NewObject {
  apiVersion: string
  kind: string
  metadata: Partial<ObjectMeta>
  spec?: any
  status?: any
  [field: string]: unknown
}

/** metav1.Status, as the API server answers failures. */
export interface ApiStatus {
  code: number
  /** NotFound, AlreadyExists, Invalid, Conflict, BadRequest, Forbidden, MethodNotAllowed */
  reason: string
  message: string
  details?: { name?: string; kind?: string; group?: string; causes?: { field: string; message: string; reason?: string }[] }
}

export type Result<T> = { ok: true; value: T } | { ok: false; status: ApiStatus }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(status: ApiStatus): Result<T> => ({ ok: false, status })

/** Reference to one stored object: plural + store key ("ns/name" or "name"). */
export interface ObjectRef {
  plural: string
  key: string
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface WatchEvent {
  type: WatchEventType
  plural: string
  key: string
  /** The object after the change (before it, for DELETED). */
  object: KObject
}
