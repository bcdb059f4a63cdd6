import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, thinCheckpoints } from '../../src/store'
import { pausedStore } from './helpers'

const every = (from: number, to: number, step: number) => {
  const out = []
  for (let at = from; at <= to; at += step) out.push({ at, logIndex: 0 })
  return out
}

describe('checkpoint policy', () => {
  it('keeps every checkpoint of the last 5 minutes and one a minute before', () => {
    const list = every(120_000, 120_000 + 20 * 60_000, 10_000)
    const head = list[list.length - 1].at
    const kept = thinCheckpoints(list, head)
    expect(kept[0].at).toBe(120_000)
    expect(kept.filter((k) => k.at >= head - 5 * 60_000)).toHaveLength(31)
    const old = kept.filter((k) => k.at < head - 5 * 60_000)
    expect(old.map((k) => k.at % 60_000)).toEqual(old.map(() => 0))
    expect(kept.length).toBeLessThan(list.length)
  })

  it('doubles the old spacing to stay under the cap', () => {
    const list = every(0, 24 * 3_600_000, 10_000)
    const kept = thinCheckpoints(list, 24 * 3_600_000)
    expect(kept.length).toBeLessThanOrEqual(DEFAULT_POLICY.max)
    expect(kept[0].at).toBe(0)
    const tiny = thinCheckpoints(list, 24 * 3_600_000, { ...DEFAULT_POLICY, max: 5 })
    expect(tiny).toHaveLength(5)
    expect(tiny[0].at).toBe(0)
    expect(tiny[4].at).toBe(24 * 3_600_000)
  })

  it('the store checkpoints every 10 s of sim time', async () => {
    const store = pausedStore()
    const s = () => store.getState()
    await s().stepBy(35_000)
    expect(s().checkpoints.map((k) => k.at)).toEqual([120_000, 130_000, 140_000, 150_000])
    const custom = pausedStore({ checkpoints: { everyMs: 5_000 } })
    await custom.getState().stepBy(12_000)
    expect(custom.getState().checkpoints.map((k) => k.at)).toEqual([120_000, 125_000, 130_000])
  })
})
