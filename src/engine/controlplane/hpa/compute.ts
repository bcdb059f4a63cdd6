// computeReplicasForMetrics: one proposal per metric spec, the largest wins; failures become
// Warning events, a ScalingActive condition and status entries left empty. Source: k/k
// pkg/controller/podautoscaler/horizontal.go (computeReplicasForMetrics, validateAndParseSelector,
// hpasControllingPodsUnderSelector, computeReplicasForMetric, computeStatusForResourceMetric[Generic],
// computeStatusForContainerResourceMetric, computeStatusForPodsMetric / ObjectMetric /
// ExternalMetric, getUnableComputeReplicaCountCondition).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { matches } from '../../api/selectors'
import { listPods } from '../../metrics/pod-index'
import { milliQuantity, milliValue } from '../../metrics/quantity'
import { setCondition, type HpaCondition } from './conditions'
import { hpaEvent } from './events'
import { hpaMemory } from './memory'
import { getResourceReplicas } from './replicas'
import type { MetricEvaluation } from './evaluations'
import type { Scale } from './scale'

type Json = any

export interface MetricsOutcome {
  /** The largest proposal, or -1 when nothing can be decided. */
  replicas: number
  metricName: string
  /** status.currentMetrics: one entry per spec, `{type: ""}` where a metric failed. */
  statuses: Json[] | null
  error?: string
  metrics: MetricEvaluation[]
}

type Failure = { reason: string; message: string }

interface MetricOutcome { replicas: number; name: string; status?: Json; error?: string; condition?: Failure }

/** getUnableComputeReplicaCountCondition: a Warning event now, the ScalingActive condition later. */
function unable(c: Cluster, hpa: KObject, reason: string, err: string): Failure {
  hpaEvent(c, hpa, 'Warning', reason, err)
  return { reason, message: `the HPA was unable to compute the replica count: ${err}` }
}

/** computeStatusForResourceMetricGeneric (Resource and ContainerResource). */
function resourceMetric(c: Cluster, hpa: KObject, current: number, scale: Scale, src: Json, container: string, ev: MetricEvaluation): { ok: true; replicas: number; name: string; current: Json } | { ok: false; error: string } {
  const t = src.target ?? {}
  const ns = hpa.metadata.namespace as string
  if (t.averageValue !== undefined) {
    const p = getResourceReplicas(c, current, { averageValue: milliValue(t.averageValue) }, src.name, ns, scale.selector, container)
    if (p.trace) ev.trace = p.trace
    if (!p.ok) return { ok: false, error: `failed to get ${src.name} usage: ${p.error}` }
    return { ok: true, replicas: p.replicas, name: `${src.name} resource`, current: { averageValue: milliQuantity(p.average) } }
  }
  if (t.averageUtilization === undefined) return { ok: false, error: 'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set' }
  const p = getResourceReplicas(c, current, { utilization: t.averageUtilization }, src.name, ns, scale.selector, container)
  if (p.trace) ev.trace = p.trace
  if (!p.ok) return { ok: false, error: `failed to get ${src.name} utilization: ${p.error}` }
  const name = container ? `${src.name} container resource utilization (percentage of request)` : `${src.name} resource utilization (percentage of request)`
  return { ok: true, replicas: p.replicas, name, current: { averageUtilization: p.utilization, averageValue: milliQuantity(p.average) } }
}

/** No custom or external metrics adapter runs in this cluster: the APIs are not registered. */
function customMetric(c: Cluster, hpa: KObject, spec: Json): MetricOutcome {
  const ns = hpa.metadata.namespace as string
  if (spec.type === 'Pods') {
    const err = `unable to get metric ${spec.pods?.metric?.name}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`
    return { replicas: 0, name: '', condition: unable(c, hpa, 'FailedGetPodsMetric', err), error: `failed to get pods metric value: ${err}` }
  }
  if (spec.type === 'Object') {
    const o = spec.object ?? {}
    // replica_calculator.go GetObjectMetricReplicas formats its arguments in this order.
    const err = `unable to get metric ${o.metric?.name}: ${o.describedObject?.kind} on ${ns} ${o.describedObject?.name}/unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`
    return { replicas: 0, name: '', condition: unable(c, hpa, 'FailedGetObjectMetric', err), error: `failed to get object metric value: ${err}` }
  }
  const name = spec.external?.metric?.name
  const inner = `unable to get external metric ${ns}/${name}/<nil>: unable to fetch metrics from external metrics API: the server could not find the requested resource (get ${name}.external.metrics.k8s.io)`
  const err = spec.external?.target?.averageValue !== undefined ? `failed to get ${name} external metric: ${inner}` : `failed to get external metric ${name}: ${inner}`
  return { replicas: 0, name: '', condition: unable(c, hpa, 'FailedGetExternalMetric', err), error: `failed to get ${name} external metric value: ${err}` }
}

