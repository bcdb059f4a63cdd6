// A bounded history of each HPA's evaluations with their inputs and arithmetic, for the HPA
// panel (the formula with live numbers, the window's recommendations, the limit, the clamp) and
// its chart. Kept in the cluster state so it survives snapshots and time travel.
import type { Cluster } from '../../cluster'
import type { ReplicaTrace } from './replicas'
import type { NormalizationTrace } from './normalize'

/** Evaluations kept per HPA: 20 syncs, 5 minutes at the default period. */
export const EVALUATIONS_KEPT = 20

/** One metric of one evaluation. */
export interface MetricEvaluation {
  /** spec.metrics[i].type and the resource/metric name. */
  type: string
  name: string
  /** "cpu resource utilization (percentage of request)", as rescale reasons name it. */
  description?: string
  target: { type: string; averageUtilization?: number; averageValue?: string; value?: string }
  /** The metric's proposal, when it could be computed. */
  replicas?: number
  trace?: ReplicaTrace
  error?: string
}

export interface HpaEvaluation {
  /** Sim ms. */
  at: number
  /** The scale's spec.replicas when the sync started, or undefined if it could not be read. */
  currentReplicas?: number
  minReplicas: number
  maxReplicas: number
  selector?: string
  metrics: MetricEvaluation[]
  /** Max over the metrics (computeReplicasForMetrics), and the metric that gave it. */
  proposal?: number
  metricName?: string
  /** Set when the current size is outside [min, max] or the target is at zero: no metrics used. */
  shortcut?: string
  rescaleReason?: string
  normalization?: NormalizationTrace
  desiredReplicas: number
  rescaled: boolean
  /** Why nothing could be decided (the event the controller emitted). */
  error?: string
}

interface History { byHpa: Record<string, HpaEvaluation[]> }

function history(c: Cluster): History {
  return c.slot<History>('hpa-evaluations', () => ({ byHpa: {} }))
}

export function recordEvaluation(c: Cluster, key: string, ev: HpaEvaluation): void {
  const list = (history(c).byHpa[key] ??= [])
  list.push(ev)
  if (list.length > EVALUATIONS_KEPT) list.splice(0, list.length - EVALUATIONS_KEPT)
}

export function forgetEvaluations(c: Cluster, key: string): void {
  const h = c.state.components['hpa-evaluations'] as History | undefined
  if (h) delete h.byHpa[key]
}

/** The recorded evaluations of one HPA, oldest first (a read: the state is not touched). */
export function hpaEvaluations(c: Cluster, namespace: string, name: string): readonly HpaEvaluation[] {
  const h = c.state.components['hpa-evaluations'] as History | undefined
  return h?.byHpa[`${namespace}/${name}`] ?? []
}
