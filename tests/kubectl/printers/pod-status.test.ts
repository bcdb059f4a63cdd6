import { describe, expect, it } from 'vitest'
import { podStatusSummary } from '../../../src/kubectl/printers/pod-status'
import { pod, running, terminated, ts, waiting } from './fixtures'

const now = 10_000
const at = (sec: number) => sec * 1000
const cond = (type: string, status: string, reason?: string) => ({ type, status, ...(reason ? { reason } : {}) })
const one = { containers: [{ name: 'app', image: 'nginx' }] }
const twoInit = { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'app' }] }

const sum = (spec: any, status: any, extra = {}) => podStatusSummary(pod('p', 0, spec, status, extra), at(now))

describe('podStatusSummary (printPod)', () => {
  it('case 2: restarts with recency', () => {
    const st = (restarts: number, lastExit: number) => ({
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: true, restartCount: restarts, state: running(lastExit), lastState: terminated(1, 'Error', lastExit) }],
    })
    expect(sum(one, st(3, now - 25))).toEqual({ ready: '1/1', status: 'Running', restarts: '3 (25s ago)' })
    expect(podStatusSummary(pod('p', 0, one, st(3, now - 25)), at(now + 600))).toMatchObject({ restarts: '3 (10m ago)' })
    // restarts without a recorded termination time: no "(… ago)"
    expect(sum(one, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 2, state: running(1) }] }).restarts).toBe('2')
  })

  it('case 3: creating, running unready, running ready', () => {
    expect(sum(one, { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: waiting('ContainerCreating') }] }))
      .toEqual({ ready: '0/1', status: 'ContainerCreating', restarts: '0' })
    expect(sum(one, { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: running(1) }] }))
      .toEqual({ ready: '0/1', status: 'Running', restarts: '0' })
    expect(sum(one, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running(1) }] }))
      .toEqual({ ready: '1/1', status: 'Running', restarts: '0' })
  })

  it('pending pod without statuses shows its phase', () => {
    expect(sum(one, { phase: 'Pending' })).toEqual({ ready: '0/1', status: 'Pending', restarts: '0' })
  })

  it('case 4: init containers progress', () => {
    const appWaiting = [{ name: 'app', ready: false, restartCount: 0, state: waiting('PodInitializing') }]
    expect(sum(twoInit, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: running(1) }, { name: 'i2', restartCount: 0, state: waiting('PodInitializing') }], containerStatuses: appWaiting }))
      .toEqual({ ready: '0/1', status: 'Init:0/2', restarts: '0' })
    expect(sum(twoInit, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: terminated(0, 'Completed', 5) }, { name: 'i2', restartCount: 0, state: running(6) }], containerStatuses: appWaiting }).status)
      .toBe('Init:1/2')
    const done = [{ name: 'i1', restartCount: 0, state: terminated(0, 'Completed', 5) }, { name: 'i2', restartCount: 0, state: terminated(0, 'Completed', 8) }]
    expect(sum(twoInit, { phase: 'Pending', conditions: [cond('Initialized', 'True')], initContainerStatuses: done, containerStatuses: appWaiting }).status).toBe('PodInitializing')
    expect(sum(twoInit, { phase: 'Running', conditions: [cond('Initialized', 'True')], initContainerStatuses: done, containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running(9) }] }))
      .toEqual({ ready: '1/1', status: 'Running', restarts: '0' })
  })

  it('case 5: failing init container', () => {
    const spec = { initContainers: [{ name: 'i1' }], containers: [{ name: 'app' }] }
    const app = [{ name: 'app', ready: false, restartCount: 0, state: waiting('PodInitializing') }]
    expect(sum(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: terminated(1, 'Error', now - 1) }], containerStatuses: app }).status).toBe('Init:Error')
    expect(sum(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 1, state: waiting('CrashLoopBackOff'), lastState: terminated(1, 'Error', now - 5) }], containerStatuses: app }))
      .toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '1 (5s ago)' })
    // restartPolicy Never: phase Failed, Init:Error, 0 restarts
    expect(sum({ ...spec, restartPolicy: 'Never' }, { phase: 'Failed', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: terminated(1, 'Error', 5) }], containerStatuses: app }))
      .toEqual({ ready: '0/1', status: 'Init:Error', restarts: '0' })
    expect(sum(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 3 } } }] }).status).toBe('Init:ExitCode:3')
    expect(sum(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }] }).status).toBe('Init:Signal:9')
  })

  it('case 7: CrashLoopBackOff', () => {
    expect(sum(one, { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 3, state: waiting('CrashLoopBackOff'), lastState: terminated(1, 'Error', now - 30) }] }))
      .toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '3 (30s ago)' })
  })

  it('case 8: completed and errored job pods', () => {
    expect(sum({ ...one, restartPolicy: 'Never' }, { phase: 'Succeeded', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: terminated(0, 'Completed', 5) }] }))
      .toEqual({ ready: '0/1', status: 'Completed', restarts: '0' })
    expect(sum({ ...one, restartPolicy: 'Never' }, { phase: 'Failed', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: terminated(2, 'Error', 5) }] }).status).toBe('Error')
  })

  it('case 9: completed + running container, Ready False -> NotReady', () => {
    const spec = { restartPolicy: 'OnFailure', containers: [{ name: 'a' }, { name: 'b' }] }
    const statuses = [
      { name: 'a', ready: false, restartCount: 0, state: terminated(0, 'Completed', 5) },
      { name: 'b', ready: true, restartCount: 0, state: running(1) },
    ]
    expect(sum(spec, { phase: 'Running', conditions: [cond('Ready', 'False')], containerStatuses: statuses })).toEqual({ ready: '1/2', status: 'NotReady', restarts: '0' })
    expect(sum(spec, { phase: 'Running', conditions: [cond('Ready', 'True')], containerStatuses: statuses }).status).toBe('Running')
  })

  it('the lowest-index container with a reason wins', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] }
    expect(sum(spec, { phase: 'Running', containerStatuses: [
      { name: 'a', ready: false, restartCount: 0, state: waiting('ImagePullBackOff') },
      { name: 'b', ready: false, restartCount: 0, state: waiting('CrashLoopBackOff') },
    ] }).status).toBe('ImagePullBackOff')
  })

  it('sidecars count in READY; their restarts survive initialization', () => {
    const spec = { initContainers: [{ name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'app' }] }
    const r = sum(spec, {
      phase: 'Running',
      conditions: [cond('Initialized', 'True')],
      initContainerStatuses: [{ name: 'side', ready: true, started: true, restartCount: 2, state: running(3), lastState: terminated(1, 'Error', now - 40) }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running(4) }],
    })
    expect(r).toEqual({ ready: '2/2', status: 'Running', restarts: '2 (40s ago)' })
  })

  it('Terminating, NodeLost and SchedulingGated', () => {
    const st = { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running(1) }] }
    expect(podStatusSummary(pod('p', 0, one, st, { metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: ts(0), deletionTimestamp: ts(now) } }), at(now)).status).toBe('Terminating')
    expect(podStatusSummary(pod('p', 0, one, { ...st, reason: 'NodeLost' }, { metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: ts(0), deletionTimestamp: ts(now) } }), at(now)).status).toBe('Unknown')
    // terminal pods being deleted keep their status
    expect(podStatusSummary(pod('p', 0, one, { phase: 'Succeeded', containerStatuses: [{ name: 'app', restartCount: 0, state: terminated(0, 'Completed', 3) }] }, { metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: ts(0), deletionTimestamp: ts(now) } }), at(now)).status).toBe('Completed')
    expect(sum(one, { phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'SchedulingGated')] }).status).toBe('SchedulingGated')
    expect(sum(one, { phase: 'Failed', reason: 'Evicted' }).status).toBe('Evicted')
  })

  it('bad input: missing spec/status does not throw', () => {
    expect(sum(undefined, undefined)).toEqual({ ready: '0/0', status: '', restarts: '0' })
    expect(sum({ containers: [{ name: 'app' }] }, { containerStatuses: [{ name: 'app' }] })).toEqual({ ready: '0/1', status: '', restarts: '0' })
  })
})