/** computeReplicasForMetric. */
function computeMetric(c: Cluster, hpa: KObject, spec: Json, current: number, scale: Scale, ev: MetricEvaluation): MetricOutcome {
  if (spec.type === 'Resource' || spec.type === 'ContainerResource') {
    const container = spec.type === 'ContainerResource'
    const src = container ? spec.containerResource : spec.resource
    const r = resourceMetric(c, hpa, current, scale, src, container ? src.container : '', ev)
    if (!r.ok) {
      const condition = unable(c, hpa, container ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric', r.error)
      const error = container ? `failed to get ${src.container} container metric value: ${r.error}` : `failed to get ${src.name} resource metric value: ${r.error}`
      return { replicas: 0, name: '', condition, error }
    }
    const status = container
      ? { type: 'ContainerResource', containerResource: { name: src.name, container: src.container, current: r.current } }
      : { type: 'Resource', resource: { name: src.name, current: r.current } }
    return { replicas: r.replicas, name: r.name, status }
  }
  if (spec.type === 'Pods' || spec.type === 'Object' || spec.type === 'External') return customMetric(c, hpa, spec)
  const err = `unknown metric source type "${spec.type}"`
  return { replicas: 0, name: '', condition: unable(c, hpa, 'InvalidMetricSourceType', err), error: err }
}

/** Label values per key over a pod list (lists are kept until a pod write, so this is too). */
const valuesOf = new WeakMap<readonly KObject[], Record<string, Set<string>>>()

function labelValues(pods: readonly KObject[]): Record<string, Set<string>> {
  let values = valuesOf.get(pods)
  if (!values) {
    values = {}
    for (const p of pods) for (const [k, v] of Object.entries(p.metadata.labels ?? {})) (values[k] ??= new Set()).add(v)
    valuesOf.set(pods, values)
  }
  return values
}

/** hpasControllingPodsUnderSelector: the HPAs whose last known selector picks any of these pods. */
function controllingHpas(c: Cluster, namespace: string, pods: readonly KObject[]): string[] {
  const values = labelValues(pods)
  const found: string[] = []
  for (const [key, sel] of Object.entries(hpaMemory(c).selectors)) {
    if (sel === null || !key.startsWith(`${namespace}/`)) continue
    // A selector requiring a label value none of these pods has picks none of them.
    if (sel.some((r) => r.operator === 'In' && !r.values.some((v) => values[r.key]?.has(v)))) continue
    if (pods.some((p) => matches(sel, p.metadata.labels))) found.push(key)
  }
  return found
}

/** validateAndParseSelector. */
function validateSelector(c: Cluster, hpa: KObject, conds: HpaCondition[], key: string, scale: Scale): string | undefined {
  if (!scale.selectorText) {
    hpaEvent(c, hpa, 'Warning', 'SelectorRequired', 'selector is required')
    setCondition(c, conds, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector")
    return 'selector is required'
  }
  const mem = hpaMemory(c)
  if (key in mem.selectors) mem.selectors[key] = scale.selector
  const ns = hpa.metadata.namespace as string
  const owners = controllingHpas(c, ns, listPods(c, ns, scale.selector))
  if (owners.length > 1) {
    const keys = owners.map((k) => `{${k.slice(ns.length + 1)} ${ns}}`).sort()
    const msg = `pods by selector ${scale.selectorText} are controlled by multiple HPAs: [${keys.join(' ')}]`
    hpaEvent(c, hpa, 'Warning', 'AmbiguousSelector', msg)
    setCondition(c, conds, 'ScalingActive', 'False', 'AmbiguousSelector', msg)
    return msg
  }
  return undefined
}

function describeMetric(spec: Json): MetricEvaluation {
  const src = spec.resource ?? spec.containerResource ?? spec.pods ?? spec.object ?? spec.external ?? {}
  const name = src.name ?? src.metric?.name ?? ''
  return { type: spec.type, name, target: { ...(src.target ?? {}) } }
}

export function computeReplicasForMetrics(c: Cluster, hpa: KObject, conds: HpaCondition[], key: string, scale: Scale, specs: Json[]): MetricsOutcome {
  const metrics = specs.map(describeMetric)
  const selErr = validateSelector(c, hpa, conds, key, scale)
  if (selErr) return { replicas: -1, metricName: '', statuses: null, error: selErr, metrics }
  const statuses: Json[] = specs.map(() => ({ type: '' }))
  let replicas = 0
  let metricName = ''
  let invalid = 0
  let firstError: string | undefined
  let firstCondition: Failure | undefined
  specs.forEach((spec, i) => {
    const r = computeMetric(c, hpa, spec, scale.specReplicas, scale, metrics[i])
    if (r.error !== undefined) {
      if (invalid === 0) [firstError, firstCondition] = [r.error, r.condition]
      invalid++
      metrics[i].error = r.error
      return
    }
    statuses[i] = r.status
    metrics[i].replicas = r.replicas
    metrics[i].description = r.name
    if (replicas === 0 || r.replicas > replicas) [replicas, metricName] = [r.replicas, r.name]
  })
  const error = firstError !== undefined ? `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError}` : undefined
  // All metrics failed, or some failed and the rest would scale down: no decision.
  if (invalid >= specs.length || (invalid > 0 && replicas < scale.specReplicas)) {
    if (firstCondition) setCondition(c, conds, 'ScalingActive', 'False', firstCondition.reason, firstCondition.message)
    return { replicas: -1, metricName: '', statuses, error, metrics }
  }
  setCondition(c, conds, 'ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${metricName}`)
  return { replicas, metricName, statuses, error, metrics }
}
