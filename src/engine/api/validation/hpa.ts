// HorizontalPodAutoscaler validation (autoscaling/v2, the stored version; v1 objects are
// converted first). k/k pkg/apis/autoscaling/validation/validation.go:
// validateHorizontalPodAutoscalerSpec, ValidateCrossVersionObjectReference, validateMetricSpec,
// validateMetricTarget, validateBehavior / validateScalingRules / validateScalingPolicy.
import type { KObject } from '../types'
import { forbidden, invalid_, notSupported, required, type BadValue, type FieldError } from './errors'
import { parseQuantity } from '../quantity'

type Json = any

/** MaxPeriodSeconds and MaxStabilizationWindowSeconds of the autoscaling API. */
const MAX_PERIOD_SECONDS = 1800
const MAX_STABILIZATION_WINDOW_SECONDS = 3600
const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource']
const SELECT_POLICIES = ['Disabled', 'Max', 'Min']
const POLICY_TYPES = ['Percent', 'Pods']

/** A *resource.Quantity as field errors print it (%#v of the dereferenced struct). */
function goQuantity(q: string | number): BadValue {
  return { go: `resource.Quantity{i:resource.int64Amount{value:${Math.trunc(Number(parseQuantity(q)))}, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}` }
}

/** pathvalidation.IsValidPathSegmentName. */
function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`]
  const out: string[] = []
  for (const bad of ['/', '%']) if (name.includes(bad)) out.push(`may not contain '${bad}'`)
  return out
}

export function validateCrossVersionObjectReference(ref: Json, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const f of ['kind', 'name'] as const) {
    const v = ref?.[f]
    if (!v) errs.push(required(`${path}.${f}`))
    else for (const msg of pathSegmentErrors(v)) errs.push(invalid_(`${path}.${f}`, v, msg))
  }
  return errs
}

function validateMetricTarget(t: Json, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!t?.type) errs.push(required(`${path}.type`, 'must specify a metric target type'))
  if (!['Utilization', 'Value', 'AverageValue'].includes(t?.type)) errs.push(invalid_(`${path}.type`, t?.type ?? '', 'must be either Utilization, Value, or AverageValue'))
  for (const f of ['value', 'averageValue'] as const) {
    if (t?.[f] !== undefined && t[f] !== null && !(parseQuantity(t[f]) > 0)) errs.push(invalid_(`${path}.${f}`, goQuantity(t[f]), 'must be positive'))
  }
  if (typeof t?.averageUtilization === 'number' && t.averageUtilization < 1) errs.push(invalid_(`${path}.averageUtilization`, t.averageUtilization, 'must be greater than 0'))
  return errs
}

/** validateResourceSource / validateContainerResourceSource. */
function validateResourceSource(src: Json, path: string, container: boolean): FieldError[] {
  const errs: FieldError[] = []
  if (!src?.name) errs.push(required(`${path}.name`, 'must specify a resource name'))
  if (container && !src?.container) errs.push(required(`${path}.container`, 'must specify a container'))
  errs.push(...validateMetricTarget(src?.target, `${path}.target`))
  const t = src?.target ?? {}
  if (t.averageUtilization === undefined && t.averageValue === undefined) errs.push(required(`${path}.target.averageUtilization`, 'must set either a target raw value or a target utilization'))
  if (t.averageUtilization !== undefined && t.averageValue !== undefined) errs.push(forbidden(`${path}.target.averageValue`, 'may not set both a target raw value and a target utilization'))
  return errs
}

function validateMetricIdentifier(id: Json, path: string): FieldError[] {
  return id?.name ? [] : [required(`${path}.name`, 'must specify a metric name')]
}

/** validatePodsSource / validateObjectSource / validateExternalSource: the target kinds each allows. */
function validateCustomSource(type: string, src: Json, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (type === 'Object') errs.push(...validateCrossVersionObjectReference(src?.describedObject, `${path}.describedObject`))
  errs.push(...validateMetricIdentifier(src?.metric, `${path}.metric`))
  errs.push(...validateMetricTarget(src?.target, `${path}.target`))
  const t = src?.target ?? {}
  if (type === 'Pods' && t.averageValue === undefined) errs.push(required(`${path}.target.averageValue`, 'must specify a positive target averageValue'))
  if (type !== 'Pods' && t.value === undefined && t.averageValue === undefined) errs.push(required(`${path}.target`, 'must set either a target value or averageValue'))
  return errs
}

const SOURCE_FIELD: Record<string, string> = { Object: 'object', Pods: 'pods', Resource: 'resource', ContainerResource: 'containerResource', External: 'external' }

function validateMetricSpec(m: Json, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!m?.type) errs.push(required(`${path}.type`, 'must specify a metric source type'))
  if (!METRIC_TYPES.includes(m?.type)) errs.push(notSupported(`${path}.type`, m?.type ?? '', METRIC_TYPES))
  const present = Object.entries(SOURCE_FIELD).filter(([, f]) => m?.[f] !== undefined && m[f] !== null)
  const [first] = present
  if (first) {
    const [type, f] = first
    if (type === 'Resource' || type === 'ContainerResource') errs.push(...validateResourceSource(m[f], `${path}.${f}`, type === 'ContainerResource'))
    else errs.push(...validateCustomSource(type, m[f], `${path}.${f}`))
  }
  const expected = SOURCE_FIELD[m?.type]
  if (expected && !present.some(([, f]) => f === expected)) errs.push(required(`${path}.${expected}`, 'must populate information for the given metric source'))
  if (present.length > 1) for (const [, f] of present) if (f !== expected) errs.push(forbidden(`${path}.${f}`, 'must populate the given metric source only'))
  return errs
}

function validateScalingRules(rules: Json, path: string): FieldError[] {
  if (!rules) return []
  const errs: FieldError[] = []
  const w = rules.stabilizationWindowSeconds
  if (typeof w === 'number' && w < 0) errs.push(invalid_(`${path}.stabilizationWindowSeconds`, w, 'must be greater than or equal to zero'))
  if (typeof w === 'number' && w > MAX_STABILIZATION_WINDOW_SECONDS) errs.push(invalid_(`${path}.stabilizationWindowSeconds`, w, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`))
  if (rules.selectPolicy !== undefined && !SELECT_POLICIES.includes(rules.selectPolicy)) errs.push(notSupported(`${path}.selectPolicy`, rules.selectPolicy, SELECT_POLICIES))
  const policies: Json[] = rules.policies ?? []
  if (!policies.length) errs.push(required(`${path}.policies`, 'must specify at least one Policy'))
  policies.forEach((p, i) => {
    const pp = `${path}.policies[${i}]`
    if (!POLICY_TYPES.includes(p?.type)) errs.push(notSupported(`${pp}.type`, p?.type ?? '', POLICY_TYPES))
    if (!(p?.value > 0)) errs.push(invalid_(`${pp}.value`, p?.value ?? 0, 'must be greater than zero'))
    if (!(p?.periodSeconds > 0)) errs.push(invalid_(`${pp}.periodSeconds`, p?.periodSeconds ?? 0, 'must be greater than zero'))
    if (p?.periodSeconds > MAX_PERIOD_SECONDS) errs.push(invalid_(`${pp}.periodSeconds`, p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`))
  })
  return errs
}

export function validateHpa(hpa: KObject): FieldError[] {
  const spec = hpa.spec ?? {}
  const errs: FieldError[] = []
  // HPAScaleToZero is alpha (off): the lower bound of minReplicas is 1.
  if (typeof spec.minReplicas === 'number' && spec.minReplicas < 1) errs.push(invalid_('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'))
  if (typeof spec.maxReplicas !== 'number' || spec.maxReplicas < 1) errs.push(invalid_('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than 0'))
  if (typeof spec.minReplicas === 'number' && typeof spec.maxReplicas === 'number' && spec.maxReplicas < spec.minReplicas) {
    errs.push(invalid_('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'))
  }
  errs.push(...validateCrossVersionObjectReference(spec.scaleTargetRef, 'spec.scaleTargetRef'))
  ;((spec.metrics ?? []) as Json[]).forEach((m, i) => errs.push(...validateMetricSpec(m, `spec.metrics[${i}]`)))
  if (spec.behavior) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, 'spec.behavior.scaleUp'))
    errs.push(...validateScalingRules(spec.behavior.scaleDown, 'spec.behavior.scaleDown'))
  }
  return errs
}
