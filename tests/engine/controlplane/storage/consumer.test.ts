import { describe, expect, it } from 'vitest'
import { createCluster } from '../../../../src/engine/index'

describe('storage with the real kubelet', () => {
  it('binds a WaitForFirstConsumer claim before the consumer container starts (cached image)', () => {
    const c = createCluster({ seed: 3 })
    c.api.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } as never)
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'a', image: 'registry.k8s.io/kube-proxy:v1.30.2' }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'd' } }] } } as never)
    let boundAt = -1
    let runningAt = -1
    for (let i = 0; i < 100; i++) {
      c.advance(50)
      if (boundAt < 0 && c.api.get('persistentvolumeclaims', 'default', 'd')!.status?.phase === 'Bound') boundAt = c.now
      if (runningAt < 0 && c.api.get('pods', 'default', 'p')!.status?.containerStatuses?.[0]?.state?.running) runningAt = c.now
    }
    expect(boundAt).toBeGreaterThan(0)
    expect(runningAt).toBeGreaterThan(boundAt)
    const node = c.api.get('pods', 'default', 'p')!.spec?.nodeName
    expect(c.api.get('persistentvolumeclaims', 'default', 'd')!.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(node)
  })
})
