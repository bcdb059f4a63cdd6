import { describe, expect, it } from 'vitest'
import { cluster, pod, get } from './kubelet/helpers'
import { createMirrorPods } from '../../../src/engine/node/static-pods'

describe('machines and node registration', () => {
  it('registers control-plane and workers as kubeadm does', () => {
    const c = cluster()
    const nodes = c.api.list('nodes')
    expect(nodes.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    const cp = nodes[0]
    expect(cp.metadata.labels).toMatchObject({ 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'control-plane', 'kubernetes.io/os': 'linux' })
    expect(cp.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }])
    expect(cp.spec.podCIDR).toBe('10.244.0.0/24')
    expect(nodes[2].spec.podCIDRs).toEqual(['10.244.2.0/24'])
    expect(nodes[1].status.addresses).toEqual([{ type: 'InternalIP', address: '192.168.56.11' }, { type: 'Hostname', address: 'worker-1' }])
    expect(nodes[1].status.capacity).toMatchObject({ cpu: '2', memory: '4194304Ki', pods: '110' })
    expect(nodes[1].status.allocatable.memory).toBe('4091904Ki')
    expect(nodes[1].status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.30.2', containerRuntimeVersion: 'containerd://1.7.13', osImage: 'Ubuntu 22.04.4 LTS' })
     
    expect(nodes[1].status.conditions.map((x: any) => `${x.type}=${x.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True'])
    expect(nodes[1].metadata.labels?.['node-role.kubernetes.io/control-plane']).toBeUndefined()
  })

  it('renews leases every 10 s', () => {
    const c = cluster()
    c.advance(30_000)
    const l = c.api.get('leases', 'kube-node-lease', 'worker-1')!
    expect(l.spec.holderIdentity).toBe('worker-1')
    const t1 = l.spec.renewTime
    c.advance(10_000)
    expect(c.api.get('leases', 'kube-node-lease', 'worker-1')!.spec.renewTime).not.toBe(t1)
  })

  it('runs the control-plane mirror pods', () => {
    const c = cluster()
    createMirrorPods(c) // the namespaces step (order 20) is not loaded in these tests
    c.advance(20_000)
    const etcd = c.api.get('pods', 'kube-system', 'etcd-control-plane')!
    expect(etcd.metadata.annotations?.['kubernetes.io/config.source']).toBe('file')
    expect(etcd.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'control-plane', controller: true })
    expect(etcd.status.phase).toBe('Running')
    expect(etcd.status.podIP).toBe('192.168.56.10') // hostNetwork
    for (const n of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) expect(c.api.get('pods', 'kube-system', `${n}-control-plane`)?.status?.phase).toBe('Running')
  })

  it('adds and removes workers', () => {
    const c = cluster()
    const r = c.act({ type: 'node.add' })
    expect(r.ok).toBe(true)
    const n = c.api.get('nodes', undefined, 'worker-3')!
    expect(n.spec.podCIDR).toBe('10.244.3.0/24')
    expect(n.status.addresses[0].address).toBe('192.168.56.13')
    pod(c, 'p3', { containers: [{ name: 'a', image: 'nginx:1.7.9' }] }, 'worker-3')
    c.advance(10_000)
    expect(get(c, 'p3')!.status.podIP).toBe('10.244.3.2')
    expect(c.act({ type: 'node.remove', node: 'worker-3' }).ok).toBe(true)
    expect(c.api.get('nodes', undefined, 'worker-3')).toBeUndefined()
    expect(get(c, 'p3')).toBeUndefined()
    expect(c.act({ type: 'node.remove', node: 'worker-3' }).ok).toBe(false)
  })

  it('crashes a container on request', () => {
    const c = cluster()
    pod(c, 'web', { containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] })
    c.advance(10_000)
    expect(c.act({ type: 'container.crash', namespace: 'default', pod: 'web', exitCode: 3 }).ok).toBe(true)
    c.advance(3000)
    const cs = get(c, 'web')!.status.containerStatuses[0]
    expect(cs.restartCount).toBe(1)
    expect(cs.lastState.terminated.exitCode).toBe(3)
    expect(c.act({ type: 'container.crash', namespace: 'default', pod: 'nope' }).ok).toBe(false)
  })
})

describe('determinism', () => {
  it('same seed and pokes give the same state hash', () => {
    const run = () => {
      const c = cluster()
      pod(c, 'web', { containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] })
      pod(c, 'crash', { containers: [{ name: 'a', image: 'busybox:1.28', command: ['sh', '-c', 'exit 1'] }] }, 'worker-2')
      c.advance(30_000)
      c.act({ type: 'node.stop', node: 'worker-2' })
      c.advance(400_000)
      c.act({ type: 'node.start', node: 'worker-2' })
      c.advance(60_000)
      return c.hash()
    }
    expect(run()).toBe(run())
  })
})
