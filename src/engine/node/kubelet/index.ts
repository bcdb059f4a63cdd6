// The kubelet of each machine as a component (`kubelet/<node>`, watching the pods bound to it)
// plus its timers: pod worker syncs, process resumes, kills, probes and heartbeats.
import type { Cluster } from '../../cluster'
import { onEvent, registerComponents } from '../../registry'
import { peekKubelet, resume, syncPod, removeWorker, containerExited } from './worker'
import { probeTick } from './probes'
import { resumeExec } from './exec'
import { LEASE_RENEW_MS, NODE_STATUS_MS, postNodeStatus, renewLease } from '../machines'

export function kubeletComponents(c: Cluster) {
  return Object.values(c.state.machines).map((m) => {
    const node = m.name
    return {
      name: `kubelet/${node}`,
      watches: ['pods'],
      podsOnNode: node,
      onEvents(c2: Cluster, events: { type: string; object: { metadata: { uid: string; namespace?: string; name: string } } }[]) {
        if (!c2.state.machines[node]?.kubeletRunning) return
        // One pass per pod, in arrival order (HandlePodAdditions admits oldest first), with its latest event.
        const last: Record<string, (typeof events)[number]> = {}
        const order: string[] = []
        for (const e of events) {
          const uid = e.object.metadata.uid
          if (!last[uid]) order.push(uid)
          last[uid] = e
        }
        for (const uid of order) {
          const e = last[uid]
          if (e.type === 'DELETED') removeWorker(c2, node, uid)
          else syncPod(c2, node, e.object.metadata.namespace ?? 'default', e.object.metadata.name, uid)
        }
      },
    }
  })
}

registerComponents(kubeletComponents)

function podOf(c: Cluster, node: string, uid: string) {
  return peekKubelet(c, node)?.pods[uid]
}

onEvent('kubelet.sync', (c, ev) => {
  const w = podOf(c, ev.node as string, ev.podUid as string)
  if (w) syncPod(c, ev.node as string, w.namespace, w.name, w.uid)
})

onEvent('kubelet.resume', (c, ev) => {
  if (!c.state.machines[ev.node as string]?.kubeletRunning) return
  resume(c, ev.node as string, ev.podUid as string, ev.container as string, ev.instance as number)
})

onEvent('kubelet.exit', (c, ev) => {
  const node = ev.node as string
  const w = podOf(c, node, ev.podUid as string)
  const r = w?.containers[ev.container as string]
  if (!w || !r || r.instance !== ev.instance) return
  containerExited(c, node, w, r, ev.code as number)
  syncPod(c, node, w.namespace, w.name, w.uid)
})

onEvent('kubelet.probe', (c, ev) => {
  probeTick(c, ev.node as string, ev.podUid as string, ev.container as string, ev.instance as number, ev.probe as 'liveness' | 'readiness' | 'startup')
})

onEvent('kubelet.exec.resume', (c, ev) => resumeExec(c, ev.id as string))

/** Lease renew every 10 s; the node status is re-posted every NODE_STATUS_MS. */
onEvent('kubelet.heartbeat', (c, ev) => {
  const node = ev.node as string
  const m = c.state.machines[node]
  if (!m || !m.kubeletRunning) return
  renewLease(c, node)
  const beat = ((ev.beat as number) ?? 0) + 1
  if ((beat * LEASE_RENEW_MS) % NODE_STATUS_MS === 0) postNodeStatus(c, node)
  c.schedule(LEASE_RENEW_MS, { type: 'kubelet.heartbeat', node, beat })
})
