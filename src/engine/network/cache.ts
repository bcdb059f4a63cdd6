// Derived, read-only network views memoised per cluster handle and keyed on what they read: the
// write counts of API plurals (Cluster.writes) and the network's poke version. Never state.
import type { Cluster } from '../cluster'
import { netVersion } from './state'

interface Entry {
  /** netVersion, then one write count per plural. */
  deps: number[]
  value: unknown
}

const caches = new WeakMap<Cluster, { state: unknown; entries: Map<string, Entry> }>()

function fresh(c: Cluster, e: Entry, plurals: readonly string[]): boolean {
  if (e.deps[0] !== netVersion(c)) return false
  for (let i = 0; i < plurals.length; i++) if (e.deps[i + 1] !== c.writes(plurals[i])) return false
  return true
}

/** Returns the memoised value of view `name`, recomputing it when its dependencies changed. */
export function memo<T>(c: Cluster, name: string, plurals: readonly string[], compute: () => T): T {
  let cache = caches.get(c)
  if (!cache || cache.state !== c.state) {
    cache = { state: c.state, entries: new Map() }
    caches.set(c, cache)
  }
  const e = cache.entries.get(name)
  if (e && fresh(c, e, plurals)) return e.value as T
  const deps = [netVersion(c), ...plurals.map((p) => c.writes(p))]
  const value = compute()
  cache.entries.set(name, { deps, value })
  return value
}
