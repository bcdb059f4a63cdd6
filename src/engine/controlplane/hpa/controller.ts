// The HorizontalPodAutoscaler controller: every 15 s per HPA it reads the target's scale, asks the
// Metrics API for the pods' usage, proposes a size, normalises it and rescales the target, then
// writes the status (conditions, current metrics). Each sync is recorded with its arithmetic
// (evaluations.ts). Source: k/k pkg/controller/podautoscaler/horizontal.go (enqueueHPA,
// processNextWorkItem, reconcileKey, reconcileAutoscaler) with the fixed-interval rate limiter of
// rate_limiters.go (every request waits the resync period).
import type { Cluster } from '../../cluster'
import type { KObject, WatchEvent } from '../../api/types'
import { clone } from '../../api/store'
import { registerComponents } from '../../registry'
import { enqueueAfter, onResync } from '../util/queue'
import { splitKey } from '../util/sync-keys'
import { setCondition, type HpaCondition } from './conditions'
import { computeReplicasForMetrics } from './compute'
import { HPA_CONTROLLER, SYNC_PERIOD_MS } from './constants'
import { recordEvaluation, forgetEvaluations, type HpaEvaluation } from './evaluations'
import { hpaEvent } from './events'
import { forgetHpa, registerHpa, unregisterHpa } from './memory'
import { normalizeDesiredReplicas, normalizeDesiredReplicasWithBehaviors, recordInitialRecommendation, storeScaleEvent } from './normalize'
import { getScale, updateScale } from './scale'
import { buildStatus, updateStatusIfNeeded } from './status'

type Json = any

/** reconcileAutoscaler for one HPA object. */
export function reconcileAutoscaler(c: Cluster, shared: KObject, key: string): void {
  // Read-only: the status is rebuilt and written through the API, the spec is never changed.
  const hpa = shared
  const spec = hpa.spec ?? {}
  const original = shared.status
  const conds: HpaCondition[] = clone(shared.status?.conditions ?? [])
  const min: number = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1
  const max: number = spec.maxReplicas ?? 0
  const ev: HpaEvaluation = { at: c.now, minReplicas: min, maxReplicas: max, metrics: [], desiredReplicas: shared.status?.desiredReplicas ?? 0, rescaled: false }
  const finish = (status: Json) => {
    updateStatusIfNeeded(c, hpa, original, status)
    recordEvaluation(c, key, ev)
  }
  const keepDesired = (current: number, metrics: Json[] | null) => buildStatus(c, shared.status, current, shared.status?.desiredReplicas ?? 0, metrics, conds, false)

  const got = getScale(c, hpa.metadata.namespace as string, spec.scaleTargetRef ?? {})
  if (!got.ok) {
    hpaEvent(c, hpa, 'Warning', 'FailedGetScale', got.error)
    setCondition(c, conds, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${got.error}`)
    ev.error = got.error
    finish(buildStatus(c, shared.status, shared.status?.currentReplicas ?? 0, shared.status?.desiredReplicas ?? 0, shared.status?.currentMetrics ?? null, conds, false))
    return
  }
  const scale = got.scale
  setCondition(c, conds, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale")
  const current = scale.specReplicas
  ev.currentReplicas = current
  ev.selector = scale.selectorText
  recordInitialRecommendation(c, key, current)

  let desired = 0
  let reason = ''
  let rescale = true
  let metricStatuses: Json[] | null = null
  if (current === 0 && min !== 0) {
    // Autoscaling is off while the target is scaled to zero.
    rescale = false
    setCondition(c, conds, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero')
    ev.shortcut = 'ScalingDisabled'
  } else if (current > max) {
    reason = 'Current number of replicas above Spec.MaxReplicas'
    desired = max
    ev.shortcut = reason
  } else if (current < min) {
    reason = 'Current number of replicas below Spec.MinReplicas'
    desired = min
    ev.shortcut = reason
  } else {
    const m = computeReplicasForMetrics(c, hpa, conds, key, scale, spec.metrics ?? [])
    ev.metrics = m.metrics
    metricStatuses = m.statuses
    if (m.error !== undefined && m.replicas === -1) {
      ev.error = m.error
      updateStatusIfNeeded(c, hpa, original, keepDesired(current, m.statuses))
      hpaEvent(c, hpa, 'Warning', 'FailedComputeMetricsReplicas', m.error)
      recordEvaluation(c, key, ev)
      return
    }
    ev.proposal = m.replicas
    ev.metricName = m.metricName
    let rescaleMetric = ''
    if (m.replicas > desired) [desired, rescaleMetric] = [m.replicas, m.metricName]
    if (desired > current) reason = `${rescaleMetric} above target`
    if (desired < current) reason = 'All metrics below target'
    const norm = spec.behavior
      ? normalizeDesiredReplicasWithBehaviors(c, conds, key, spec.behavior, current, desired, min, max)
      : normalizeDesiredReplicas(c, conds, key, current, desired, min, max)
    ev.normalization = norm
    desired = norm.desired
    rescale = desired !== current
  }
  ev.rescaleReason = reason

  if (rescale) {
    const err = updateScale(c, scale, desired)
    if (err !== undefined) {
      hpaEvent(c, hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${err}`)
      setCondition(c, conds, 'AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${err}`)
      ev.error = err
      finish(keepDesired(current, metricStatuses))
      return
    }
    setCondition(c, conds, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`)
    hpaEvent(c, hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`)
    storeScaleEvent(c, spec.behavior, key, current, desired)
  } else desired = current
  ev.desiredReplicas = desired
  ev.rescaled = rescale
  finish(buildStatus(c, shared.status, current, desired, metricStatuses, conds, rescale))
}

/** reconcileKey: a deleted HPA's memory is dropped and it is not requeued. */
export function reconcileKey(c: Cluster, key: string): boolean {
  const [ns, name] = splitKey(key)
  const hpa = c.client(HPA_CONTROLLER).get('horizontalpodautoscalers', ns, name)
  if (!hpa) {
    forgetHpa(c, key)
    forgetEvaluations(c, key)
    return true
  }
  reconcileAutoscaler(c, hpa, key)
  return false
}

onResync(HPA_CONTROLLER, (c, key) => {
  // processNextWorkItem: each processed key is added back with the resync delay.
  if (!reconcileKey(c, key)) enqueueAfter(c, HPA_CONTROLLER, key, SYNC_PERIOD_MS)
})

function onWatch(c: Cluster, events: WatchEvent[]): void {
  for (const e of events) {
    const key = `${e.object.metadata.namespace ?? 'default'}/${e.object.metadata.name}`
    if (e.type === 'DELETED') {
      unregisterHpa(c, key)
      continue
    }
    // enqueueHPA: AddRateLimited with the fixed resync interval; a request already waiting wins.
    registerHpa(c, key)
    enqueueAfter(c, HPA_CONTROLLER, key, SYNC_PERIOD_MS)
  }
}

registerComponents(() => [{ name: HPA_CONTROLLER, watches: ['horizontalpodautoscalers'], onEvents: onWatch }])
