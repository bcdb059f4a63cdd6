// The HPA's resource metrics client: PodMetrics from the Metrics API → each pod's milli-value
// with its timestamp and window. k/k pkg/controller/podautoscaler/metrics/client.go
// (resourceMetricsClient.GetResourceMetric, getPodMetrics, getContainerMetrics). The Metrics API
// lists the pods of the same selector from the same store as the HPA's pod lister, so the answer
// is kept as columns aligned with that pod list.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import type { Selector } from '../../api/selectors'
import { listPodMetricsValues, podMetricsColumns, type Usage } from '../../metrics/metrics-api'
import { listPods } from '../../metrics/pod-index'
import { HPA_CONTROLLER } from './constants'

/** Each pod's metric, aligned with the pod list it was fetched for. */
export interface MetricColumn {
  /** Milli-units (MilliValue: millicores for cpu, milli-bytes for memory), or null: no metric. */
  value: readonly (number | null)[]
  /** Sim ms of each metric's timestamp (second resolution, as the API serialises it). */
  timestamp: readonly number[]
  window: readonly number[]
}

export type Fetched = { ok: true; pods: readonly KObject[]; metrics: MetricColumn; timestamp: number } | { ok: false; error: string }

/** Quantity.MilliValue of a usage: CPU nanocores rounded up to millicores; bytes × 1000. */
function milli(u: Usage, resource: string): number | undefined {
  if (resource === 'cpu') return Math.ceil(u.cpu / 1e6)
  if (resource === 'memory') return u.memory * 1000
  return undefined
}

/** getContainerMetrics: one container's value per pod; an error if a pod's metrics lack it. */
function containerMetric(c: Cluster, resource: string, namespace: string, selector: Selector, container: string): Fetched {
  const r = listPodMetricsValues(c, namespace, selector, HPA_CONTROLLER)
  if (!r.ok) return { ok: false, error: `unable to fetch metrics from resource metrics API: ${r.status.message}` }
  if (r.value.length === 0) return { ok: false, error: 'no metrics returned from resource metrics API' }
  const pods = listPods(c, namespace, selector)
  const byName = new Map(r.value.map((m) => [m.name, m]))
  const value: (number | null)[] = []
  const timestamp: number[] = []
  const window: number[] = []
  for (const pod of pods) {
    const m = byName.get(pod.metadata.name)
    const ct = m?.containers.find((x) => x.name === container)
    if (m && !ct) return { ok: false, error: `failed to get container metrics: container ${container} not present in metrics for pod ${m.namespace}/${m.name}` }
    value.push(ct ? milli(ct.usage, resource) ?? null : null)
    timestamp.push(m?.timestamp ?? 0)
    window.push(m?.window ?? 0)
  }
  return { ok: true, pods, metrics: { value, timestamp, window }, timestamp: r.value[0].timestamp }
}

/** GetResourceMetric for the pods a selector picks. The column is shared: never change it. */
export function getResourceMetric(c: Cluster, resource: string, namespace: string, selector: Selector, container: string): Fetched {
  if (container) return containerMetric(c, resource, namespace, selector, container)
  const r = podMetricsColumns(c, namespace, selector, HPA_CONTROLLER)
  if (!r.ok) return { ok: false, error: `unable to fetch metrics from resource metrics API: ${r.status.message}` }
  const cols = r.value
  if (cols.items === 0) return { ok: false, error: 'no metrics returned from resource metrics API' }
  // Only cpu and memory are served: any other resource is missing for every pod.
  const value = resource === 'cpu' ? cols.cpuMilli : resource === 'memory' ? cols.memMilli : cols.pods.map(() => null)
  const first = cols.cpuMilli.findIndex((v) => v !== null)
  return { ok: true, pods: cols.pods, metrics: { value, timestamp: cols.timestamp, window: cols.window }, timestamp: first >= 0 ? cols.timestamp[first] : 0 }
}
