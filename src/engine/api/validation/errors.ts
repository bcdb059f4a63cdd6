// field.Error / field.ErrorList and apierrors.NewInvalid, with upstream texts.
// k8s.io/apimachinery/pkg/util/validation/field/errors.go (ErrorBody, ErrorType.String),
// k8s.io/apimachinery/pkg/api/errors/errors.go (NewInvalid, NewBadRequest),
// k8s.io/apimachinery/pkg/util/errors/errors.go (aggregate.Error: "[a, b]", duplicates dropped).
import type { ApiStatus } from '../types'

export type FieldErrorType = 'Required value' | 'Invalid value' | 'Unsupported value' | 'Forbidden' | 'Duplicate value' | 'Not found' | 'Too long' | 'Too many'

/** A Go value as `%#v` prints it, for bad values that are not plain strings/numbers. */
export interface GoValue {
  go: string
}

export type BadValue = string | number | boolean | null | GoValue

export interface FieldError {
  type: FieldErrorType
  field: string
  value?: BadValue
  detail?: string
}

/** metav1.CauseType values for details.causes. */
const CAUSE: Record<FieldErrorType, string> = {
  'Required value': 'FieldValueRequired',
  'Invalid value': 'FieldValueInvalid',
  'Unsupported value': 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  'Duplicate value': 'FieldValueDuplicate',
  'Not found': 'FieldValueNotFound',
  'Too long': 'FieldValueTooLong',
  'Too many': 'FieldValueTooMany',
}

export const required = (field: string, detail = ''): FieldError => ({ type: 'Required value', field, detail })
export const invalid_ = (field: string, value: BadValue, detail = ''): FieldError => ({ type: 'Invalid value', field, value, detail })
export const forbidden = (field: string, detail = ''): FieldError => ({ type: 'Forbidden', field, detail })
export const duplicate = (field: string, value: BadValue): FieldError => ({ type: 'Duplicate value', field, value })
export const notFound = (field: string, value: BadValue): FieldError => ({ type: 'Not found', field, value })
/** field.NotSupported: detail `supported values: "a", "b"`. */
export const notSupported = (field: string, value: BadValue, supported: string[]): FieldError => ({
  type: 'Unsupported value',
  field,
  value,
  detail: supported.length ? 'supported values: ' + supported.map((s) => JSON.stringify(s)).join(', ') : '',
})
/** ValidateImmutableField: `field is immutable`. */
export const immutable = (field: string, value: BadValue): FieldError => invalid_(field, value, 'field is immutable')

function formatValue(v: BadValue | undefined): string {
  if (v === undefined || v === null) return 'null'
  if (typeof v === 'string') return JSON.stringify(v) // %q
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return v.go
}

/** field.Error.ErrorBody. */
export function errorBody(e: FieldError): string {
  let s: string
  if (e.type === 'Required value' || e.type === 'Forbidden' || e.type === 'Too long') s = e.type
  else s = `${e.type}: ${formatValue(e.value)}`
  if (e.detail) s += `: ${e.detail}`
  return s
}

/** field.Error.Error(): `path: body`. */
export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several as `[a, b]`, duplicates dropped. */
export function aggregate(msgs: string[]): string {
  const seen: string[] = []
  for (const m of msgs) if (!seen.includes(m)) seen.push(m)
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`
}

/**
 * apierrors.NewInvalid as kubectl shows it: `The Pod "x" is invalid: <aggregate>`.
 * (The server's own Status.message is `Pod "x" is invalid: …`; kubectl rebuilds it from the
 * causes with the "The" prefix, which is what users see, so we store that text.)
 */
export function invalid(kind: string, name: string, errors: FieldError[]): ApiStatus {
  const msgs = errors.map(errorString)
  return {
    code: 422,
    reason: 'Invalid',
    message: msgs.length ? `The ${kind} ${JSON.stringify(name)} is invalid: ${aggregate(msgs)}` : `The ${kind} ${JSON.stringify(name)} is invalid`,
    details: { name, kind, causes: errors.map((e) => ({ reason: CAUSE[e.type], message: errorBody(e), field: e.field })) },
  }
}

/** Decoding failure (400): `Pod in version "v1" cannot be handled as a Pod: <why>` (runtime.NewStrictDecodingError / codec). */
export function cannotBeHandled(kind: string, version: string, why: string): ApiStatus {
  return { code: 400, reason: 'BadRequest', message: `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${why}` }
}
