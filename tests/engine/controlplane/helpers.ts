// Test helpers: a cluster with only the control-plane modules loaded, hand-made Nodes, and a
// fake kubelet that marks bound pods Running/Ready (the real kubelet is another module).
import '../../../src/engine/controlplane/index'
import { createCluster, type Cluster } from '../../../src/engine/cluster'
import type { KObject } from '../../../src/engine/api/types'
import { rfc3339 } from '../../../src/engine/sim/time'

export interface NodeSpec { name: string; cpu?: string; memory?: string; pods?: string; labels?: Record<string, string>; taints?: { key: string; value?: string; effect: string }[]; unschedulable?: boolean; ready?: boolean }

export function makeNode(n: NodeSpec): KObject {
  const alloc = { cpu: n.cpu ?? '2', memory: n.memory ?? '4Gi', pods: n.pods ?? '110' }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', ...(n.labels ?? {}) } },
    spec: { ...(n.taints ? { taints: n.taints } : {}), ...(n.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: alloc, capacity: alloc, conditions: [{ type: 'Ready', status: n.ready === false ? 'False' : 'True' }] },
  } as unknown as KObject
}

export const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }

/** 1 tainted control plane + `workers` workers; no system objects unless `system`. */
export function cluster(opts: { workers?: number; system?: boolean; nodes?: NodeSpec[]; seed?: number } = {}): Cluster {
  const c = createCluster({ seed: opts.seed ?? 7, settle: false, workers: 0 })
  if (!opts.system) {
    // Remove what the bootstrap created in kube-system etc. so tests count only their own pods.
    for (const plural of ['deployments', 'daemonsets', 'replicasets', 'pods']) c.state.store.objects[plural] = {}
  }
  const nodes = opts.nodes ?? [
    { name: 'control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' }, taints: [CP_TAINT] },
    ...Array.from({ length: opts.workers ?? 2 }, (_, i) => ({ name: `worker-${i + 1}` })),
  ]
  for (const n of nodes) c.api.create(makeNode(n))
  return c
}

/** The fake kubelet: bound, non-deleted pods become Running + Ready with an IP; deleted pods go away. */
export function kubelet(c: Cluster, opts: { ready?: boolean } = {}): void {
  const api = c.client('fake-kubelet')
  const seq = c.slot<{ ip: number }>('fake-kubelet', () => ({ ip: 2 }))
  for (const pod of api.list('pods')) {
    if (!pod.spec?.nodeName) continue
    if (pod.metadata.deletionTimestamp) { api.delete('pods', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 }); forceRemove(c, pod); continue }
    if (pod.status?.phase === 'Running') continue
    api.updateStatus('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
      const t = rfc3339(c.now)
      p.status = {
        ...(p.status ?? {}),
        phase: 'Running',
        podIP: `10.244.${9 + Math.floor(seq.ip / 250)}.${2 + (seq.ip++ % 250)}`,
        conditions: [...(p.status?.conditions ?? []).filter((x: { type: string }) => x.type === 'PodScheduled'), { type: 'Ready', status: opts.ready === false ? 'False' : 'True', lastTransitionTime: t }],
      }
    })
  }
}

function forceRemove(c: Cluster, pod: KObject): void {
  // Graceful deletion with grace 0 on a bound pod still leaves it for the kubelet: finish it here.
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`
  const cur = c.state.store.objects.pods?.[key]
  if (cur && cur.metadata.deletionTimestamp && !cur.metadata.finalizers?.length) {
    delete c.state.store.objects.pods[key]
    c.notify('DELETED', 'pods', key, cur)
  }
}

/** Advance in small steps, running the fake kubelet between them. */
export function run(c: Cluster, ms: number, opts: { ready?: boolean } = {}): void {
  for (let t = 0; t < ms; t += 100) {
    c.advance(100)
    kubelet(c, opts)
  }
}

export function events(c: Cluster, reason?: string): { reason: string; message: string; type: string; source: { component: string }; count: number }[] {
  return c.api.list('events').filter((e) => !reason || e.reason === reason)
    .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)) as never
}

export function pods(c: Cluster, ns = 'default'): KObject[] {
  return c.api.list('pods', { namespace: ns })
}

export function pod(name: string, spec: Record<string, unknown> = {}, labels?: Record<string, string>): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) }, spec: { containers: [{ name: 'app', image: 'nginx:1.7.9' }], ...spec } } as unknown as KObject
}

export function deployment(name: string, replicas: number, image = 'nginx:1.7.9'): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } } },
  } as unknown as KObject
}
