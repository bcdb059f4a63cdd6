// The load ledger: discrete requests and flows (requests/s) integrated lazily per container.
import { describe, expect, it } from 'vitest'
import { Cluster, initialState, DEFAULT_CONFIG } from '../../../src/engine'
import { chargeRequests, clearFlow, flowRate, flowServedTotal, forgetPod, ledger, servedTotal, setFlow } from '../../../src/engine/metrics/load'

const bare = () => new Cluster(initialState({ ...DEFAULT_CONFIG }))

describe('load ledger', () => {
  it('counts discrete requests per pod and container', () => {
    const c = bare()
    chargeRequests(c, 'default/a', 'web')
    chargeRequests(c, 'default/a', 'web', 2)
    expect(servedTotal(c, 'default/a', 'web')).toBe(3)
    expect(servedTotal(c, 'default/a', 'other')).toBe(0)
  })

  it('integrates flows over time, across rate changes and overlapping flows', () => {
    const c = bare()
    setFlow(c, 'f1', [{ pod: 'default/a', container: 'web', rps: 10 }, { pod: 'default/b', container: 'web', rps: 5 }])
    c.state.now += 2000
    expect(flowServedTotal(c, 'default/a', 'web')).toBe(20)
    setFlow(c, 'f2', [{ pod: 'default/a', container: 'web', rps: 30 }])
    expect(flowRate(c, 'default/a', 'web')).toBe(40)
    c.state.now += 1000
    expect(flowServedTotal(c, 'default/a', 'web')).toBe(60)
    setFlow(c, 'f1', [{ pod: 'default/b', container: 'web', rps: 5 }]) // f1 no longer reaches a
    expect(flowRate(c, 'default/a', 'web')).toBe(30)
    c.state.now += 1000
    clearFlow(c, 'f2')
    c.state.now += 5000
    expect(flowServedTotal(c, 'default/a', 'web')).toBe(90)
    expect(flowRate(c, 'default/a', 'web')).toBe(0)
    expect(flowServedTotal(c, 'default/b', 'web')).toBe(45)
  })

  it('readers do not create state; forgetPod drops a pod from counts and flows', () => {
    const c = bare()
    expect(flowRate(c, 'default/a', 'web')).toBe(0)
    expect(c.state.components.load).toBeUndefined()
    setFlow(c, 'f', [{ pod: 'default/a', container: 'web', rps: 1 }, { pod: 'default/b', container: 'web', rps: 1 }])
    chargeRequests(c, 'default/a', 'web')
    forgetPod(c, 'default/a')
    expect(servedTotal(c, 'default/a', 'web')).toBe(0)
    expect(ledger(c).flows.f).toEqual([{ pod: 'default/b', container: 'web', rps: 1 }])
    forgetPod(c, 'default/b')
    expect(ledger(c).flows).toEqual({})
  })
})
