// ObjectMeta validation shared by every kind.
// k/k staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go (ValidateObjectMeta),
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (ValidateLabels).
import type { KObject } from '../types'
import { invalid_, required, type FieldError } from './errors'
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './names'

export type NameValidator = (name: string) => string[]

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(invalid_(path, k, m))
    for (const m of isValidLabelValue(String(v))) errs.push(invalid_(path, String(v), m))
  }
  return errs
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = []
  for (const k of Object.keys(annotations ?? {})) for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid_(path, k, m))
  return errs
}

export function validateObjectMeta(obj: KObject, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = []
  const meta = obj.metadata ?? ({} as KObject['metadata'])
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'))
  else for (const m of nameFn(meta.name)) errs.push(invalid_(`${path}.name`, meta.name, m))
  if (namespaced) {
    if (!meta.namespace) errs.push(required(`${path}.namespace`))
    else for (const m of isDNS1123Label(meta.namespace)) errs.push(invalid_(`${path}.namespace`, meta.namespace, m))
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`))
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`))
  return errs
}
