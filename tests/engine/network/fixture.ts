// A settled cluster with pods pinned to nodes and a few Services, built once per backend and
// restored from a snapshot for each test (restoring also starts with cold network caches).
import { createCluster, restoreCluster, type Cluster, type ClusterState } from '../../../src/engine/index'
import type { NetworkBackend } from '../../../src/engine/state'

type Json = any

function pod(name: string, node: string, labels: Record<string, string>, image = 'nginx:1.25', extra: Json = {}): Json {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { nodeSelector: { 'kubernetes.io/hostname': node }, containers: [{ name: 'main', image, ...extra }] } }
}

function svc(name: string, spec: Json): Json {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec }
}

const snaps: Record<string, ClusterState> = {}

/**
 * Pods: a (worker-1, app=a), b (worker-2, app=b), c (worker-1, app=b), client (busybox, worker-1).
 * Services: b (ClusterIP :80 → app=b), np (NodePort :80 → app=b), sticky (ClientIP affinity → app=b),
 * empty (no endpoints), ext (ExternalName example.com), db (headless → app=a).
 */
export function netCluster(backend: NetworkBackend = 'vxlan', seed = 11): Cluster {
  const key = `${backend}:${seed}`
  if (!snaps[key]) {
    const c = createCluster({ seed, network: { backend } })
    const objs: Json[] = [
      pod('a', 'worker-1', { app: 'a' }),
      pod('b', 'worker-2', { app: 'b' }),
      pod('c', 'worker-1', { app: 'b' }),
      pod('client', 'worker-1', { app: 'client' }, 'busybox:1.28', { command: ['sleep', '3600'] }),
      svc('b', { selector: { app: 'b' }, ports: [{ port: 80 }] }),
      svc('np', { type: 'NodePort', selector: { app: 'b' }, ports: [{ port: 80, nodePort: 30080 }] }),
      svc('sticky', { selector: { app: 'b' }, sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }),
      svc('empty', { selector: { app: 'nothing' }, ports: [{ port: 80 }] }),
      svc('ext', { type: 'ExternalName', externalName: 'example.com' }),
      svc('db', { clusterIP: 'None', selector: { app: 'a' }, ports: [{ port: 80 }] }),
    ]
    for (const o of objs) {
      const r = c.api.create(o)
      if (!r.ok) throw new Error(r.status.message)
    }
    c.advance(60_000)
    snaps[key] = c.snapshot()
  }
  return restoreCluster(snaps[key])
}

export function podIP(c: Cluster, name: string, ns = 'default'): string {
  return c.api.get('pods', ns, name)!.status.podIP
}

export function clusterIP(c: Cluster, name: string, ns = 'default'): string {
  return c.api.get('services', ns, name)!.spec.clusterIP
}

/** The NetOrigin of a container in a pod. */
export function fromPod(c: Cluster, name: string, ns = 'default') {
  const p = c.api.get('pods', ns, name)!
  return { pod: p, node: p.spec.nodeName as string, container: p.spec.containers[0].name as string }
}
