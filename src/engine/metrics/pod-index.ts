// Pods by namespace in API order, as an informer's lister would hold them: the HPA controller,
// metrics-server and the Metrics API look pods up every few seconds, and a full sorted list of
// every pod each time would dominate long runs. A derived, read-only view (not state), rebuilt
// when a pod write happened through this cluster handle; selector results are kept until then.
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'
import { matches, type Selector } from '../api/selectors'

interface Index { writes: number; byNs: Record<string, KObject[]>; all: KObject[]; bySelector: Map<string, KObject[]> }

const indexes = new WeakMap<Cluster, Index>()

function index(c: Cluster): Index {
  const writes = c.writes('pods')
  const hit = indexes.get(c)
  if (hit && hit.writes === writes) return hit
  const objects = c.state.store.objects.pods ?? {}
  const all = Object.keys(objects).sort().map((k) => objects[k])
  const byNs: Record<string, KObject[]> = {}
  for (const p of all) (byNs[p.metadata.namespace ?? 'default'] ??= []).push(p)
  const fresh = { writes, byNs, all, bySelector: new Map<string, KObject[]>() }
  indexes.set(c, fresh)
  return fresh
}

/** Pods of a namespace (every namespace when undefined) matching the selector, in API order. */
export function listPods(c: Cluster, namespace: string | undefined, selector: Selector = []): readonly KObject[] {
  const ix = index(c)
  const pods = namespace === undefined ? ix.all : ix.byNs[namespace] ?? []
  if (!selector.length) return pods
  const key = `${namespace ?? ''}|${JSON.stringify(selector)}`
  let hit = ix.bySelector.get(key)
  if (!hit) {
    hit = pods.filter((p) => matches(selector, p.metadata.labels))
    ix.bySelector.set(key, hit)
  }
  return hit
}
