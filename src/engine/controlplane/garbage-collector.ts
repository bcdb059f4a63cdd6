// Garbage collector: deletes dependents whose owners are all gone (background), deletes the
// blocking dependents of owners deleted in the foreground before removing their
// `foregroundDeletion` finalizer, and orphans dependents for the `orphan` finalizer.
// Sources: k/k pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem,
// processDeletingDependentsItem, orphanDependents), graph_builder.go.
import type { Cluster } from '../cluster'
import type { KObject, WatchEvent } from '../api/types'
import { registerComponents } from '../registry'
import { STORED } from '../api/resources'

export const GC = 'garbagecollector'
const FOREGROUND = 'foregroundDeletion'
const ORPHAN = 'orphan'

interface Item { plural: string; obj: KObject }

function allItems(c: Cluster): Item[] {
  const api = c.client(GC)
  const out: Item[] = []
  for (const plural of Object.keys(STORED)) {
    if (plural === 'events') continue
    for (const obj of api.list(plural)) out.push({ plural, obj })
  }
  return out
}

function dependentsOf(items: Item[], uid: string): Item[] {
  return items.filter((i) => i.obj.metadata.ownerReferences?.some((r) => r.uid === uid))
}

function removeFinalizer(c: Cluster, it: Item, fin: string): void {
  c.client(GC).mutate(it.plural, it.obj.metadata.namespace, it.obj.metadata.name, (o) => {
    const rest = (o.metadata.finalizers ?? []).filter((f) => f !== fin)
    if (rest.length === (o.metadata.finalizers ?? []).length) return false
    if (rest.length) o.metadata.finalizers = rest
    else delete o.metadata.finalizers
  })
}

/** One pass over the graph: returns true if anything was written. */
export function collectGarbage(c: Cluster): boolean {
  const api = c.client(GC)
  const items = allItems(c)
  const live: Record<string, true> = {}
  const hasDependents: Record<string, true> = {}
  for (const it of items) {
    live[it.obj.metadata.uid] = true
    for (const r of it.obj.metadata.ownerReferences ?? []) hasDependents[r.uid] = true
  }
  let wrote = false
  for (const it of items) {
    const o = it.obj
    const fins = o.metadata.finalizers ?? []
    if (o.metadata.deletionTimestamp && fins.includes(ORPHAN)) {
      // orphanDependents: drop our reference from every dependent, then the finalizer.
      for (const d of dependentsOf(items, o.metadata.uid)) {
        api.mutate(d.plural, d.obj.metadata.namespace, d.obj.metadata.name, (x) => {
          const refs = (x.metadata.ownerReferences ?? []).filter((r) => r.uid !== o.metadata.uid)
          if (refs.length) x.metadata.ownerReferences = refs
          else delete x.metadata.ownerReferences
        })
      }
      removeFinalizer(c, it, ORPHAN)
      wrote = true
      continue
    }
    if (o.metadata.deletionTimestamp && fins.includes(FOREGROUND)) {
      // processDeletingDependentsItem: delete dependents, wait for those blocking the owner.
      const deps = dependentsOf(items, o.metadata.uid)
      let blocking = 0
      for (const d of deps) {
        const ref = d.obj.metadata.ownerReferences?.find((r) => r.uid === o.metadata.uid)
        if (ref?.blockOwnerDeletion) blocking++
        if (!d.obj.metadata.deletionTimestamp) {
          api.delete(d.plural, d.obj.metadata.namespace, d.obj.metadata.name, { propagationPolicy: hasDependents[d.obj.metadata.uid] ? 'Foreground' : 'Background' })
          wrote = true
        }
      }
      if (blocking === 0) { removeFinalizer(c, it, FOREGROUND); wrote = true }
      continue
    }
    const refs = o.metadata.ownerReferences
    if (!refs?.length || o.metadata.deletionTimestamp) continue
    const absent = refs.filter((r) => !live[r.uid])
    if (absent.length === 0) continue
    if (absent.length === refs.length) {
      // attemptToDeleteItem: every owner is gone → delete in the background.
      api.delete(it.plural, o.metadata.namespace, o.metadata.name, { propagationPolicy: 'Background' })
    } else {
      // Some owners remain: remove the dangling references.
      api.mutate(it.plural, o.metadata.namespace, o.metadata.name, (x) => {
        x.metadata.ownerReferences = (x.metadata.ownerReferences ?? []).filter((r) => live[r.uid])
      })
    }
    wrote = true
  }
  return wrote
}

function relevant(e: WatchEvent): boolean {
  const m = e.object.metadata
  if (e.type === 'DELETED') return true
  if (m.deletionTimestamp && m.finalizers?.some((f) => f === FOREGROUND || f === ORPHAN)) return true
  return e.type === 'ADDED' && !!m.ownerReferences?.length
}

function onWatch(c: Cluster, events: WatchEvent[]): void {
  if (events.some(relevant)) collectGarbage(c)
}

registerComponents(() => [{
  name: GC,
  watches: Object.keys(STORED).filter((p) => p !== 'events'),
  accepts: (plural, obj) => plural !== 'pods' || !!obj.metadata.ownerReferences?.length || !!obj.metadata.deletionTimestamp,
  onEvents: onWatch,
}])
