// The API server's per-request chain for one kind, in upstream order:
// decode (strict fields, 400) → defaulting → mutating admission (CREATE) → strategy
// PrepareForCreate/Update → validation (422) → allocation (Services).
// k8s.io/apiserver/pkg/endpoints/handlers/create.go, update.go; registry/rest/create.go (BeforeCreate).
import type { Cluster } from '../../cluster'
import type { Admitter, Operation } from '../admission'
import type { ResourceInfo } from '../resources'
import { fail, ok, type ApiStatus, type KObject, type Result } from '../types'
import { newUid } from '../store'
import { cannotBeHandled, invalid, type FieldError } from './errors'
import { validateObjectMeta, type NameValidator } from './meta'
import { isDNS1123Subdomain } from './names'
import { strictDecodingError, typeError, unknownFields } from '../schema/strict'
import { decodeError } from './decode'

export interface KindHandlers {
  /** metadata.name syntax (default: DNS-1123 subdomain). */
  nameFn?: NameValidator
  /** Defaulting (runs on CREATE and UPDATE, like decoding does). */
  defaults?(c: Cluster, obj: KObject, op: Operation, old: KObject | undefined): void
  /** Mutating admission plugins and PrepareForCreate; an ApiStatus rejects the request. */
  admitCreate?(c: Cluster, obj: KObject): ApiStatus | void
  validate?(c: Cluster, obj: KObject, op: Operation): FieldError[]
  validateUpdate?(obj: KObject, old: KObject): FieldError[]
  /** After validation (allocations); errors are reported as Invalid. */
  allocate?(c: Cluster, obj: KObject, old: KObject | undefined): FieldError[]
  /** Writes through a subresource other than status. */
  subresource?(c: Cluster, name: string, obj: KObject, old: KObject): Result<KObject>
}

export function makeAdmitter(h: KindHandlers): Admitter {
  return (c: Cluster, op: Operation, info: ResourceInfo, obj: KObject, old: KObject | undefined, subresource?: string): Result<KObject> => {
    if (subresource === 'status') return ok(obj) // status writes skip spec validation
    if (subresource) return h.subresource && old ? h.subresource(c, subresource, obj, old) : ok(obj)
    const typeErr = typeError(info.kind, obj)
    if (typeErr) return fail(cannotBeHandled(info.kind, info.version, typeErr))
    const unknown = unknownFields(info.kind, obj)
    if (unknown.length) return fail(cannotBeHandled(info.kind, info.version, strictDecodingError(unknown)))
    const bad = decodeError(obj)
    if (bad) return fail(cannotBeHandled(info.kind, info.version, bad))
    // Fill system fields before the strategy runs (FillObjectMetaSystemFields): Jobs need the uid.
    if (op === 'CREATE') obj.metadata.uid = newUid(c)
    h.defaults?.(c, obj, op, old)
    if (op === 'CREATE' && h.admitCreate) {
      const denied = h.admitCreate(c, obj)
      if (denied) return fail(denied)
    }
    const errs = [...validateObjectMeta(obj, info.namespaced, h.nameFn ?? isDNS1123Subdomain), ...(h.validate?.(c, obj, op) ?? [])]
    if (op === 'UPDATE' && old && h.validateUpdate) errs.push(...h.validateUpdate(obj, old))
    if (errs.length) return fail(invalid(info.kind, obj.metadata.name ?? '', errs))
    const allocErrs = h.allocate?.(c, obj, old) ?? []
    if (allocErrs.length) return fail(invalid(info.kind, obj.metadata.name, allocErrs))
    return ok(obj)
  }
}
