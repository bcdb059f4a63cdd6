import { describe, expect, it } from 'vitest'
import { backoffDuration, emptyBackoff, recordFinished, remainingBackoff } from '../../../../src/engine/controlplane/job/backoff'

describe('job pod-failure back-off', () => {
  it('doubles from 10 s and caps at 10 min', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(backoffDuration)).toEqual([0, 10000, 20000, 40000, 80000, 160000, 320000, 600000, 600000])
    expect(backoffDuration(60)).toBe(600000)
  })

  it('counts failures after the last success and measures from the last failure', () => {
    let r = recordFinished(emptyBackoff(), 0, 1, 5000)
    expect(r).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: 5000 })
    expect(remainingBackoff(r, 9000)).toBe(6000)
    expect(remainingBackoff(r, 15000)).toBe(0)
    r = recordFinished(r, 0, 2, 20000)
    expect(remainingBackoff(r, 20000)).toBe(40000)
    expect(recordFinished(r, 1, 0, 30000)).toEqual(emptyBackoff())
    expect(recordFinished(r, 1, 1, 30000)).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: 30000 })
    expect(recordFinished(r, 0, 0, 30000)).toBe(r)
  })
})
