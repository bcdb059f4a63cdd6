// Registers the HorizontalPodAutoscaler controller (see ../index.ts).
import './controller'

export { hpaEvaluations } from './evaluations'
export type { HpaEvaluation, MetricEvaluation } from './evaluations'
export { podRows } from './trace'
export type { ReplicaTrace, PodTrace, PodGroup, PodTable } from './trace'
export type { NormalizationTrace } from './normalize'
