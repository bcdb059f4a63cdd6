import { describe, expect, it } from 'vitest'
import '../../../src/engine/controlplane/index'
import { createCluster } from '../../../src/engine/cluster'
import { makeNode, CP_TAINT, kubelet } from './helpers'

describe('bootstrap system objects', () => {
  it('creates the namespaces, services, add-ons and the kubernetes endpoints', () => {
    const c = createCluster({ seed: 1, settle: false, workers: 0 })
    expect(c.api.list('namespaces').map((n) => [n.metadata.name, n.status?.phase, n.metadata.labels?.['kubernetes.io/metadata.name']])).toEqual([
      ['default', 'Active', 'default'], ['kube-flannel', 'Active', 'kube-flannel'], ['kube-node-lease', 'Active', 'kube-node-lease'], ['kube-public', 'Active', 'kube-public'], ['kube-system', 'Active', 'kube-system'],
    ])
    const k = c.api.get('services', 'default', 'kubernetes')!
    expect(k.spec.clusterIP).toBe('10.96.0.1')
    expect(k.spec.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }])
    expect(k.spec.selector).toBeUndefined()
    expect(c.api.get('endpoints', 'default', 'kubernetes')!.subsets).toEqual([{ addresses: [{ ip: '192.168.56.10' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }])
    expect(c.api.get('endpointslices', 'default', 'kubernetes')).toBeDefined()
    const dns = c.api.get('services', 'kube-system', 'kube-dns')!
    expect(dns.spec.clusterIP).toBe('10.96.0.10')
    expect(dns.spec.ports.map((p: { port: number; protocol: string; name: string }) => `${p.name}:${p.port}/${p.protocol}`)).toEqual(['dns:53/UDP', 'dns-tcp:53/TCP', 'metrics:9153/TCP'])
    expect(dns.metadata.labels).toEqual({ 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' })
    expect(c.api.get('deployments', 'kube-system', 'coredns')!.spec.replicas).toBe(2)
    expect(c.api.get('deployments', 'kube-system', 'metrics-server')!.spec.template.spec.containers[0].args).toContain('--metric-resolution=15s')
    expect(c.api.get('daemonsets', 'kube-system', 'kube-proxy')!.spec.template.spec.hostNetwork).toBe(true)
    expect(c.api.get('daemonsets', 'kube-flannel', 'kube-flannel-ds')!.spec.template.spec.initContainers.map((x: { name: string }) => x.name)).toEqual(['install-cni-plugin', 'install-cni'])
  })

  it('places coredns on workers, kube-proxy and flannel on every node', () => {
    const c = createCluster({ seed: 1, settle: false, workers: 0 })
    c.api.create(makeNode({ name: 'control-plane', taints: [CP_TAINT] }))
    c.api.create(makeNode({ name: 'worker-1' }))
    c.api.create(makeNode({ name: 'worker-2' }))
    for (let i = 0; i < 20; i++) { c.advance(100); kubelet(c) }
    const sys = c.api.list('pods', { namespace: 'kube-system' })
    const proxy = sys.filter((p) => p.metadata.name.startsWith('kube-proxy-'))
    expect(proxy.map((p) => p.spec.nodeName).sort()).toEqual(['control-plane', 'worker-1', 'worker-2'])
    const flannel = c.api.list('pods', { namespace: 'kube-flannel' })
    expect(flannel).toHaveLength(3)
    const dns = sys.filter((p) => p.metadata.name.startsWith('coredns-'))
    expect(dns).toHaveLength(2)
    for (const p of dns) expect(p.metadata.name).toMatch(/^coredns-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    // coredns tolerates the control-plane taint; spreading puts the two replicas on different nodes
    expect(new Set(dns.map((p) => p.spec.nodeName)).size).toBe(2)
    const eps = c.api.get('endpoints', 'kube-system', 'kube-dns')!
    expect((eps.subsets as { addresses: unknown[] }[])[0].addresses).toHaveLength(2)
  })

  it('the apiserver re-creates the kubernetes Service objects when deleted', () => {
    const c = createCluster({ seed: 1, settle: false, workers: 0 })
    c.api.delete('endpoints', 'default', 'kubernetes')
    c.advance(20)
    expect(c.api.get('endpoints', 'default', 'kubernetes')).toBeDefined()
  })
})
