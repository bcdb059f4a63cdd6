import { describe, expect, it } from 'vitest'
import { cluster, pod, get, events, row } from './helpers'
import { podRequests } from '../../../../src/engine/node/kubelet/admit'

describe('kubelet admission', () => {
  it('rejects a pod bound by hand to a node without room: OutOfcpu', () => {
    const c = cluster()
    pod(c, 'big', { containers: [{ name: 'a', image: 'nginx:1.7.9', resources: { requests: { cpu: '1500m' } } }] })
    pod(c, 'big2', { containers: [{ name: 'a', image: 'nginx:1.7.9', resources: { requests: { cpu: '1' } } }] })
    c.advance(10_000)
    expect(get(c, 'big')!.status.phase).toBe('Running')
    const p = get(c, 'big2')!
    expect(p.status.phase).toBe('Failed')
    expect(p.status.reason).toBe('OutOfcpu')
    expect(p.status.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 1000, used: 1500, capacity: 2000")
    expect(events(c, 'big2')).toEqual(["OutOfcpu Node didn't have enough resource: cpu, requested: 1000, used: 1500, capacity: 2000"])
  })

  it('computes effective requests with init containers and sidecars', () => {
    const r = (cpu: string) => ({ resources: { requests: { cpu } } })
     
    const p: any = { spec: { initContainers: [{ name: 'i', ...r('800m') }, { name: 's', restartPolicy: 'Always', ...r('100m') }], containers: [{ name: 'a', ...r('200m') }, { name: 'b', ...r('300m') }] } }
    expect(podRequests(p).cpu).toBe(800)
    p.spec.initContainers[0] = { name: 'i', ...r('100m') }
    expect(podRequests(p).cpu).toBe(600)
    expect(podRequests({ spec: {} } as never)).toEqual({ cpu: 0, memory: 0 })
  })
})

describe('sandbox network failure', () => {
  it('reports FailedCreatePodSandBox when the node range is exhausted', async () => {
    const { allocatePodIP } = await import('../../../../src/engine/network/ipam')
    const c = cluster()
    for (let i = 0; i < 253; i++) allocatePodIP(c, 'worker-1', '10.244.1.0/24', `fake-${i}`)
    pod(c, 'noip', { containers: [{ name: 'a', image: 'nginx:1.7.9' }] })
    c.advance(5000)
    expect(row(c, 'noip')).toBe('0/1 ContainerCreating 0')
    expect(events(c, 'noip')[0]).toMatch(/^FailedCreatePodSandBox Failed to create pod sandbox: .*no IP addresses available in range set: 10\.244\.1\.1-10\.244\.1\.254$/)
  })
})
