// A controller's work queue as plain JSON in its slot: keys to sync, de-duplicated, plus
// delayed resyncs through the cluster's event queue (client-go workqueue AddAfter).
import type { Cluster } from '../../cluster'
import { onEvent } from '../../registry'

interface Resyncs { at: Record<string, number> }

/** Requests a sync of `key` by controller `name` after `delayMs` (the earliest request wins). */
export function enqueueAfter(c: Cluster, name: string, key: string, delayMs: number): void {
  const s = c.slot<Resyncs>(`${name}/resync`, () => ({ at: {} }))
  const at = c.now + Math.max(1, Math.round(delayMs))
  if (s.at[key] !== undefined && s.at[key] <= at && s.at[key] > c.now) return
  s.at[key] = at
  c.schedule(at - c.now, { type: 'controller.resync', controller: name, key })
}

const syncers: Record<string, (c: Cluster, key: string) => void> = {}

/** Registers the function run for delayed resyncs of a controller. */
export function onResync(name: string, fn: (c: Cluster, key: string) => void): void {
  syncers[name] = fn
}

onEvent('controller.resync', (c, ev) => {
  const name = ev.controller as string
  const key = ev.key as string
  const s = c.slot<Resyncs>(`${name}/resync`, () => ({ at: {} }))
  if (s.at[key] !== c.now) return // superseded by an earlier or later request
  delete s.at[key]
  syncers[name]?.(c, key)
})
