// The HPA controller end to end: load → usage → metrics-server → Metrics API → HPA → scale
// subresource, with the upstream events, conditions and status (k8s-fidelity.md §3, §10 13–22).
import { describe, expect, it } from 'vitest'
import { hpaEvaluations, type Cluster } from '../../../../src/engine'
import { condition, cpu, hpa, hpaEvents, load, settled, syncs, waitReady, workload } from './helpers'

const UP = 'cpu resource utilization (percentage of request) above target'

/** A settled cluster whose workload's ready pods each use `milli` of CPU, with metrics for it. */
function loaded(kind: Parameters<typeof workload>[1], name: string, replicas: number, milli: number, resources?: Record<string, unknown>): Cluster {
  const c = settled()
  workload(c, kind, name, replicas, resources)
  waitReady(c, name, replicas)
  load(c, name, milli)
  c.advance(45_000)
  return c
}

describe('HPA controller', () => {
  it('13: 4 pods at 90m of 100m, target 50% → New size: 8, status and arithmetic recorded; then back to min after 5 minutes idle', () => {
    const c = loaded('Deployment', 'web', 4, 90)
    hpa(c, 'web', {}, { metrics: cpu(50) })
    syncs(c, 1)
    expect(hpaEvents(c, 'web')).toContain(`Normal SuccessfulRescale New size: 8; reason: ${UP}`)
    expect(c.api.get('deployments', 'default', 'web')?.spec.replicas).toBe(8)
    const st = c.api.get('horizontalpodautoscalers', 'default', 'web')?.status
    expect(st).toMatchObject({ currentReplicas: 4, desiredReplicas: 8, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 90, averageValue: '90m' } } }] })
    expect(st.lastScaleTime).toBeDefined()
    expect(condition(c, 'web', 'AbleToScale')).toMatchObject({ status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 8' })
    expect(condition(c, 'web', 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)` })
    const ev = hpaEvaluations(c, 'default', 'web').at(-1)!
    expect(ev).toMatchObject({ currentReplicas: 4, proposal: 8, desiredReplicas: 8, rescaled: true, rescaleReason: UP })
    expect(ev.metrics[0].trace).toMatchObject({ utilization: 90, ratio: 1.8, readyPodCount: 4, proposal: 8 })
    expect(ev.normalization).toMatchObject({ proposal: 8, stabilized: 8, scaleUpLimit: 8, desired: 8 })

    load(c, 'web', 0)
    c.advance(8 * 60_000)
    expect(hpaEvents(c, 'web')).toContain('Normal SuccessfulRescale New size: 1; reason: All metrics below target')
    expect(c.api.get('deployments', 'default', 'web')?.spec.replicas).toBe(1)
  }, 30_000)

  it('15: from 1 pod at 500m → 4 (ScaleUpLimit), then 8 while the new pods count 0%', () => {
    const c = loaded('Deployment', 'php', 1, 500)
    hpa(c, 'php', {}, { metrics: cpu(50) })
    syncs(c, 1)
    expect(hpaEvents(c, 'php')).toEqual([`Normal SuccessfulRescale New size: 4; reason: ${UP}`])
    expect(condition(c, 'php', 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' })
    expect(hpaEvaluations(c, 'default', 'php').at(-1)!.metrics[0].trace).toMatchObject({ utilization: 500, ratio: 10, proposal: 10 })
    syncs(c, 1)
    expect(hpaEvents(c, 'php')).toContain(`Normal SuccessfulRescale New size: 8; reason: ${UP}`)
  }, 30_000)

  it('14: maxReplicas 5 clamps 8 → 5 with ScalingLimited TooManyReplicas', () => {
    const c = loaded('Deployment', 'web', 4, 90)
    hpa(c, 'web', {}, { metrics: cpu(50), maxReplicas: 5 })
    syncs(c, 1)
    expect(hpaEvents(c, 'web')).toContain(`Normal SuccessfulRescale New size: 5; reason: ${UP}`)
    expect(condition(c, 'web', 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' })
  }, 30_000)

  it('21: pods without a CPU request never scale: FailedGetResourceMetric, ScalingActive False, no current metric', () => {
    const c = settled()
    workload(c, 'Deployment', 'web', 2, {})
    waitReady(c, 'web', 2)
    c.advance(45_000)
    hpa(c, 'web', {}, { metrics: cpu(50) })
    syncs(c, 2)
    const pod = c.api.list('pods', { namespace: 'default', filter: (p) => p.metadata.labels?.app === 'web' })[0].metadata.name
    const msg = `failed to get cpu utilization: missing request for cpu in container nginx of Pod ${pod}`
    expect(hpaEvents(c, 'web')).toEqual([
      `Warning FailedGetResourceMetric ${msg}`,
      `Warning FailedComputeMetricsReplicas invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${msg}`,
    ])
    expect(condition(c, 'web', 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${msg}` })
    expect(c.api.get('horizontalpodautoscalers', 'default', 'web')?.status).toMatchObject({ currentReplicas: 2, desiredReplicas: 0, currentMetrics: [{ type: '' }] })
  }, 30_000)

  it('22: no metrics for the pods → FailedGetResourceMetric / FailedComputeMetricsReplicas "no metrics returned from resource metrics API"', () => {
    const c = settled()
    workload(c, 'Deployment', 'web', 2, { requests: { cpu: '100m' } }, 'nginx:1.255') // never pulls: no container runs
    hpa(c, 'web', {}, { metrics: cpu(50) })
    syncs(c, 1)
    const inner = 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API'
    expect(hpaEvents(c, 'web')).toEqual([
      `Warning FailedGetResourceMetric ${inner}`,
      `Warning FailedComputeMetricsReplicas invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${inner}`,
    ])
    expect(condition(c, 'web', 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${inner}` })
    expect(hpaEvaluations(c, 'default', 'web').at(-1)!.error).toContain('no metrics returned from resource metrics API')
  }, 30_000)

  it('without metrics-server the Metrics API is unavailable to the HPA', () => {
    const c = settled()
    c.api.mutate('deployments', 'kube-system', 'metrics-server', (d) => { d.spec.replicas = 0 })
    c.advance(40_000)
    workload(c, 'Deployment', 'web', 1)
    waitReady(c, 'web', 1)
    hpa(c, 'web', {}, { metrics: cpu(50) })
    syncs(c, 1)
    expect(hpaEvents(c, 'web')[0]).toBe('Warning FailedGetResourceMetric failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)')
  }, 30_000)

  it('a scale target that does not exist → FailedGetScale and AbleToScale False', () => {
    const c = settled()
    hpa(c, 'ghost', {}, { metrics: cpu(50) })
    hpa(c, 'odd', { kind: 'Deploymnet' }, { metrics: cpu(50) })
    syncs(c, 1)
    expect(hpaEvents(c, 'ghost')).toEqual(['Warning FailedGetScale deployments/scale.apps "ghost" not found'])
    expect(condition(c, 'ghost', 'AbleToScale')).toMatchObject({ status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: deployments/scale.apps "ghost" not found` })
    expect(hpaEvents(c, 'odd')).toEqual(['Warning FailedGetScale no matches for kind "Deploymnet" in group "apps"'])
  }, 30_000)

  it('a target scaled to zero disables scaling; above max scales down to max', () => {
    const c = settled()
    workload(c, 'Deployment', 'zero', 0)
    workload(c, 'Deployment', 'big', 4)
    hpa(c, 'zero', {}, { metrics: cpu(50) })
    hpa(c, 'big', {}, { metrics: cpu(50), maxReplicas: 2 })
    syncs(c, 1)
    expect(condition(c, 'zero', 'ScalingActive')).toMatchObject({ status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' })
    expect(hpaEvents(c, 'big')).toEqual(['Normal SuccessfulRescale New size: 2; reason: Current number of replicas above Spec.MaxReplicas'])
  }, 30_000)

  it('several metrics: the largest proposal wins (memory AverageValue "memory resource")', () => {
    const c = loaded('Deployment', 'web', 4, 60, { requests: { cpu: '100m', memory: '16Mi' } })
    hpa(c, 'web', {}, { metrics: [...cpu(50), { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Mi' } } }] })
    syncs(c, 1)
    expect(hpaEvents(c, 'web')).toEqual(['Normal SuccessfulRescale New size: 8; reason: memory resource above target'])
    const ev = hpaEvaluations(c, 'default', 'web').at(-1)!
    expect(ev.metrics.map((m) => m.replicas)).toEqual([5, ev.proposal])
    expect(ev.metricName).toBe('memory resource')
    const cur = c.api.get('horizontalpodautoscalers', 'default', 'web')?.status.currentMetrics
    expect(cur[1].resource.current.averageValue).toMatch(/^\d+$/)
  }, 30_000)

  it.each(['ReplicaSet', 'StatefulSet', 'ReplicationController'] as const)('scales a %s through its scale subresource', (kind) => {
    const c = loaded(kind, 'w', 1, 200)
    hpa(c, 'w', { kind, apiVersion: kind === 'ReplicationController' ? 'v1' : 'apps/v1' }, { metrics: cpu(50) })
    syncs(c, 1)
    expect(hpaEvents(c, 'w')).toEqual([`Normal SuccessfulRescale New size: 4; reason: ${UP}`])
    const plural = { ReplicaSet: 'replicasets', StatefulSet: 'statefulsets', ReplicationController: 'replicationcontrollers' }[kind]
    expect(c.api.get(plural, 'default', 'w')?.spec.replicas).toBe(4)
    expect(c.activities().some((a) => a.verb === 'update/scale' && a.plural === plural)).toBe(true)
  }, 30_000)

  it('two HPAs over the same pods → AmbiguousSelector', () => {
    const c = settled()
    workload(c, 'Deployment', 'web', 1)
    waitReady(c, 'web', 1)
    hpa(c, 'a', { name: 'web' }, { metrics: cpu(50) })
    hpa(c, 'b', { name: 'web' }, { metrics: cpu(50) })
    syncs(c, 2)
    const msg = 'pods by selector app=web are controlled by multiple HPAs: [{a default} {b default}]'
    expect(hpaEvents(c, 'b')).toContain(`Warning AmbiguousSelector ${msg}`)
    expect(condition(c, 'b', 'ScalingActive')).toMatchObject({ status: 'False', reason: 'AmbiguousSelector', message: msg })
  }, 30_000)

  it('a deleted HPA leaves no controller memory or evaluations behind', () => {
    const c = settled()
    workload(c, 'Deployment', 'web', 1)
    hpa(c, 'web', {}, { metrics: cpu(50) })
    syncs(c, 1)
    expect(hpaEvaluations(c, 'default', 'web').length).toBe(1)
    c.api.delete('horizontalpodautoscalers', 'default', 'web')
    syncs(c, 1)
    expect(hpaEvaluations(c, 'default', 'web')).toEqual([])
    const mem = c.state.components['horizontal-pod-autoscaler'] as { recommendations: Record<string, unknown>; selectors: Record<string, unknown> }
    expect(mem.recommendations['default/web']).toBeUndefined()
    expect(mem.selectors['default/web']).toBeUndefined()
  }, 30_000)
})
