// Pokes on machines and containers: stop/start a kubelet, add/remove a worker, crash a container.
import type { Cluster } from '../cluster'
import { onAction, onBootstrap } from '../registry'
import { fail, ok } from '../api/types'
import { removeWhere } from '../sim/queue'
import { addMachine, podCIDROf, postNodeStatus, registerNode, renewLease, LEASE_RENEW_MS } from './machines'
import { kubeletState, peekKubelet, containerExited, syncPod, removeWorker } from './kubelet/worker'
import { forgetNode } from '../network/ipam'
import { forgetImages } from './kubelet/images'
import { recordEvent } from '../api/events'

const notFound = (node: string) => fail<string>({ code: 404, reason: 'NotFound', message: `node "${node}" not found`, details: { name: node, kind: 'nodes' } })

onBootstrap(10, 'machines', (c) => {
  addMachine(c, 'control-plane', 'control-plane')
  for (let i = 1; i <= c.state.config.workers; i++) addMachine(c, `worker-${i}`, 'worker')
  c.refreshComponents()
  for (const m of Object.values(c.state.machines)) registerNode(c, m)
})

/** Kubelet stop (also what a network partition looks like from the API): no more heartbeats or status. */
export function stopKubelet(c: Cluster, node: string): void {
  c.state.machines[node].kubeletRunning = false
  // The kubelet's timers die with it; containers keep their last reported status.
  removeWhere(c.state.queue, (ev) => ev.node === node && String(ev.type).startsWith('kubelet.'))
}

onAction('node.stop', (c, a) => {
  const node = String(a.node ?? '')
  const m = c.state.machines[node]
  if (!m) return notFound(node)
  if (!m.kubeletRunning) return ok(`kubelet on ${node} is already stopped`)
  stopKubelet(c, node)
  return ok(`kubelet on ${node} stopped`)
})

/**
 * Kubelet start: heartbeats again, then a full resync of the pods bound to the node. `restart`
 * false: the kubelet never stopped, it only regained the API server (a healed partition).
 */
export function startKubelet(c: Cluster, node: string, restart = true): void {
  const m = c.state.machines[node]
  m.kubeletRunning = true
  if (!c.api.get('nodes', undefined, node)) registerNode(c, m)
  else {
    const n = c.api.get('nodes', undefined, node)!
    const src = { component: 'kubelet', host: node }
    if (restart) recordEvent(c, src, n, 'Normal', 'Starting', 'Starting kubelet.')
    recordEvent(c, src, n, 'Normal', 'NodeReady', `Node ${node} status is now: NodeReady`)
    postNodeStatus(c, node)
    renewLease(c, node)
    c.schedule(LEASE_RENEW_MS, { type: 'kubelet.heartbeat', node })
  }
  const st = kubeletState(c, node)
  const bound = c.api.list('pods', { filter: (p) => p.spec?.nodeName === node })
  const live: Record<string, boolean> = {}
  for (const p of bound) live[p.metadata.uid] = true
  for (const uid of Object.keys(st.pods)) if (!live[uid]) removeWorker(c, node, uid)
  // Processes that were waiting while the kubelet was down resume now.
  for (const w of Object.values(st.pods)) {
    for (const r of Object.values(w.containers)) {
      if (r.stage === 'running' && r.waitUntil !== undefined) c.scheduleAt(Math.max(c.now, r.waitUntil), { type: 'kubelet.resume', node, podUid: w.uid, container: r.name, instance: r.instance })
      if (r.probes) for (const kind of Object.keys(r.probes)) c.schedule(1000, { type: 'kubelet.probe', node, podUid: w.uid, container: r.name, instance: r.instance, probe: kind })
    }
  }
  for (const p of bound) syncPod(c, node, p.metadata.namespace ?? 'default', p.metadata.name, p.metadata.uid)
}

onAction('node.start', (c, a) => {
  const node = String(a.node ?? '')
  const m = c.state.machines[node]
  if (!m) return notFound(node)
  if (m.kubeletRunning) return ok(`kubelet on ${node} is already running`)
  startKubelet(c, node)
  return ok(`kubelet on ${node} started`)
})

onAction('node.add', (c) => {
  let i = 1
  while (c.state.machines[`worker-${i}`]) i++
  const m = addMachine(c, `worker-${i}`, 'worker')
  c.refreshComponents()
  registerNode(c, m)
  return ok(`node worker-${i} added (${m.ip}, podCIDR ${podCIDROf(m)})`)
})

onAction('node.remove', (c, a) => {
  const node = String(a.node ?? '')
  const m = c.state.machines[node]
  if (!m) return notFound(node)
  delete c.state.machines[node]
  removeWhere(c.state.queue, (ev) => ev.node === node)
  delete c.state.components[`kubelet/${node}`]
  forgetNode(c, node)
  forgetImages(c, node)
  c.refreshComponents()
  c.client('kubectl').delete('nodes', undefined, node)
  const lease = c.api.get('leases', 'kube-node-lease', node)
  if (lease) c.client('kube-controller-manager').delete('leases', 'kube-node-lease', node)
  // PodGC removes pods bound to a node that no longer exists (pkg/controller/podgc gcOrphaned).
  for (const p of c.api.list('pods', { filter: (p) => p.spec?.nodeName === node })) {
    c.client('pod-garbage-collector').delete('pods', p.metadata.namespace, p.metadata.name, { gracePeriodSeconds: 0 })
  }
  return ok(`node ${node} removed`)
})

onAction('container.crash', (c, a) => {
  const ns = String(a.namespace ?? 'default')
  const name = String(a.pod ?? '')
  const p = c.api.get('pods', ns, name)
  if (!p) return fail({ code: 404, reason: 'NotFound', message: `pods "${name}" not found`, details: { name, kind: 'pods' } })
  const node = p.spec?.nodeName as string | undefined
  const w = node ? peekKubelet(c, node)?.pods[p.metadata.uid] : undefined
  const cname = (a.container as string | undefined) ?? p.spec?.containers?.[0]?.name
  const r = w?.containers[cname ?? '']
  if (!node || !w || !r) return fail({ code: 400, reason: 'BadRequest', message: `container "${cname}" in pod "${name}" is not running` })
  if (r.stage !== 'running') return fail({ code: 400, reason: 'BadRequest', message: `container "${cname}" in pod "${name}" is not running` })
  const code = typeof a.exitCode === 'number' ? a.exitCode : 1
  containerExited(c, node, w, r, code)
  syncPod(c, node, w.namespace, w.name, w.uid)
  return ok(`container ${cname} in pod ${name} exited with code ${code}`)
})
