import { describe, expect, it } from 'vitest'
import { cluster, events, pods, run } from './helpers'
import { daemonTolerations, nodeShouldRunDaemonPod } from '../../../src/engine/controlplane/daemonset'
import type { KObject } from '../../../src/engine/api/types'

function ds(name: string, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'a', image: 'fluentd' }], ...spec } } },
  } as unknown as KObject
}

describe('daemonset-controller', () => {
  it('case 28: 1 tainted control plane + 2 workers → 2; with the CP toleration → 3', () => {
    const c = cluster()
    c.api.create(ds('fluentd'))
    run(c, 1000)
    let st = c.api.get('daemonsets', 'default', 'fluentd')!.status
    expect(st).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2, numberMisscheduled: 0, observedGeneration: 1 })
    expect(pods(c).map((p) => p.spec.nodeName).sort()).toEqual(['worker-1', 'worker-2'])
    for (const p of pods(c)) expect(p.metadata.name).toMatch(/^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    c.api.mutate('daemonsets', 'default', 'fluentd', (o) => {
      o.spec.template.spec.tolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }]
    })
    run(c, 1000)
    st = c.api.get('daemonsets', 'default', 'fluentd')!.status
    expect(st.desiredNumberScheduled).toBe(3)
    expect(st.currentNumberScheduled).toBe(3)
    expect(pods(c).map((p) => p.spec.nodeName).sort()).toEqual(['control-plane', 'worker-1', 'worker-2'])
    expect(events(c, 'SuccessfulCreate')[0].source.component).toBe('daemonset-controller')
  })

  it('pins pods with node affinity on metadata.name and adds the daemon tolerations', () => {
    const c = cluster()
    c.api.create(ds('agent', { hostNetwork: true }))
    run(c, 500)
    const p = pods(c).find((x) => x.spec.nodeName === 'worker-1')!
    expect(p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] }])
    expect(p.spec.tolerations).toEqual(daemonTolerations(true))
    expect(p.spec.tolerations.some((t: { key: string }) => t.key === 'node.kubernetes.io/network-unavailable')).toBe(true)
  })

  it('follows nodes: a new node gets a pod, a relabelled node loses it', () => {
    const c = cluster()
    c.api.create(ds('ssd', { nodeSelector: { disk: 'ssd' } }))
    run(c, 500)
    expect(pods(c)).toHaveLength(0)
    c.api.mutate('nodes', undefined, 'worker-1', (n) => { n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' } })
    run(c, 500)
    expect(pods(c).map((p) => p.spec.nodeName)).toEqual(['worker-1'])
    c.api.mutate('nodes', undefined, 'worker-1', (n) => { delete n.metadata.labels!.disk })
    run(c, 500)
    expect(pods(c)).toHaveLength(0)
    expect(events(c, 'SuccessfulDelete')).toHaveLength(1)
  })

  it('an untolerated NoExecute taint stops the pod; NoSchedule only blocks new ones', () => {
    const node = { metadata: { name: 'n', labels: {} }, spec: { taints: [{ key: 'x', effect: 'NoSchedule' }] } } as unknown as KObject
    expect(nodeShouldRunDaemonPod(ds('a'), node)).toEqual([false, true])
    node.spec.taints = [{ key: 'x', effect: 'NoExecute' }]
    expect(nodeShouldRunDaemonPod(ds('a'), node)).toEqual([false, false])
    node.spec.taints = [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]
    expect(nodeShouldRunDaemonPod(ds('a'), node)).toEqual([true, true])
  })
})

describe('daemonset rolling update', () => {
  it('replaces outdated pods one node at a time (maxUnavailable 1)', () => {
    const c = cluster()
    c.api.create(ds('agent'))
    run(c, 1000)
    const before = pods(c).map((p) => p.metadata.name).sort()
    c.api.mutate('daemonsets', 'default', 'agent', (o) => { o.spec.template.spec.containers[0].image = 'fluentd:2' })
    c.advance(20)
    // Only one old pod is being replaced at first.
    const deleting = c.api.list('pods').filter((p) => p.metadata.deletionTimestamp)
    expect(deleting).toHaveLength(1)
    run(c, 3000)
    const after = pods(c)
    expect(after).toHaveLength(2)
    expect(after.every((p) => p.spec.containers[0].image === 'fluentd:2')).toBe(true)
    expect(after.map((p) => p.metadata.name).some((n) => before.includes(n))).toBe(false)
    expect(c.api.get('daemonsets', 'default', 'agent')!.status.updatedNumberScheduled).toBe(2)
  })

  it('OnDelete keeps outdated pods', () => {
    const c = cluster()
    const d = ds('agent')
    d.spec.updateStrategy = { type: 'OnDelete' }
    c.api.create(d)
    run(c, 1000)
    c.api.mutate('daemonsets', 'default', 'agent', (o) => { o.spec.template.spec.containers[0].image = 'fluentd:2' })
    run(c, 1000)
    expect(pods(c).every((p) => p.spec.containers[0].image === 'fluentd')).toBe(true)
    expect(c.api.get('daemonsets', 'default', 'agent')!.status.updatedNumberScheduled).toBeUndefined()
  })
})
