// The recorded arithmetic of one metric's proposal (the replica calculator's trace), compact
// because evaluations are kept in the cluster state: pods as columns.

/** How groupPods classified a pod. */
export type PodGroup = 'ready' | 'unready' | 'missing' | 'ignored'

export interface PodTrace {
  name: string
  group: PodGroup
  /** Its metric (milli-units), when it has one. */
  usage?: number
  /** Σ container requests (milli-units). */
  request?: number
  /** The value assumed for a missing or unready pod in the second pass. */
  assumed?: number
}

/** The pods of one proposal column by column (evaluations are kept in the state: compact). */
export interface PodTable {
  names: string[]
  /** One letter per pod: r(eady), u(nready), m(issing), i(gnored). */
  groups: string
  /** Metric (milli-units) or null. */
  usage: readonly (number | null)[]
  /** Σ requests (milli-units) or null (AverageValue targets do not use them). */
  request: readonly (number | null)[]
  /** Values assumed in the second pass for missing or unready pods, by name. */
  assumed: Record<string, number>
}

const GROUP_OF: Record<string, PodGroup> = { r: 'ready', u: 'unready', m: 'missing', i: 'ignored' }

/** The table as one row per pod. */
export function podRows(t: PodTable): PodTrace[] {
  return t.names.map((name, i) => {
    const row: PodTrace = { name, group: GROUP_OF[t.groups[i]] }
    if (t.usage[i] !== null) row.usage = t.usage[i] as number
    if (t.request[i] !== null) row.request = t.request[i] as number
    if (t.assumed[name] !== undefined) row.assumed = t.assumed[name]
    return row
  })
}

/** The arithmetic of one resource metric's proposal. */
export interface ReplicaTrace {
  /** 'utilization': percent of requests; 'value': average per pod. */
  kind: 'utilization' | 'value'
  pods: PodTable
  readyPodCount: number
  /** Target utilisation (%) or target average value (milli-units). */
  target: number
  /** Integer utilisation (%) over the pods with metrics. */
  utilization?: number
  /** Average metric per pod with a metric (milli-units). */
  average?: number
  ratio?: number
  /** Second pass, after filling missing/unready pods. */
  newRatio?: number
  newUtilization?: number
  /** Pods counted in the second pass (len(metrics)). */
  counted?: number
  tolerance: number
  /** Why the proposal is what it is. */
  rule?: 'tolerance' | 'scale' | 'tolerance-after-fill' | 'direction-flip' | 'rescaled' | 'count-flip'
  proposal?: number
}

