import { describe, expect, it } from 'vitest'
import { cluster, pod, get, row, events } from './helpers'

describe('container config errors', () => {
  it('waits with CreateContainerConfigError until the ConfigMap exists', () => {
    const c = cluster()
    pod(c, 'cfg', { containers: [{ name: 'app', image: 'nginx:1.7.9', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'settings', key: 'x' } } }] }] })
    c.advance(8000)
    expect(row(c, 'cfg')).toBe('0/1 CreateContainerConfigError 0')
    expect(get(c, 'cfg')!.status.containerStatuses[0].state.waiting.message).toBe('configmap "settings" not found')
    expect(events(c, 'cfg')).toContain('Failed Error: configmap "settings" not found')
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { x: '1' } })
    c.advance(12_000)
    expect(row(c, 'cfg')).toBe('1/1 Running 0')
  })
})

describe('sidecars (restartPolicy Always init containers)', () => {
  it('starts the sidecar, then the app; READY counts it', () => {
    const c = cluster()
    pod(c, 'sc', {
      initContainers: [{ name: 'proxy', image: 'nginx:1.7.9', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'nginx:1.7.9' }],
    })
    c.advance(15_000)
    const p = get(c, 'sc')!
    expect(p.status.phase).toBe('Running')
    expect(p.status.initContainerStatuses[0].state.running).toBeDefined()
    expect(p.status.containerStatuses[0].state.running).toBeDefined()
     
    expect(p.status.conditions.find((x: any) => x.type === 'Initialized').status).toBe('True')
  })
})

describe('sidecar shutdown', () => {
  it('stops the sidecar after the app container on deletion', () => {
    const c = cluster()
    pod(c, 'sd', {
      initContainers: [{ name: 'proxy', image: 'nginx:1.7.9', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'nginx:1.7.9' }],
    })
    c.advance(15_000)
    c.api.delete('pods', 'default', 'sd')
    c.advance(40_000)
    expect(get(c, 'sd')).toBeUndefined()
    const kills = events(c, 'sd').filter((e) => e.startsWith('Killing'))
    expect(kills).toEqual(['Killing Stopping container app', 'Killing Stopping container proxy'])
  })

  it('a Job-style pod with a sidecar completes and the sidecar is stopped', () => {
    const c = cluster()
    pod(c, 'job', {
      restartPolicy: 'Never',
      initContainers: [{ name: 'proxy', image: 'nginx:1.7.9', restartPolicy: 'Always' }],
      containers: [{ name: 'work', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 3'] }],
    })
    c.advance(30_000)
    const p = get(c, 'job')!
    expect(p.status.phase).toBe('Succeeded')
    expect(p.status.initContainerStatuses[0].state.terminated).toBeDefined()
  })
})
