import { describe, expect, it } from 'vitest'
import { iptablesSave } from '../../../src/engine/index'
import { netCluster } from './fixture'

const ready = (c: ReturnType<typeof netCluster>, node: string) => c.api.get('nodes', undefined, node)!.status.conditions.find((x: { type: string }) => x.type === 'Ready').status

describe('network pokes', () => {
  it('a partitioned node stops reaching the API: NotReady (Unknown) after the grace period, Ready again once healed', () => {
    const c = netCluster()
    expect(c.act({ type: 'node.partition', node: 'worker-2' })).toMatchObject({ ok: true, value: 'node worker-2 cut from the network: its packets are lost and its kubelet cannot reach the API server' })
    c.advance(30_000)
    expect(ready(c, 'worker-2')).toBe('True')
    c.advance(30_000)
    expect(ready(c, 'worker-2')).toBe('Unknown')
    expect(c.api.get('nodes', undefined, 'worker-2')!.spec.taints.map((t: { key: string }) => t.key)).toContain('node.kubernetes.io/unreachable')
    expect(c.act({ type: 'node.unpartition', node: 'worker-2' })).toMatchObject({ ok: true, value: 'node worker-2 reconnected to the network' })
    c.advance(15_000)
    expect(ready(c, 'worker-2')).toBe('True')
  })

  it('kube-proxy on a partitioned node keeps the rules it had', () => {
    const c = netCluster()
    c.act({ type: 'node.partition', node: 'worker-1' })
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'late', namespace: 'default' }, spec: { selector: { app: 'a' }, ports: [{ port: 80 }] } })
    c.advance(2_000)
    const has = (node: string) => iptablesSave(c, node)!.includes('default/late')
    expect(has('worker-2')).toBe(true)
    expect(has('worker-1')).toBe(false)
  })

  it('repeating a poke is harmless; unknown nodes are errors', () => {
    const c = netCluster()
    c.act({ type: 'node.partition', node: 'worker-1' })
    expect(c.act({ type: 'node.partition', node: 'worker-1' })).toMatchObject({ ok: true, value: 'node worker-1 is already cut from the network' })
    expect(c.act({ type: 'node.unpartition', node: 'worker-2' })).toMatchObject({ ok: true, value: 'node worker-2 is not cut from the network' })
    expect(c.act({ type: 'flannel.start', node: 'worker-1' })).toMatchObject({ ok: true, value: 'flanneld on worker-1 is already running' })
    expect(c.act({ type: 'node.partition', node: 'nope' })).toMatchObject({ ok: false, status: { code: 404, message: 'node "nope" not found' } })
    expect(c.act({ type: 'flannel.stop', node: 'nope' })).toMatchObject({ ok: false })
  })

  it('healing does not start a kubelet the learner stopped separately', () => {
    const c = netCluster()
    c.act({ type: 'node.stop', node: 'worker-1' })
    c.act({ type: 'node.partition', node: 'worker-1' })
    c.act({ type: 'node.unpartition', node: 'worker-1' })
    expect(c.state.machines['worker-1'].kubeletRunning).toBe(false)
  })
})
