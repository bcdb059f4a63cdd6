// What a pod card shows: kubectl's STATUS, the tone, the init strip and containers.
import { describe, expect, it } from 'vitest'
import type { KObject } from '../../../src/engine'
import { podView, statusTone } from '../../../src/ui/graph/pod-view'

const pod = (status: object, spec: object = {}): KObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'worker-1', containers: [{ name: 'app', image: 'nginx' }], ...spec }, status }) as unknown as KObject

describe('pod view', () => {
  it('shows Init:1/2 with a done, a running and a waiting init container', () => {
    const v = podView(
      pod(
        {
          phase: 'Pending',
          podIP: '10.244.1.5',
          conditions: [{ type: 'PodReadyToStartContainers', status: 'True' }],
          initContainerStatuses: [
            { name: 'a', ready: true, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
            { name: 'b', ready: false, restartCount: 0, state: { running: {} } },
          ],
          containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
        },
        { initContainers: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'busybox' }] },
      ),
      0,
    )
    expect(v.status).toBe('Init:1/2')
    expect(v.init.map((c) => c.tone)).toEqual(['done', 'ok'])
    expect(v.containers[0]).toMatchObject({ name: 'app', tone: 'waiting', state: 'PodInitializing' })
    expect(v.sandbox).toBe('ok')
    expect(v.ip).toBe('10.244.1.5')
  })

  it('marks a crash-looping container failed with its restarts', () => {
    const v = podView(
      pod({
        phase: 'Running',
        containerStatuses: [{ name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } }],
      }),
      0,
    )
    expect(v.status).toBe('CrashLoopBackOff')
    expect(v.tone).toBe('failed')
    expect(v.containers[0]).toMatchObject({ tone: 'failed', restarts: 4 })
  })

  it('never throws on a pod without status', () => {
    const v = podView({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } } as unknown as KObject, 0)
    expect(v.containers).toEqual([])
    expect(v.tone).toBe('waiting')
  })

  it('tones follow the STATUS column', () => {
    expect(statusTone('Running', '1/1')).toBe('ok')
    expect(statusTone('Running', '0/1')).toBe('progress')
    expect(statusTone('Completed', '0/1')).toBe('done')
    expect(statusTone('ImagePullBackOff', '0/1')).toBe('failed')
    expect(statusTone('Init:Error', '0/1')).toBe('failed')
    expect(statusTone('Terminating', '1/1')).toBe('off')
    expect(statusTone('ContainerCreating', '0/1')).toBe('progress')
  })
})
