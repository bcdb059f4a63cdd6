// Test cluster with only the node area loaded (no scheduler/admission): pods are created with
// spec.nodeName set, the namespaces by hand.
import '../../../../src/engine/node/index'
import { createCluster, type Cluster } from '../../../../src/engine/cluster'
import type { KObject } from '../../../../src/engine/api/types'
import { setPodNetwork } from '../../../../src/engine/network/types'

setPodNetwork({
  resolve: () => ({ ok: false, error: 'NXDOMAIN', latencyMs: 1 }),
  http: (_c, _from, url) => (url.includes('/bad') ? { ok: true, status: 503, body: '', latencyMs: 1 } : { ok: true, status: 200, body: 'ok', latencyMs: 1 }),
  tcp: () => ({ ok: true, latencyMs: 1 }),
})

export function cluster(opts: { workers?: number } = {}): Cluster {
  const c = createCluster({ settle: false, workers: opts.workers ?? 2 })
  for (const ns of ['default', 'kube-system', 'kube-node-lease']) {
    if (!c.api.get('namespaces', undefined, ns)) c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
  }
  c.advance(1000)
  return c
}

 
export function pod(c: Cluster, name: string, spec: any, node = 'worker-1'): KObject {
  const r = c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: node, ...spec } })
  if (!r.ok) throw new Error(r.status.message)
  return r.value
}

export function get(c: Cluster, name: string): KObject | undefined {
  return c.api.get('pods', 'default', name)
}

/** READY / STATUS / RESTARTS as printPod computes them (enough of it for these tests). */
export function row(c: Cluster, name: string): string {
  const p = get(c, name)
  if (!p) return 'gone'
   
  const st: any = p.status ?? {}
  let reason: string = st.reason || st.phase
  let restarts = 0
  let initializing = false
  const inits = p.spec.initContainers ?? []
   
  ;(st.initContainerStatuses ?? []).some((s: any, i: number) => {
    restarts += s.restartCount
    if (s.state.terminated && s.state.terminated.exitCode === 0) return false
    initializing = true
    if (s.state.terminated) reason = 'Init:' + s.state.terminated.reason
    else if (s.state.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') reason = 'Init:' + s.state.waiting.reason
    else reason = `Init:${i}/${inits.length}`
    return true
  })
  let ready = 0
   
  const initialized = (st.conditions ?? []).some((x: any) => x.type === 'Initialized' && x.status === 'True')
  if (!initializing || initialized) {
    restarts = 0
    for (const s of [...(st.containerStatuses ?? [])].reverse()) {
      restarts += s.restartCount
      if (s.state.waiting?.reason) reason = s.state.waiting.reason
      else if (s.state.terminated?.reason) reason = s.state.terminated.reason
      else if (s.ready && s.state.running) ready++
    }
  }
  if (p.metadata.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = 'Terminating'
  return `${ready}/${p.spec.containers.length} ${reason} ${restarts}`
}

export function events(c: Cluster, name: string): string[] {
  return c.api
    .list('events', { namespace: 'default' })
     
    .filter((e) => (e.involvedObject as any).name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.reason} ${e.message}`)
}
