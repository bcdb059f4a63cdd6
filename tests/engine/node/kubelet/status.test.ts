import { describe, expect, it } from 'vitest'
import { buildPodStatus, computePhase } from '../../../../src/engine/node/kubelet/status'
import type { ContainerRun, PodWorker } from '../../../../src/engine/node/kubelet/types'
import type { KObject } from '../../../../src/engine/api/types'

const run = (name: string, over: Partial<ContainerRun>): ContainerRun => ({ name, kind: 'app', stage: 'idle', restartCount: 0, instance: 0, started: false, probes: {}, log: '', prevLog: '', ...over })
const term = (exitCode: number) => ({ exitCode, reason: exitCode ? 'Error' : 'Completed', startedAt: 't', finishedAt: 't', containerID: 'containerd://x' })
const worker = (containers: Record<string, ContainerRun>): PodWorker => ({ uid: 'u', namespace: 'default', name: 'p', sandbox: 'ready', sandboxReadyAt: 0, ip: '10.244.1.2', startTime: 't0', containers, pullBackoff: {} })
 
const pod = (spec: any): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: 't0' }, spec })

describe('getPhase', () => {
  it('follows restartPolicy for terminated containers', () => {
    const two = { containers: [{ name: 'a' }, { name: 'b' }] }
    const w = worker({ a: run('a', { stage: 'exited', terminated: term(0) }), b: run('b', { stage: 'exited', terminated: term(1) }) })
    expect(computePhase(pod({ ...two, restartPolicy: 'Never' }), w)).toBe('Failed')
    expect(computePhase(pod({ ...two, restartPolicy: 'OnFailure' }), w)).toBe('Running')
    expect(computePhase(pod({ ...two, restartPolicy: 'Always' }), w)).toBe('Running')
    w.containers.b = run('b', { stage: 'exited', terminated: term(0) })
    expect(computePhase(pod({ ...two, restartPolicy: 'OnFailure' }), w)).toBe('Succeeded')
  })
  it('is Pending while a container waits for the first time, Running with one running', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] }
    const w = worker({ a: run('a', { stage: 'running', running: { startedAt: 't', startedMs: 0, containerID: 'c' } }), b: run('b', { waiting: { reason: 'ErrImagePull' } }) })
    expect(computePhase(pod(spec), w)).toBe('Pending')
    w.containers.b = run('b', { stage: 'exited', terminated: term(0) })
    expect(computePhase(pod(spec), w)).toBe('Running')
  })
  it('fails the pod on an init failure only with restartPolicy Never', () => {
    const spec = { initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] }
    const w = worker({ i: run('i', { kind: 'init', stage: 'exited', terminated: term(1) }) })
    expect(computePhase(pod({ ...spec, restartPolicy: 'Never' }), w)).toBe('Failed')
    w.containers.i.waiting = { reason: 'CrashLoopBackOff' }
    expect(computePhase(pod({ ...spec, restartPolicy: 'Always' }), w)).toBe('Pending')
  })
})

describe('pod conditions', () => {
  it('lists unready containers and keeps transition times', () => {
    const p = pod({ containers: [{ name: 'app', readinessProbe: { httpGet: { port: 80 } } }] })
    const w = worker({ app: run('app', { stage: 'running', started: true, running: { startedAt: 't', startedMs: 0, containerID: 'c' }, probes: { readiness: { successes: 0, failures: 0, ok: false } } }) })
    const st = buildPodStatus(p, w, '192.168.56.11', 'T1')
     
    const ready = st.conditions.find((x: any) => x.type === 'Ready')
    expect(ready).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastTransitionTime: 'T1' })
    const again = buildPodStatus({ ...p, status: st }, w, '192.168.56.11', 'T2')
     
    expect(again.conditions.find((x: any) => x.type === 'Ready').lastTransitionTime).toBe('T1')
    w.containers.app.probes.readiness!.ok = true
    const ok = buildPodStatus({ ...p, status: again }, w, '192.168.56.11', 'T3')
     
    expect(ok.conditions.find((x: any) => x.type === 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: 'T3' })
    expect(ok.containerStatuses[0].ready).toBe(true)
  })
  it('reports PodCompleted for Succeeded pods and incomplete init containers', () => {
    const done = worker({ a: run('a', { stage: 'exited', terminated: term(0) }) })
    const st = buildPodStatus(pod({ restartPolicy: 'Never', containers: [{ name: 'a' }] }), done, 'h', 'T')
    expect(st.phase).toBe('Succeeded')
     
    expect(st.conditions.find((x: any) => x.type === 'ContainersReady').reason).toBe('PodCompleted')
    const init = buildPodStatus(pod({ initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'a' }] }), worker({}), 'h', 'T')
     
    expect(init.conditions.find((x: any) => x.type === 'Initialized').message).toBe('containers with incomplete status: [i1 i2]')
    expect(init.containerStatuses[0].state.waiting.reason).toBe('PodInitializing')
  })
})
