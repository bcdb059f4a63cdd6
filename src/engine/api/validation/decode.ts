// Failures the API server hits while decoding the request body (400 BadRequest), before any
// defaulting: malformed quantities and base64. k8s.io/apimachinery/pkg/api/resource/quantity.go
// (ErrFormatWrong), encoding/base64 CorruptInputError.
import type { KObject } from '../types'
import { isValidQuantity } from '../quantity'
import { base64ErrorOffset } from './base64'
 

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

function badResourceList(list: any): boolean {
  return Object.values(list ?? {}).some((q) => !isValidQuantity(q))
}

function badPodSpec(spec: any): boolean {
  for (const ct of [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])]) {
    if (badResourceList(ct.resources?.limits) || badResourceList(ct.resources?.requests)) return true
  }
  return badResourceList(spec?.overhead)
}

/** The pod specs inside an object of `kind`. */
export function podSpecsOf(kind: string, obj: any): any[] {
  switch (kind) {
    case 'Pod':
      return [obj.spec]
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'ReplicationController':
    case 'Job':
      return [obj.spec?.template?.spec]
    case 'CronJob':
      return [obj.spec?.jobTemplate?.spec?.template?.spec]
    default:
      return []
  }
}

/** The decode error text, or undefined. */
export function decodeError(obj: KObject): string | undefined {
  if (podSpecsOf(obj.kind, obj).some(badPodSpec)) return QUANTITY_FORMAT_ERROR
  if (obj.kind === 'PersistentVolumeClaim' && (badResourceList(obj.spec?.resources?.requests) || badResourceList(obj.spec?.resources?.limits))) return QUANTITY_FORMAT_ERROR
  if (obj.kind === 'PersistentVolume' && badResourceList(obj.spec?.capacity)) return QUANTITY_FORMAT_ERROR
  if (obj.kind === 'StatefulSet' && (obj.spec?.volumeClaimTemplates ?? []).some((t: any) => badResourceList(t.spec?.resources?.requests))) return QUANTITY_FORMAT_ERROR
  if (obj.kind === 'Secret') {
    for (const v of Object.values((obj.data as Record<string, unknown>) ?? {})) {
      const at = base64ErrorOffset(String(v))
      if (at !== undefined) return `illegal base64 data at input byte ${at}`
    }
  }
  return undefined
}
