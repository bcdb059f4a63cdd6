import { describe, expect, it } from 'vitest'
import { endpointChain, serviceChains, servicePortName } from '../../../../src/engine/network/kubeproxy/names'

describe('kube-proxy chain names (portProtoHash: base32(sha256(name + protocol))[:16])', () => {
  it('reproduces the upstream names', () => {
    expect(serviceChains('default/kubernetes:https', 'TCP').svc).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y')
    expect(serviceChains('kube-system/kube-dns:dns', 'UDP').svc).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU')
    expect(serviceChains('kube-system/kube-dns:dns-tcp', 'TCP').svc).toBe('KUBE-SVC-ERIFXISQEP7F7OF4')
    expect(serviceChains('kube-system/kube-dns:metrics', 'TCP').svc).toBe('KUBE-SVC-JD5MR3NA4I4DYORP')
    expect(serviceChains('default/nginx', 'TCP').svc).toBe('KUBE-SVC-2CMXP7HKUVJN7L6M')
  })

  it('shares the hash across SVC/SVL/EXT/FW; SEP names hash the endpoint too', () => {
    const ch = serviceChains('default/web', 'TCP')
    const h = ch.svc.slice('KUBE-SVC-'.length)
    expect(ch).toEqual({ svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` })
    const a = endpointChain('default/web', 'TCP', '10.244.1.2:80')
    expect(a).toMatch(/^KUBE-SEP-[A-Z2-7]{16}$/)
    expect(a.length).toBeLessThanOrEqual(28)
    expect(endpointChain('default/web', 'TCP', '10.244.1.3:80')).not.toBe(a)
    expect(endpointChain('default/web', 'tcp', '10.244.1.2:80')).toBe(a)
  })

  it('ServicePortName.String() adds the port name only when there is one', () => {
    expect(servicePortName('default', 'kubernetes', 'https')).toBe('default/kubernetes:https')
    expect(servicePortName('default', 'nginx', '')).toBe('default/nginx')
  })
})
