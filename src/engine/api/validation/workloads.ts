// apps/v1, batch/v1 and core ReplicationController validation (autoscaling: hpa.ts).
// k/k pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec, ValidateReplicaSetSpec,
// ValidatePodTemplateSpecForReplicaSet, ValidateDaemonSetSpec, ValidateStatefulSetSpec/Update),
// pkg/apis/batch/validation/validation.go (validateJobSpec, ValidateJobUpdate, validateCronJobSpec),
// pkg/apis/core/validation/validation.go (ValidateReplicationControllerSpec),
// pkg/registry/batch/job/strategy.go (generateSelector).
import type { KObject } from '../types'
import { forbidden, immutable, invalid_, notSupported, required, type FieldError } from './errors'
import { goLabelSelector, goStringMap } from './gofmt'
import { validateLabels } from './meta'
import { validatePodSpec } from './pod'
import { deepEqual, nonNegative } from './util'
import { fromLabelSelector, matches } from '../selectors'
import { parseCron } from '../../sim/cron'
import { isKnownZone } from '../../sim/zones'
 

function selectorEmpty(sel: any): boolean {
  return !Object.keys(sel?.matchLabels ?? {}).length && !(sel?.matchExpressions?.length)
}

/** metav1 LabelSelector.Matches(template labels). */
function selectorMatches(sel: any, labels: Record<string, string> | undefined): boolean {
  return matches(fromLabelSelector(sel), labels ?? {})
}

function validateLabelSelector(sel: any, path: string): FieldError[] {
  const errs = validateLabels(sel?.matchLabels, `${path}.matchLabels`)
  ;(sel?.matchExpressions ?? []).forEach((e: any, i: number) => {
    const ops = ['In', 'NotIn', 'Exists', 'DoesNotExist']
    if (!ops.includes(e.operator)) errs.push(invalid_(`${path}.matchExpressions[${i}].operator`, e.operator, 'not a valid selector operator'))
    else if ((e.operator === 'In' || e.operator === 'NotIn') && !(e.values?.length)) errs.push(required(`${path}.matchExpressions[${i}].values`, 'must be specified when `operator` is \'In\' or \'NotIn\''))
    else if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && e.values?.length) errs.push(forbidden(`${path}.matchExpressions[${i}].values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''))
  })
  return errs
}

function validateTemplate(tpl: any, path: string, restartPolicies: string[] | undefined): FieldError[] {
  if (!tpl) return [required(path)]
  const errs: FieldError[] = []
  errs.push(...validateLabels(tpl.metadata?.labels, `${path}.metadata.labels`))
  errs.push(...validatePodSpec(tpl.spec, `${path}.spec`))
  const rp = tpl.spec?.restartPolicy
  if (restartPolicies && rp && !restartPolicies.includes(rp)) errs.push(notSupported(`${path}.spec.restartPolicy`, rp, restartPolicies))
  return errs
}

/** Selector present, non-empty, valid and matching the template (apps/v1 kinds). */
function validateSelectorAndTemplate(spec: any, kind: string, restartPolicies: string[] | undefined): FieldError[] {
  const errs: FieldError[] = []
  const sel = spec.selector
  if (!sel) errs.push(required('spec.selector'))
  else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'))
    if (selectorEmpty(sel)) errs.push(invalid_('spec.selector', goLabelSelector(sel), `empty selector is invalid for ${kind}`))
  }
  if (sel && !selectorEmpty(sel) && spec.template && !selectorMatches(sel, spec.template.metadata?.labels)) {
    errs.push(invalid_('spec.template.metadata.labels', goStringMap(spec.template.metadata?.labels), '`selector` does not match template `labels`'))
  }
  errs.push(...validateTemplate(spec.template, 'spec.template', restartPolicies))
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined && restartPolicies?.length === 1) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kind === 'deployment' ? 'ReplicaSet' : kind} is not Supported`))
  }
  return errs
}

const ALWAYS = ['Always']

