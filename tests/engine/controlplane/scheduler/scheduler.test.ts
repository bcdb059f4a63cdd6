import { describe, expect, it } from 'vitest'
import { cluster, events, pod, run, CP_TAINT } from '../helpers'
import { schedulePending, schedulingDiagnosis } from '../../../../src/engine/controlplane/scheduler/scheduler'

function failedMessage(c: ReturnType<typeof cluster>, name: string): string | undefined {
  const e = c.api.list('events').find((x) => x.reason === 'FailedScheduling' && (x.involvedObject as { name: string }).name === name)
  return e?.message as string | undefined
}

describe('kube-scheduler', () => {
  it('binds a pod to a worker, never to the tainted control plane, with the Scheduled event', () => {
    const c = cluster()
    c.api.create(pod('web'))
    c.advance(50)
    const p = c.api.get('pods', 'default', 'web')!
    expect(['worker-1', 'worker-2']).toContain(p.spec.nodeName)
    expect(p.status.conditions.find((x: { type: string }) => x.type === 'PodScheduled').status).toBe('True')
    const ev = events(c, 'Scheduled')[0]
    expect(ev.message).toBe(`Successfully assigned default/web to ${p.spec.nodeName}`)
    expect(ev.source.component).toBe('default-scheduler')
  })

  it('case 31: FailedScheduling for insufficient cpu with the preemption suffix', () => {
    const c = cluster()
    c.api.create(pod('big', { containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '3' } } }] }))
    c.advance(50)
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..'
    expect(failedMessage(c, 'big')).toBe(msg)
    const p = c.api.get('pods', 'default', 'big')!
    expect(p.spec.nodeName).toBeUndefined()
    const cond = p.status.conditions.find((x: { type: string }) => x.type === 'PodScheduled')
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg })
    const diag = schedulingDiagnosis(c, 'default', 'big')!
    expect(diag.find((d) => d.node === 'worker-1')!.reasons).toEqual(['Insufficient cpu'])
  })

  it('case 32: nodeSelector miss on two nodes; binds once a node is labelled', () => {
    const c = cluster({ nodes: [{ name: 'node01' }, { name: 'node02' }] })
    c.api.create(pod('picky', { nodeSelector: { disk: 'ssd' } }))
    c.advance(50)
    expect(failedMessage(c, 'picky')).toBe("0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.")
    c.api.mutate('nodes', undefined, 'node02', (n) => { n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' } })
    c.advance(50)
    expect(c.api.get('pods', 'default', 'picky')!.spec.nodeName).toBe('node02')
  })

  it('case 33: a cordoned node reports "node(s) were unschedulable"', () => {
    const c = cluster({ nodes: [{ name: 'node01', unschedulable: true }, { name: 'node02', cpu: '1' }] })
    c.api.create(pod('p', { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '2' } } }] }))
    c.advance(50)
    expect(failedMessage(c, 'p')).toBe('0/2 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod., 1 Preemption is not helpful for scheduling.')
  })

  it('sorts the histogram as strings (10 before 2)', () => {
    const nodes = [...Array.from({ length: 10 }, (_, i) => ({ name: `t${i}`, taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] })), { name: 'a', cpu: '1' }, { name: 'b', cpu: '1' }]
    const c = cluster({ nodes })
    c.api.create(pod('p', { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '2' } } }] }))
    c.advance(50)
    expect(failedMessage(c, 'p')).toMatch(/^0\/12 nodes are available: 10 node\(s\) had untolerated taint \{k: v\}, 2 Insufficient cpu\./)
  })

  it('uses init container max vs app sum for the fit filter', () => {
    const c = cluster({ nodes: [{ name: 'n', cpu: '1' }] })
    c.api.create(pod('init-big', { initContainers: [{ name: 'i', image: 'busybox', resources: { requests: { cpu: '1500m' } } }] }))
    c.api.create(pod('apps-fit', { initContainers: [{ name: 'i', image: 'busybox', resources: { requests: { cpu: '500m' } } }], containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '400m' } } }, { name: 'b', image: 'x', resources: { requests: { cpu: '400m' } } }] }))
    c.advance(50)
    expect(c.api.get('pods', 'default', 'init-big')!.spec.nodeName).toBeUndefined()
    expect(c.api.get('pods', 'default', 'apps-fit')!.spec.nodeName).toBe('n')
  })

  it('honours tolerations, required node affinity operators and Too many pods', () => {
    const c = cluster({ nodes: [{ name: 'cp', taints: [CP_TAINT], labels: { size: '8' } }, { name: 'w', labels: { size: '2' }, pods: '1' }] })
    c.api.create(pod('tol', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'size', operator: 'Gt', values: ['4'] }] }] } } } }))
    c.advance(50)
    expect(c.api.get('pods', 'default', 'tol')!.spec.nodeName).toBe('cp')
    c.api.create(pod('one'))
    c.advance(50)
    expect(c.api.get('pods', 'default', 'one')!.spec.nodeName).toBe('w')
    c.api.create(pod('two'))
    c.advance(50)
    expect(failedMessage(c, 'two')).toContain('1 Too many pods')
  })

  it('retries when a blocking pod is deleted', () => {
    const c = cluster({ nodes: [{ name: 'n', cpu: '1' }] })
    c.api.create(pod('a', { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '800m' } } }] }))
    c.advance(50)
    c.api.create(pod('b', { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '800m' } } }] }))
    c.advance(50)
    expect(c.api.get('pods', 'default', 'b')!.spec.nodeName).toBeUndefined()
    c.api.delete('pods', 'default', 'a')
    run(c, 500)
    expect(c.api.get('pods', 'default', 'b')!.spec.nodeName).toBe('n')
  })

  it('skips pods for another scheduler, and rejects with no nodes', () => {
    const c = cluster({ nodes: [] })
    c.api.create(pod('other', { schedulerName: 'my-scheduler' }))
    c.api.create(pod('none'))
    c.advance(50)
    expect(failedMessage(c, 'other')).toBeUndefined()
    expect(failedMessage(c, 'none')).toBe('no nodes available to schedule pods')
  })

  it('spreads the replicas of one owner across nodes', () => {
    const c = cluster({ nodes: [{ name: 'n1' }, { name: 'n2' }, { name: 'n3' }] })
    // The owner must exist, or the garbage collector removes the pods.
    const cm = c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } })
    if (!cm.ok) throw new Error('owner')
    const owner = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: cm.value.metadata.uid, controller: true }
    for (let i = 0; i < 6; i++) {
      const p = pod(`p${i}`)
      p.metadata.ownerReferences = [owner]
      c.api.create(p)
    }
    c.advance(50)
    const counts: Record<string, number> = {}
    for (const p of c.api.list('pods')) counts[p.spec.nodeName] = (counts[p.spec.nodeName] ?? 0) + 1
    expect(counts).toEqual({ n1: 2, n2: 2, n3: 2 })
  })

  it('schedulePending binds 2000 pods onto 50 nodes, evenly', () => {
    const c = cluster({ nodes: Array.from({ length: 50 }, (_, i) => ({ name: `n${i}`, cpu: '64', memory: '256Gi', pods: '110' })) })
    for (let i = 0; i < 2000; i++) c.client('bench').create(pod(`p${i}`, { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] }))
    const t0 = performance.now()
    const bound = schedulePending(c)
    const ms = performance.now() - t0
    expect(bound).toBe(2000)
    // LeastAllocated spreads identical pods evenly.
    const per: Record<string, number> = {}
    for (const p of c.api.list('pods')) per[p.spec.nodeName] = (per[p.spec.nodeName] ?? 0) + 1
    expect(Math.max(...Object.values(per))).toBeLessThanOrEqual(41)
    // Only a sanity bound (machines under load); bench/run.ts E3 measures the 100 ms target.
    expect(ms).toBeLessThan(20_000)
    console.log(`schedulePending 2000 pods / 50 nodes: ${ms.toFixed(0)} ms`)
  })
})
