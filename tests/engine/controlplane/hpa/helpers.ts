// A settled default cluster (metrics-server running) and helpers to create load and HPAs.
import { createCluster, restoreCluster, type Cluster, type ClusterState, type KObject } from '../../../../src/engine'
import { setFlow } from '../../../../src/engine/metrics/load'
import { lookupImage } from '../../../../src/engine/node/images/catalog'
import { eventsFor } from '../../../../src/engine/api/events'

let snap: ClusterState | undefined

export function settled(): Cluster {
  snap ??= createCluster({ seed: 3 }).snapshot()
  return restoreCluster(snap)
}

export const IMAGE = 'nginx:1.25'

export function workload(c: Cluster, kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'ReplicationController', name: string, replicas: number, resources: Record<string, unknown> = { requests: { cpu: '100m' } }, image = IMAGE): KObject {
  const labels = { app: name }
  const template = { metadata: { labels }, spec: { containers: [{ name: 'nginx', image, resources }] } }
  const spec: Record<string, unknown> = kind === 'ReplicationController'
    ? { replicas, selector: labels, template }
    : { replicas, selector: { matchLabels: labels }, template, ...(kind === 'StatefulSet' ? { serviceName: name } : {}) }
  const r = c.api.create({ apiVersion: kind === 'ReplicationController' ? 'v1' : 'apps/v1', kind, metadata: { name, namespace: 'default' }, spec } as never)
  if (!r.ok) throw new Error(r.status.message)
  return r.value
}

export function podsOf(c: Cluster, app: string): KObject[] {
  return c.api.list('pods', { namespace: 'default', filter: (p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp })
}

export function readyPods(c: Cluster, app: string): KObject[] {
  return podsOf(c, app).filter((p) => p.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True'))
}

/** Advances until `n` pods of the app are Ready (or fails). */
export function waitReady(c: Cluster, app: string, n: number): void {
  for (let i = 0; i < 120 && readyPods(c, app).length < n; i++) c.advance(1000)
  if (readyPods(c, app).length < n) throw new Error(`${app}: ${readyPods(c, app).length}/${n} ready`)
}

/** A steady request flow into each ready pod of the app that costs `milli` millicores of CPU. */
export function load(c: Cluster, app: string, milli: number, pods = readyPods(c, app)): void {
  const look = lookupImage(IMAGE)
  if (!look.ok) throw new Error('image')
  const rps = milli / look.info.cpuPerRequestMilli
  setFlow(c, `test/${app}`, pods.map((p) => ({ pod: `default/${p.metadata.name}`, container: 'nginx', rps })))
}

export function hpa(c: Cluster, name: string, target: { kind?: string; apiVersion?: string; name?: string }, spec: Record<string, unknown>): KObject {
  const r = c.api.create({
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: target.apiVersion ?? 'apps/v1', kind: target.kind ?? 'Deployment', name: target.name ?? name }, minReplicas: 1, maxReplicas: 10, ...spec },
  } as never)
  if (!r.ok) throw new Error(r.status.message)
  return r.value
}

export const cpu = (averageUtilization: number) => [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } }]

export function hpaEvents(c: Cluster, name: string): string[] {
  const h = c.api.get('horizontalpodautoscalers', 'default', name)
  if (!h) return []
  return eventsFor(c, h).map((e) => `${e.type} ${e.reason} ${e.message}`)
}

export function condition(c: Cluster, name: string, type: string): { status: string; reason: string; message: string } | undefined {
  return c.api.get('horizontalpodautoscalers', 'default', name)?.status?.conditions?.find((x: { type: string }) => x.type === type)
}

/** Runs until the HPA has been reconciled `n` more times (its sync period is 15 s). */
export function syncs(c: Cluster, n: number): void {
  c.advance(n * 15_000 + 100)
}
