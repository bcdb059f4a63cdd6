// Hand-made pods and metrics for the replica calculator (k8s-fidelity.md §10 cases 13–22).
import type { KObject } from '../../../../src/engine/api/types'
import type { MetricColumn } from '../../../../src/engine/controlplane/hpa/metrics-client'
import type { ProposalInput } from '../../../../src/engine/controlplane/hpa/replicas'
import { rfc3339 } from '../../../../src/engine/sim/time'

/** Sim "now" of the fixtures: late enough that pods started 10 minutes ago have a start time. */
export const NOW = 3_600_000

export interface PodOpts {
  phase?: string
  ready?: boolean
  /** ms before NOW the pod started / became (un)ready. */
  startedAgo?: number
  readyAgo?: number
  request?: string | null
  container?: string
  deleted?: boolean
}

export function pod(name: string, o: PodOpts = {}): KObject {
  const startedAgo = o.startedAgo ?? 600_000
  const resources = o.request === null ? {} : { requests: { cpu: o.request ?? '100m' } }
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: rfc3339(NOW - startedAgo - 2000), labels: { app: 'web' }, ...(o.deleted ? { deletionTimestamp: rfc3339(NOW) } : {}) },
    spec: { containers: [{ name: o.container ?? 'app', image: 'nginx:1.25', resources }] },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.phase === 'Pending' ? {} : { startTime: rfc3339(NOW - startedAgo) }),
      conditions: o.phase === 'Pending' ? [] : [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: rfc3339(NOW - (o.readyAgo ?? startedAgo - 1000)) }],
    },
  }
}

/**
 * Metrics by pod name (milli-values) as a column aligned with the pods, what the HPA's metrics
 * client hands over: measured 5 s ago over a 15 s window.
 */
export function column(pods: KObject[], m: Record<string, number>): MetricColumn {
  return {
    value: pods.map((p) => m[p.metadata.name] ?? null),
    timestamp: pods.map(() => NOW - 5000),
    window: pods.map(() => 15_000),
  }
}

export function input(current: number, pods: KObject[], m: Record<string, number>, resource = 'cpu'): ProposalInput {
  return { now: NOW, current, resource, container: '', pods, metrics: column(pods, m), timestamp: NOW - 5000 }
}
