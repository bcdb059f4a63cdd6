import { describe, expect, it } from 'vitest'
import { cluster, cond, create, eventsOf, job, jobPods, until } from './helpers'
import { matchPodFailurePolicy } from '../../../../src/engine/controlplane/job/failure-policy'
import type { KObject } from '../../../../src/engine/api/types'

const failedPod = (exitCode: number, conditions: unknown[] = []) => ({
  metadata: { name: 'p', namespace: 'ns' },
  status: { phase: 'Failed', conditions, containerStatuses: [{ name: 'main', state: { terminated: { exitCode } } }] },
}) as unknown as KObject
const withPolicy = (rules: unknown[]) => ({ spec: { podFailurePolicy: { rules } } }) as unknown as KObject

describe('matchPodFailurePolicy', () => {
  it('takes the first matching rule', () => {
    const j = withPolicy([
      { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
      { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } },
      { action: 'Count', onExitCodes: { operator: 'NotIn', values: [1] } },
    ])
    expect(matchPodFailurePolicy(j, failedPod(42))).toEqual({ countFailed: true, action: 'FailJob', failJobMessage: 'Container main for pod ns/p failed with exit code 42 matching FailJob rule at index 1' })
    expect(matchPodFailurePolicy(j, failedPod(42, [{ type: 'DisruptionTarget', status: 'True' }]))).toEqual({ countFailed: false, action: 'Ignore' })
    expect(matchPodFailurePolicy(j, failedPod(7))).toEqual({ countFailed: true, action: 'Count' })
    expect(matchPodFailurePolicy(j, failedPod(1))).toEqual({ countFailed: true })
    expect(matchPodFailurePolicy(withPolicy([{ action: 'FailJob', onExitCodes: { containerName: 'other', operator: 'In', values: [42] } }]), failedPod(42))).toEqual({ countFailed: true })
  })
})

describe('job-controller with a podFailurePolicy', () => {
  it('FailJob on an exit code fails the job at once (FailureTarget + Failed PodFailurePolicy)', async () => {
    const c = await cluster()
    create(c, job('fatal', 'exit 42', { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } }))
    expect(until(c, () => cond(c.api.get('jobs', 'default', 'fatal'), 'Failed')?.status === 'True', 60_000)).toBe(true)
    const j = c.api.get('jobs', 'default', 'fatal')!
    const [p] = jobPods(c, 'fatal')
    const msg = `Container main for pod default/${p.metadata.name} failed with exit code 42 matching FailJob rule at index 0`
    expect(cond(j, 'FailureTarget')).toMatchObject({ status: 'True', reason: 'PodFailurePolicy', message: msg })
    expect(cond(j, 'Failed')).toMatchObject({ status: 'True', reason: 'PodFailurePolicy', message: msg })
    expect(jobPods(c, 'fatal')).toHaveLength(1)
    expect(eventsOf(c, 'Job', 'fatal').find((e) => e.reason === 'PodFailurePolicy')).toMatchObject({ type: 'Warning', message: msg })
  })

  it('Ignore does not count the failure toward backoffLimit', async () => {
    const c = await cluster()
    // Every pod exits 3 (ignored): with backoffLimit 0 the job would fail at once without the rule.
    create(c, job('flaky', 'exit 3', { backoffLimit: 0, podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [3] } }] } }))
    c.advance(60_000)
    const j = c.api.get('jobs', 'default', 'flaky')!
    expect(cond(j, 'Failed')).toBeUndefined()
    expect(j.status.failed).toBeUndefined()
    expect(jobPods(c, 'flaky').length).toBeGreaterThan(2)
  })
})
