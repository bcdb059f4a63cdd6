import { describe, expect, it } from 'vitest'
import { expired, inBackOffSince, next, BACKOFF_MAX_MS } from '../../../../src/engine/node/kubelet/backoff'
import { goDuration } from '../../../../src/engine/node/kubelet/worker'
import { goSeconds } from '../../../../src/engine/node/kubelet/images'

describe('flowcontrol back-off', () => {
  it('starts at 10 s, doubles to 300 s', () => {
    let e = next(undefined, 0, 0)
    const seen = [e.ms]
    for (let i = 0; i < 7; i++) { e = next(e, e.lastUpdate + 1000, e.lastUpdate + 1000); seen.push(e.ms) }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000])
  })
  it('is in back-off only within the window since the event', () => {
    const e = { ms: 10_000, lastUpdate: 0 }
    expect(inBackOffSince(e, 5000, 14_999)).toBe(true)
    expect(inBackOffSince(e, 5000, 15_000)).toBe(false)
    expect(inBackOffSince(undefined, 0, 0)).toBe(false)
  })
  it('expires 600 s after the last update and restarts at 10 s', () => {
    const e = { ms: 160_000, lastUpdate: 0 }
    expect(expired(e, 2 * BACKOFF_MAX_MS)).toBe(false)
    expect(expired(e, 2 * BACKOFF_MAX_MS + 1)).toBe(true)
    expect(next(e, 2 * BACKOFF_MAX_MS + 1, 2 * BACKOFF_MAX_MS + 1).ms).toBe(10_000)
    expect(inBackOffSince(e, 2 * BACKOFF_MAX_MS + 1, 2 * BACKOFF_MAX_MS + 2)).toBe(false)
  })
})

describe('Go duration strings', () => {
  it('formats back-off and pull durations as Go prints them', () => {
    expect(goDuration(10_000)).toBe('10s')
    expect(goDuration(80_000)).toBe('1m20s')
    expect(goDuration(300_000)).toBe('5m0s')
    expect(goSeconds(535)).toBe('535ms')
    expect(goSeconds(2345)).toBe('2.345s')
    expect(goSeconds(3000)).toBe('3s')
    expect(goSeconds(61_500)).toBe('1m1.5s')
  })
})
