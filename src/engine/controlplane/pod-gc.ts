// Pod garbage collector (k/k pkg/controller/podgc/gc_controller.go gcOrphaned): pods bound to a
// Node that no longer exists are marked Failed with a DisruptionTarget condition and force-deleted
// once the node has been gone for the quarantine time (40 s).
import type { Cluster } from '../cluster'
import type { WatchEvent } from '../api/types'
import { registerComponents } from '../registry'
import { rfc3339 } from '../sim/time'
import { enqueueAfter, onResync } from './util/queue'
import { isTerminal } from './util/pods'

export const POD_GC = 'pod-garbage-collector'
/** quarantineTime in gc_controller.go. */
export const QUARANTINE_MS = 40_000

export function gcOrphaned(c: Cluster): void {
  const api = c.client(POD_GC)
  const nodes = new Set(api.list('nodes').map((n) => n.metadata.name))
  for (const pod of api.list('pods')) {
    const node = pod.spec?.nodeName as string | undefined
    if (!node || nodes.has(node)) continue
    if (!isTerminal(pod)) {
      api.updateStatus('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
        const conds = (p.status?.conditions ?? []).filter((x: { type: string }) => x.type !== 'DisruptionTarget')
        conds.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(c.now), reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' })
        p.status = { ...(p.status ?? {}), phase: 'Failed', conditions: conds }
      })
    }
    api.delete('pods', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 })
  }
}

onResync(POD_GC, (c) => gcOrphaned(c))

function onWatch(c: Cluster, events: WatchEvent[]): void {
  if (events.some((e) => e.type === 'DELETED')) enqueueAfter(c, POD_GC, 'orphaned', QUARANTINE_MS)
}

registerComponents(() => [{ name: POD_GC, watches: ['nodes'], onEvents: onWatch }])
