import { describe, expect, it } from 'vitest'
import { pausedStore } from '../helpers'

describe('engine slice', () => {
  it('exposes ids, objects and machines of the default cluster', () => {
    const s = pausedStore().getState()
    expect(s.nodeIds()).toEqual(['nodes/control-plane', 'nodes/worker-1', 'nodes/worker-2'])
    expect(s.podIds().length).toBeGreaterThan(5)
    expect(s.podIds().every((id) => /^pods\/kube-(system|flannel)\//.test(id))).toBe(true)
    expect(s.object('nodes/worker-1')?.metadata.name).toBe('worker-1')
    expect(s.object('pods/kube-system/nope')).toBeUndefined()
    expect(s.object('garbage')).toBeUndefined()
    expect(s.object('')).toBeUndefined()
    expect(s.objectIds('nonexistent')).toEqual([])
    expect(s.machine('worker-2')?.kubeletRunning).toBe(true)
    expect(s.viewTime).toBe(s.cluster.now)
    expect(s.version).toBe(0)
  })

  it('bumps version and reports changed ids after a step', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    await s().runKubectl('kubectl create deployment web --image=nginx --replicas=2')
    expect(s().version).toBe(1)
    expect(s().lastChanges.added).toContain('deployments/default/web')
    await s().stepBy(5_000)
    expect(s().version).toBe(2)
    expect(s().lastChanges.added.filter((id) => id.startsWith('pods/default/web-'))).toHaveLength(2)
    expect(s().podIds().filter((id) => id.startsWith('pods/default/web-'))).toHaveLength(2)
  })
})
