// The HPA's status as the controller rebuilds it each sync (horizontal.go setStatus,
// setCurrentReplicasAndMetricsInStatus, updateStatusIfNeeded): written only when it changed.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { jsonEqual } from '../../api/store'
import { rfc3339 } from '../../sim/time'
import { HPA_CONTROLLER } from './constants'
import type { HpaCondition } from './conditions'
import { hpaEvent } from './events'

type Json = any

/** The status fields in autoscaling/v2 order; currentReplicas is omitempty, currentMetrics is not. */
export function buildStatus(c: Cluster, old: Json, current: number, desired: number, metrics: Json[] | null, conditions: HpaCondition[], rescaled: boolean): Json {
  const lastScaleTime = rescaled ? rfc3339(c.now) : old?.lastScaleTime
  return {
    ...(lastScaleTime ? { lastScaleTime } : {}),
    ...(current ? { currentReplicas: current } : {}),
    desiredReplicas: desired,
    currentMetrics: metrics,
    ...(conditions.length ? { conditions } : {}),
  }
}

/** updateStatusIfNeeded: PUT …/status when the status differs from the one read at the start. */
export function updateStatusIfNeeded(c: Cluster, hpa: KObject, original: Json, status: Json): void {
  if (jsonEqual(original ?? null, status)) return
  const r = c.client(HPA_CONTROLLER).updateStatus('horizontalpodautoscalers', hpa.metadata.namespace, hpa.metadata.name, (o) => {
    o.status = status
  })
  if (!r.ok) hpaEvent(c, hpa, 'Warning', 'FailedUpdateStatus', r.status.message)
}
