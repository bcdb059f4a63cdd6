// Admission chain hook: defaulting, mutating admission and validation per kind, as the API
// server runs them before storing. Modules register handlers per plural (api/validation/*).
import type { Cluster } from '../cluster'
import type { KObject, Result } from './types'
import type { ResourceInfo } from './resources'

export type Operation = 'CREATE' | 'UPDATE'

/**
 * Receives a private copy of the incoming object (free to mutate: defaulting) and the stored
 * object for UPDATE. Returns the object to store or the API server's error Status.
 * `subresource` is 'status' or 'ephemeralcontainers' when writing through one.
 */
export type Admitter = (c: Cluster, op: Operation, info: ResourceInfo, obj: KObject, old: KObject | undefined, subresource?: string) => Result<KObject>

const admitters: Record<string, Admitter[]> = {}
const anyAdmitters: Admitter[] = []

/** Registers an admitter for one plural, or for every resource with '*'. */
export function registerAdmitter(plural: string, fn: Admitter): void {
  if (plural === '*') anyAdmitters.push(fn)
  else (admitters[plural] ??= []).push(fn)
}

export function admit(c: Cluster, op: Operation, info: ResourceInfo, obj: KObject, old: KObject | undefined, subresource?: string): Result<KObject> {
  let cur = obj
  for (const fn of [...anyAdmitters, ...(admitters[info.plural] ?? [])]) {
    const r = fn(c, op, info, cur, old, subresource)
    if (!r.ok) return r
    cur = r.value
  }
  return { ok: true, value: cur }
}
