import { describe, it, expect } from 'vitest'
import { bareCluster, msg, val } from './helpers'

describe('namespaces', () => {
  it('defaults and validates as a DNS label', () => {
    const c = bareCluster()
    const ns = val(c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }))
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' })
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] })
    expect(ns.status).toEqual({ phase: 'Active' })
    expect(msg(c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } }))).toContain(
      'The Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label must consist of',
    )
  })
})

describe('configmaps and secrets', () => {
  it('validates keys', () => {
    const c = bareCluster()
    expect(msg(c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { 'bad key': 'v' } }))).toContain(
      'The ConfigMap "cm" is invalid: data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters',
    )
  })

  it('merges stringData, defaults the type, rejects bad base64', () => {
    const c = bareCluster()
    const s = val(c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'eA==' }, stringData: { password: 'héllo' } }))
    expect(s.type).toBe('Opaque')
    expect(s.stringData).toBeUndefined()
    expect(s.data).toEqual({ a: 'eA==', password: 'aMOpbGxv' })
    expect(msg(c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 't' }, data: { a: 'abc!' } }))).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    )
    expect(msg(c.api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls' }, type: 'kubernetes.io/tls', data: {} }))).toBe(
      'The Secret "tls" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
    )
  })

  it('protects immutable configmaps', () => {
    const c = bareCluster()
    val(c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: '1' }, immutable: true }))
    const r = c.api.mutate('configmaps', 'default', 'cm', (o) => void ((o.data as Record<string, string>).a = '2'))
    expect(msg(r)).toBe('The ConfigMap "cm" is invalid: data: Forbidden: field is immutable when `immutable` is set')
  })
})

describe('persistent volumes', () => {
  it('defaults and validates claims', () => {
    const c = bareCluster()
    const pvc = val(c.api.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }))
    expect(pvc.spec.volumeMode).toBe('Filesystem')
    expect(pvc.status).toEqual({ phase: 'Pending' })
    expect(msg(c.api.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'x' }, spec: { resources: { requests: { storage: '1Gi' } } } }))).toBe(
      'The PersistentVolumeClaim "x" is invalid: spec.accessModes: Required value: at least 1 access mode is required',
    )
    // The binder may set volumeName once; storage class changes are refused.
    val(c.client('pv-controller').mutate('persistentvolumeclaims', 'default', 'data', (o) => void (o.spec.volumeName = 'pv1')))
    expect(msg(c.api.mutate('persistentvolumeclaims', 'default', 'data', (o) => void (o.spec.storageClassName = 'fast')))).toBe(
      'The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests for bound claims',
    )
  })

  it('defaults volumes', () => {
    const c = bareCluster()
    const pv = val(c.api.create({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } } }))
    expect(pv.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' })
    expect(pv.status).toEqual({ phase: 'Pending' })
  })
})
