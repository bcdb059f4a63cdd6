import { describe, expect, it } from 'vitest'
import { cluster, pod, get, events } from '../node/kubelet/helpers'

const TOL = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
]

 
const ready = (n: any) => n.status.conditions.find((x: any) => x.type === 'Ready')

describe('node lifecycle controller', () => {
  it('marks a silent node Unknown after the grace period, taints it, evicts after 300 s, recovers', () => {
    const c = cluster()
    pod(c, 'a', { tolerations: TOL, containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] })
    pod(c, 'b', { containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] }) // no tolerations: evicted at once
    c.advance(20_000)
    expect(get(c, 'a')!.status.phase).toBe('Running')
    expect(c.act({ type: 'node.stop', node: 'worker-1' }).ok).toBe(true)
    c.advance(25_000)
    expect(ready(c.api.get('nodes', undefined, 'worker-1')).status).toBe('True')
    c.advance(25_000) // > 40 s since the last lease renew
    const n = c.api.get('nodes', undefined, 'worker-1')!
    expect(ready(n)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' })
     
    expect(n.spec.taints.map((t: any) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule'])
     
    expect(get(c, 'a')!.status.conditions.find((x: any) => x.type === 'Ready').status).toBe('False')
    expect(get(c, 'a')!.status.containerStatuses[0].ready).toBe(true) // READY column keeps 1/1
    expect(get(c, 'b')!.metadata.deletionTimestamp).toBeDefined()
    expect(events(c, 'b')).toContain('TaintManagerEviction Marking for deletion Pod default/b')
    c.advance(290_000)
    expect(get(c, 'a')!.metadata.deletionTimestamp).toBeUndefined()
    c.advance(15_000)
    expect(get(c, 'a')!.metadata.deletionTimestamp).toBeDefined() // Terminating while the kubelet is down
    // recovery
    expect(c.act({ type: 'node.start', node: 'worker-1' }).ok).toBe(true)
    c.advance(10_000)
    const n2 = c.api.get('nodes', undefined, 'worker-1')!
    expect(ready(n2).status).toBe('True')
    expect(n2.spec.taints).toBeUndefined()
    c.advance(40_000)
    expect(get(c, 'a')).toBeUndefined() // the kubelet finished the deletion
  })

  it('pokes name unknown nodes', () => {
    const c = cluster()
    const r = c.act({ type: 'node.stop', node: 'worker-9' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.status.message).toBe('node "worker-9" not found')
  })
})