function isZeroIntOrPercent(v: unknown): boolean {
  return v === 0 || v === '0' || v === '0%'
}

function goIntOrString(v: unknown): string {
  return typeof v === 'string' ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}` : `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`
}

function validateIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'number') return nonNegative(v, path)
  if (typeof v === 'string') {
    const m = /^(\d+)%$/.exec(v)
    if (!m) return [invalid_(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")]
    if (Number(m[1]) > 100) return [invalid_(path, v, 'must not be greater than 100%')]
  }
  return []
}

export function validateDeployment(d: KObject): FieldError[] {
  const spec = d.spec ?? {}
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...validateSelectorAndTemplate(spec, 'deployment', ALWAYS)]
  const st = spec.strategy ?? {}
  if (!['Recreate', 'RollingUpdate'].includes(st.type)) errs.push(notSupported('spec.strategy.type', st.type ?? '', ['Recreate', 'RollingUpdate']))
  else if (st.type === 'Recreate' && st.rollingUpdate) errs.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"))
  else if (st.rollingUpdate) {
    const ru = st.rollingUpdate
    errs.push(...validateIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'))
    errs.push(...validateIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'))
    if (isZeroIntOrPercent(ru.maxUnavailable) && isZeroIntOrPercent(ru.maxSurge)) {
      errs.push(invalid_('spec.strategy.rollingUpdate.maxUnavailable', { go: goIntOrString(ru.maxUnavailable) }, 'may not be 0 when `maxSurge` is 0'))
    }
  }
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'))
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) errs.push(invalid_('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'))
  }
  return errs
}

export function validateReplicaSet(rs: KObject): FieldError[] {
  const spec = rs.spec ?? {}
  return [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...validateSelectorAndTemplate(spec, 'replicaset', ALWAYS)]
}

export function validateDaemonSet(ds: KObject): FieldError[] {
  const spec = ds.spec ?? {}
  const errs = validateSelectorAndTemplate(spec, 'daemonset', ALWAYS)
  const t = spec.updateStrategy?.type
  if (!['OnDelete', 'RollingUpdate'].includes(t)) errs.push(notSupported('spec.updateStrategy.type', t ?? '', ['OnDelete', 'RollingUpdate']))
  const ru = spec.updateStrategy?.rollingUpdate
  if (ru) {
    errs.push(...validateIntOrPercent(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'))
    errs.push(...validateIntOrPercent(ru.maxSurge, 'spec.updateStrategy.rollingUpdate.maxSurge'))
    if (isZeroIntOrPercent(ru.maxUnavailable) && isZeroIntOrPercent(ru.maxSurge)) {
      errs.push(invalid_('spec.updateStrategy.rollingUpdate.maxUnavailable', { go: goIntOrString(ru.maxUnavailable) }, 'may not be 0 when `maxSurge` is 0'))
    }
  }
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  return errs
}

export function validateStatefulSet(sts: KObject): FieldError[] {
  const spec = sts.spec ?? {}
  const errs = [...nonNegative(spec.replicas, 'spec.replicas')]
  if (!['OrderedReady', 'Parallel'].includes(spec.podManagementPolicy)) errs.push(notSupported('spec.podManagementPolicy', spec.podManagementPolicy ?? '', ['OrderedReady', 'Parallel']))
  const t = spec.updateStrategy?.type
  if (!['OnDelete', 'RollingUpdate'].includes(t)) errs.push(notSupported('spec.updateStrategy.type', t ?? '', ['OnDelete', 'RollingUpdate']))
  errs.push(...nonNegative(spec.updateStrategy?.rollingUpdate?.partition, 'spec.updateStrategy.rollingUpdate.partition'))
  // Upstream skips the template's pod spec validation because mounts of volumeClaimTemplates
  // would fail it (TODO in ValidatePodTemplateSpecForStatefulSet); validate the union instead.
  errs.push(...validateSelectorAndTemplate(withClaimVolumes(spec), 'statefulset', ALWAYS))
  ;(spec.volumeClaimTemplates ?? []).forEach((t: any, i: number) => {
    if (!t.metadata?.name) errs.push(required(`spec.volumeClaimTemplates[${i}].metadata.name`, 'name or generateName is required'))
    errs.push(...validatePvcSpec(t.spec, `spec.volumeClaimTemplates[${i}].spec`))
  })
  return errs
}

/** The spec with one persistentVolumeClaim volume per claim template (what the controller adds to pods). */
function withClaimVolumes(spec: any): any {
  const claims = (spec.volumeClaimTemplates ?? []).map((t: any) => t?.metadata?.name).filter(Boolean)
  if (!claims.length || !spec.template?.spec) return spec
  const volumes = (spec.template.spec.volumes ?? []).filter((v: any) => !claims.includes(v?.name))
  for (const n of claims) volumes.push({ name: n, persistentVolumeClaim: { claimName: n } })
  return { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, volumes } } }
}

export const STS_UPDATE_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

export function validateStatefulSetUpdate(sts: KObject, old: KObject): FieldError[] {
  const a = { ...(sts.spec ?? {}) }
  const b = { ...(old.spec ?? {}) }
  for (const f of ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy']) {
    delete a[f]
    delete b[f]
  }
  return deepEqual(a, b) ? [] : [forbidden('spec', STS_UPDATE_FORBIDDEN)]
}

/** apps/v1 selectors cannot change. */
export function validateSelectorImmutable(obj: KObject, old: KObject): FieldError[] {
  return deepEqual(obj.spec?.selector, old.spec?.selector) ? [] : [immutable('spec.selector', goLabelSelector(obj.spec?.selector))]
}

export function validateReplicationController(rc: KObject): FieldError[] {
  const spec = rc.spec ?? {}
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')]
  const sel = spec.selector ?? {}
  if (!Object.keys(sel).length) errs.push(required('spec.selector'))
  else errs.push(...validateLabels(sel, 'spec.selector'))
  if (!spec.template) errs.push(required('spec.template'))
  else {
    const labels = spec.template.metadata?.labels ?? {}
    if (Object.keys(sel).length && !Object.entries(sel).every(([k, v]) => labels[k] === v)) {
      errs.push(invalid_('spec.template.metadata.labels', goStringMap(spec.template.metadata?.labels), '`selector` does not match template `labels`'))
    }
    errs.push(...validateTemplate(spec.template, 'spec.template', ALWAYS))
  }
  return errs
}

// --- batch ---

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name'
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid'

/** generateSelector: unique controller-uid selector and labels (needs the object's uid). */
export function generateJobSelector(job: KObject): void {
  const spec = job.spec
  if (spec.manualSelector === true) return
  spec.template ??= {}
  spec.template.metadata ??= {}
  const labels = (spec.template.metadata.labels ??= {})
  for (const k of ['job-name', JOB_NAME_LABEL]) labels[k] ??= job.metadata.name
  for (const k of ['controller-uid', CONTROLLER_UID_LABEL]) labels[k] ??= job.metadata.uid
  spec.selector ??= {}
  spec.selector.matchLabels ??= {}
  spec.selector.matchLabels[CONTROLLER_UID_LABEL] ??= job.metadata.uid
}

function validateJobSpec(spec: any, path: string, isJobTemplate: boolean): FieldError[] {
  const errs: FieldError[] = []
  if (!spec) return [required(path)]
  for (const f of ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished']) errs.push(...nonNegative(spec[f], `${path}.${f}`))
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) errs.push(invalid_(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be greater than 0'))
  if (spec.completionMode && !['NonIndexed', 'Indexed'].includes(spec.completionMode)) errs.push(notSupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']))
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'))
  if (!isJobTemplate) {
    if (!spec.selector) errs.push(required(`${path}.selector`))
    else {
      errs.push(...validateLabelSelector(spec.selector, `${path}.selector`))
      if (spec.template && !selectorMatches(spec.selector, spec.template.metadata?.labels)) {
        errs.push(invalid_(`${path}.template.metadata.labels`, goStringMap(spec.template.metadata?.labels), '`selector` does not match template `labels`'))
      }
    }
  }
  errs.push(...validateTemplate(spec.template, `${path}.template`, undefined))
  const rp = spec.template?.spec?.restartPolicy
  if (spec.template && rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(`${path}.template.spec.restartPolicy`, rp ?? '', ['OnFailure', 'Never']))
  return errs
}

export function validateJob(job: KObject): FieldError[] {
  return validateJobSpec(job.spec, 'spec', false)
}

export function validateJobUpdate(job: KObject, old: KObject): FieldError[] {
  const errs: FieldError[] = []
  if (!deepEqual(job.spec?.selector, old.spec?.selector)) errs.push(immutable('spec.selector', goLabelSelector(job.spec?.selector)))
  if (!deepEqual(job.spec?.template, old.spec?.template) && !(old.spec?.suspend === true)) errs.push(immutable('spec.template', { go: 'core.PodTemplateSpec{…}' }))
  for (const f of ['completions', 'completionMode']) {
    if (!deepEqual(job.spec?.[f], old.spec?.[f])) errs.push(immutable(`spec.${f}`, job.spec?.[f] ?? null))
  }
  return errs
}

/** validateScheduleFormat: robfig/cron ParseStandard, and no TZ in the schedule on create. */
function scheduleErrors(schedule: string): FieldError[] {
  const errs: FieldError[] = []
  const p = parseCron(schedule)
  if (!p.ok) errs.push(invalid_('spec.schedule', schedule, p.error))
  if (schedule.includes('TZ')) errs.push(invalid_('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'))
  return errs
}

/** validateTimeZone: nil, or a zone time.LoadLocation knows (the simulator's table in cronjob/zones.ts). */
function timeZoneErrors(tz: unknown): FieldError[] {
  if (tz === undefined || tz === null) return []
  const s = String(tz)
  if (s.length === 0) return [invalid_('spec.timeZone', s, 'timeZone must be nil or non-empty string')]
  for (const part of s.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part)) return [invalid_('spec.timeZone', s, `unknown time zone ${s}`)]
  }
  if (s.toLowerCase() === 'local') return [invalid_('spec.timeZone', s, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')]
  if (!isKnownZone(s)) return [invalid_('spec.timeZone', s, `unknown time zone ${s}`)]
  return []
}

export function validateCronJob(cj: KObject): FieldError[] {
  const spec = cj.spec ?? {}
  const errs: FieldError[] = []
  if (cj.metadata.name && cj.metadata.name.length > 52) errs.push(invalid_('metadata.name', cj.metadata.name, 'must be no more than 52 characters'))
  if (!spec.schedule) errs.push(required('spec.schedule'))
  else {
    errs.push(...scheduleErrors(spec.schedule))
  }
  errs.push(...timeZoneErrors(spec.timeZone))
  if (!['Allow', 'Forbid', 'Replace'].includes(spec.concurrencyPolicy)) errs.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy ?? '', ['Allow', 'Forbid', 'Replace']))
  errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'))
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'))
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'))
  errs.push(...validateLabels(spec.jobTemplate?.metadata?.labels, 'spec.jobTemplate.metadata.labels'))
  errs.push(...validateJobSpec(spec.jobTemplate?.spec, 'spec.jobTemplate.spec', true))
  return errs
}

// --- storage ---

export function validatePvcSpec(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!spec) return [required(path)]
  const modes = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']
  if (!(spec.accessModes?.length)) errs.push(required(`${path}.accessModes`, 'at least 1 access mode is required'))
  for (const m of spec.accessModes ?? []) if (!modes.includes(m)) errs.push(notSupported(`${path}.accessModes`, m, modes))
  if (!spec.dataSource && !spec.dataSourceRef && spec.resources?.requests?.storage === undefined) errs.push(required(`${path}.resources[storage]`))
  return errs
}
