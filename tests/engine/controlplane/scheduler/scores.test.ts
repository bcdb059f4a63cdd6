import { describe, expect, it } from 'vitest'
import { balancedAllocationScore, leastAllocatedScore, normalize, topologySpreadScores } from '../../../../src/engine/controlplane/scheduler/scores'
import { podRequests } from '../../../../src/engine/controlplane/scheduler/requests'
import { tolerates } from '../../../../src/engine/controlplane/scheduler/taints'
import { failedSchedulingMessage, fitErrorMessage } from '../../../../src/engine/controlplane/scheduler/fit-error'
import type { KObject } from '../../../../src/engine/api/types'

const GI = 2 ** 30
const MI = 2 ** 20

describe('scores', () => {
  it('case 34: LeastAllocated 56 and BalancedAllocation 93', () => {
    expect(leastAllocatedScore(2000, 4 * GI, 500 + 500, GI + 512 * MI)).toBe(56)
    expect(balancedAllocationScore(2000, 4 * GI, 1000, 1.5 * GI)).toBe(93)
  })
  it('LeastAllocated is 0 for an over-committed resource', () => {
    expect(leastAllocatedScore(1000, GI, 2000, 0)).toBe(50)
    expect(leastAllocatedScore(0, 0, 0, 0)).toBe(0)
  })
  it('normalize: reverse with all zero → 100, forward → 0', () => {
    expect(normalize([0, 0], true)).toEqual([100, 100])
    expect(normalize([0, 0], false)).toEqual([0, 0])
    expect(normalize([1, 2], true)).toEqual([50, 0])
  })
  it('topology spread prefers the emptier node', () => {
    const pod = { metadata: { ownerReferences: [{ uid: 'o', controller: true }] } } as unknown as KObject
    const infos = [{ name: 'a', owners: { o: 3 } }, { name: 'b', owners: {} }] as never
    const s = topologySpreadScores(pod, infos)
    expect(s[1]).toBeGreaterThan(s[0])
  })
})

describe('requests', () => {
  it('non-zero defaults 100m / 200Mi per container without requests', () => {
    const pod = { spec: { containers: [{ name: 'a' }, { name: 'b', resources: { requests: { cpu: '250m' } } }] } } as unknown as KObject
    expect(podRequests(pod)).toEqual({ cpu: 250, mem: 0 })
    expect(podRequests(pod, true)).toEqual({ cpu: 350, mem: 400 * MI })
  })
  it('sidecars add to the app sum', () => {
    const pod = { spec: { initContainers: [{ restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } }, { resources: { requests: { cpu: '1' } } }], containers: [{ resources: { requests: { cpu: '200m' } } }] } } as unknown as KObject
    expect(podRequests(pod).cpu).toBe(1100)
  })
  it('ignores malformed quantities instead of throwing', () => {
    const pod = { spec: { containers: [{ resources: { requests: { cpu: 'lots' } } }] } } as unknown as KObject
    expect(podRequests(pod).cpu).toBe(0)
  })
})

describe('tolerations', () => {
  it('matches upstream ToleratesTaint', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoSchedule' }
    expect(tolerates({ operator: 'Exists' }, taint)).toBe(true)
    expect(tolerates({ key: 'k', operator: 'Equal', value: 'v' }, taint)).toBe(true)
    expect(tolerates({ key: 'k', value: 'w' }, taint)).toBe(false)
    expect(tolerates({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(false)
    expect(tolerates({ value: 'v' }, taint)).toBe(false)
  })
})

describe('fit error', () => {
  it('formats the histogram', () => {
    expect(fitErrorMessage(3, { 'Insufficient cpu': 2, 'node(s) were unschedulable': 1 })).toBe('0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.')
    expect(failedSchedulingMessage(1, [{ reasons: ['Insufficient memory'], unresolvable: false }])).toBe('0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..')
  })
})
