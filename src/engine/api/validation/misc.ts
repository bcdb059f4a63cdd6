// Validation of the small kinds. k/k pkg/apis/core/validation/validation.go (ValidateConfigMap,
// ValidateSecret, ValidatePersistentVolume, ValidatePersistentVolumeClaimUpdate, ValidateServiceAccount).
import type { KObject } from '../types'
import { forbidden, invalid_, notSupported, required, type FieldError } from './errors'
import { isConfigMapKey } from './names'
import { deepEqual } from './util'
import { validatePvcSpec } from './workloads'
 

function validateKeys(obj: any, field: string): FieldError[] {
  const errs: FieldError[] = []
  for (const k of Object.keys(obj[field] ?? {})) for (const m of isConfigMapKey(k)) errs.push(invalid_(`${field}[${k}]`, k, m))
  return errs
}

export function validateConfigMap(cm: KObject): FieldError[] {
  const errs = [...validateKeys(cm, 'data'), ...validateKeys(cm, 'binaryData')]
  for (const k of Object.keys(cm.data ?? {})) {
    if (k in ((cm.binaryData as Record<string, string>) ?? {})) errs.push(invalid_(`data[${k}]`, k, 'duplicate of key present in binaryData'))
  }
  return errs
}

/** immutable ConfigMaps/Secrets: data may not change. */
export function validateImmutableData(obj: KObject, old: KObject): FieldError[] {
  if (old.immutable !== true) return []
  const errs: FieldError[] = []
  if (obj.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'))
  if (!deepEqual(obj.data, old.data)) errs.push(forbidden('data', 'field is immutable when `immutable` is set'))
  if (!deepEqual(obj.binaryData, old.binaryData)) errs.push(forbidden('binaryData', 'field is immutable when `immutable` is set'))
  return errs
}

const SECRET_REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
}

export function validateSecret(s: KObject): FieldError[] {
  const errs = validateKeys(s, 'data')
  const data = (s.data as Record<string, string>) ?? {}
  for (const k of SECRET_REQUIRED_KEYS[s.type as string] ?? []) if (!(k in data)) errs.push(required(`data[${k}]`))
  return errs
}

export function validateSecretUpdate(s: KObject, old: KObject): FieldError[] {
  const errs = validateImmutableData(s, old)
  if (s.type !== old.type) errs.push(invalid_('type', s.type as string, 'field is immutable'))
  return errs
}

export function validatePvc(pvc: KObject): FieldError[] {
  return validatePvcSpec(pvc.spec, 'spec')
}

const PVC_IMMUTABLE = 'spec is immutable after creation except resources.requests for bound claims'

export function validatePvcUpdate(pvc: KObject, old: KObject): FieldError[] {
  const strip = (s: any): any => ({ ...(s ?? {}), resources: { ...(s?.resources ?? {}), requests: undefined }, volumeName: undefined })
  // The binder sets volumeName once; after that it may not change.
  if (old.spec?.volumeName && pvc.spec?.volumeName !== old.spec.volumeName) return [forbidden('spec', PVC_IMMUTABLE)]
  return deepEqual(strip(pvc.spec), strip(old.spec)) ? [] : [forbidden('spec', PVC_IMMUTABLE)]
}

export function validatePv(pv: KObject): FieldError[] {
  const spec = pv.spec ?? {}
  const errs: FieldError[] = []
  if (!(spec.accessModes?.length)) errs.push(required('spec.accessModes'))
  if (spec.capacity?.storage === undefined) errs.push(required('spec.capacity'))
  const policies = ['Delete', 'Recycle', 'Retain']
  if (!policies.includes(spec.persistentVolumeReclaimPolicy)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy ?? '', policies))
  return errs
}
