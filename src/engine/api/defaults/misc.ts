// Defaulting of the small kinds. k/k pkg/apis/core/v1/defaults.go (SetDefaults_Namespace,
// SetDefaults_Secret, SetDefaults_PersistentVolume, SetDefaults_PersistentVolumeClaim, SetDefaults_NodeStatus),
// pkg/registry/core/namespace/strategy.go (PrepareForCreate), core v1 conversion (Secret stringData).
import { encodeBase64 } from '../validation/base64'
import { defaultPvcSpec } from './workloads'
 

export function defaultNamespace(ns: any, create: boolean): void {
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name }
  if (create) {
    ns.spec = { ...(ns.spec ?? {}), finalizers: ['kubernetes'] }
    ns.status = { phase: 'Active' }
  }
}

export function defaultSecret(s: any): void {
  s.type ||= 'Opaque'
  if (s.stringData) {
    // stringData is write-only: merged into data, stringData wins.
    s.data = { ...(s.data ?? {}) }
    for (const [k, v] of Object.entries(s.stringData)) s.data[k] = encodeBase64(String(v))
    delete s.stringData
  }
}

export function defaultPvc(pvc: any, create: boolean): void {
  defaultPvcSpec((pvc.spec ??= {}))
  if (create) pvc.status = { phase: 'Pending' }
}

export function defaultPv(pv: any, create: boolean): void {
  const spec = (pv.spec ??= {})
  spec.persistentVolumeReclaimPolicy ||= 'Retain'
  spec.volumeMode ||= 'Filesystem'
  if (create) pv.status = { phase: 'Pending' }
}

/** SetDefaults_EndpointPort: protocol TCP. */
export function defaultEndpoints(ep: any): void {
  for (const s of ep.subsets ?? []) for (const p of s.ports ?? []) p.protocol ||= 'TCP'
}

/** discovery/v1 SetDefaults_EndpointPort: protocol TCP (name defaults to ""). */
export function defaultEndpointSlice(es: any): void {
  for (const p of es.ports ?? []) {
    p.protocol ||= 'TCP'
    p.name ??= ''
  }
}
