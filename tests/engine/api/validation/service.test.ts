import { describe, it, expect } from 'vitest'
import { bareCluster, msg, val } from './helpers'
import type { NewObject } from '../../../../src/engine/api/types'
import { ipToInt } from '../../../../src/engine/api/allocators/cluster-ip'

function svc(name: string, spec: Record<string, unknown> = {}): NewObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } }
}

describe('service defaulting and allocation', () => {
  it('defaults a ClusterIP service and allocates from the upper band', () => {
    const c = bareCluster()
    const s = val(c.api.create(svc('web')))
    expect(s.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    })
    expect(s.spec.externalTrafficPolicy).toBeUndefined()
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP])
    const n = ipToInt(s.spec.clusterIP)! - ipToInt('10.96.0.0')!
    expect(n).toBeGreaterThan(256) // beyond the static band 10.96.0.1-10.96.1.0
    expect(n).toBeLessThan(2 ** 20 - 1)
    expect(s.status).toEqual({ loadBalancer: {} })
  })

  it('honours requested IPs and reports collisions and range errors', () => {
    const c = bareCluster()
    expect(val(c.api.create(svc('kube-dns', { clusterIP: '10.96.0.10' }))).spec.clusterIP).toBe('10.96.0.10')
    expect(msg(c.api.create(svc('dup', { clusterIP: '10.96.0.10' })))).toBe(
      'The Service "dup" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    )
    expect(msg(c.api.create(svc('far', { clusterIP: '10.200.0.1' })))).toBe(
      'The Service "far" is invalid: spec.clusterIPs: Invalid value: []string{"10.200.0.1"}: failed to allocate IP 10.200.0.1: the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    )
    // Deleting the owner frees the address: the store is the source of truth.
    val(c.api.delete('services', 'default', 'kube-dns'))
    expect(val(c.api.create(svc('dup', { clusterIP: '10.96.0.10' }))).spec.clusterIP).toBe('10.96.0.10')
  })

  it('creates headless and ExternalName services without an address', () => {
    const c = bareCluster()
    const h = val(c.api.create(svc('db', { clusterIP: 'None' })))
    expect(h.spec.clusterIPs).toEqual(['None'])
    const e = val(c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { type: 'ExternalName', externalName: 'example.com' } }))
    expect(e.spec.clusterIP).toBeUndefined()
    expect(e.spec.ipFamilies).toBeUndefined()
  })

  it('allocates NodePorts from the upper band and honours requests', () => {
    const c = bareCluster()
    const s = val(c.api.create(svc('np', { type: 'NodePort' })))
    expect(s.spec.externalTrafficPolicy).toBe('Cluster')
    expect(s.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086)
    expect(s.spec.ports[0].nodePort).toBeLessThanOrEqual(32767)
    expect(val(c.api.create(svc('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).spec.ports[0].nodePort).toBe(30080)
    expect(msg(c.api.create(svc('np3', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })))).toBe(
      'The Service "np3" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    )
    expect(msg(c.api.create(svc('np4', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })))).toBe(
      'The Service "np4" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    )
  })

  it('keeps allocated values across updates that omit them and makes the ClusterIP immutable', () => {
    const c = bareCluster()
    const s = val(c.api.create(svc('np', { type: 'NodePort' })))
    const applied = val(
      c.api.update({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'np', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } } as never),
    )
    expect(applied.spec.clusterIP).toBe(s.spec.clusterIP)
    expect(applied.spec.ports[0].nodePort).toBe(s.spec.ports[0].nodePort)
    const r = c.api.mutate('services', 'default', 'np', (o) => {
      o.spec.clusterIP = '10.96.5.5'
      o.spec.clusterIPs = ['10.96.5.5']
    })
    expect(msg(r)).toBe('The Service "np" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.5.5": may not change once set')
    // Back to ClusterIP: the nodePort the user did not touch is dropped.
    const back = val(c.api.mutate('services', 'default', 'np', (o) => void (o.spec.type = 'ClusterIP')))
    expect(back.spec.ports[0].nodePort).toBeUndefined()
    // ClusterIP → NodePort allocates.
    const again = val(c.api.mutate('services', 'default', 'np', (o) => void (o.spec.type = 'NodePort')))
    expect(again.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000)
  })

  it('is deterministic for a seed', () => {
    const a = bareCluster(42)
    const b = bareCluster(42)
    const ipsA = ['a', 'b', 'c'].map((n) => val(a.api.create(svc(n, { type: 'NodePort' }))).spec)
    const ipsB = ['a', 'b', 'c'].map((n) => val(b.api.create(svc(n, { type: 'NodePort' }))).spec)
    expect(ipsA).toEqual(ipsB)
    const other = bareCluster(43)
    expect(val(other.api.create(svc('a', { type: 'NodePort' }))).spec.clusterIP).not.toBe(ipsA[0].clusterIP)
  })
})

describe('service validation', () => {
  it('requires names when there are several ports', () => {
    const c = bareCluster()
    expect(msg(c.api.create(svc('web', { ports: [{ name: 'http', port: 80 }, { port: 443 }] })))).toBe('The Service "web" is invalid: spec.ports[1].name: Required value')
  })

  it('rejects bad ports, types and names', () => {
    const c = bareCluster()
    expect(msg(c.api.create(svc('web', { ports: [{ port: 0 }] })))).toContain('spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive')
    expect(msg(c.api.create(svc('web', { type: 'Magic' })))).toBe('The Service "web" is invalid: spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"')
    expect(msg(c.api.create(svc('web', { ports: [{ port: 80, nodePort: 30001 }] })))).toBe("The Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'")
    expect(msg(c.api.create(svc('1web')))).toContain('metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters')
    expect(msg(c.api.create(svc('web', { ports: [] })))).toBe('The Service "web" is invalid: spec.ports: Required value')
  })
})
