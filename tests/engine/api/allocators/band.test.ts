import { describe, it, expect } from 'vitest'
import { allocateIndex, ipRangeOffset, portRangeOffset } from '../../../../src/engine/api/allocators/band'
import { seedRng } from '../../../../src/engine/sim/rng'

describe('offset band allocation (KEP-3070/3668)', () => {
  it('computes the static band sizes', () => {
    expect(ipRangeOffset(2 ** 20 - 2)).toBe(256)
    expect(ipRangeOffset(254)).toBe(16)
    expect(portRangeOffset(2768)).toBe(86)
  })

  it('prefers the upper band and falls back to the lower one when full', () => {
    const host = { rng: seedRng(1) }
    const used = new Set<number>()
    for (let i = 0; i < 84; i++) {
      const at = allocateIndex(host, 100, 16, used)!
      expect(at).toBeGreaterThanOrEqual(16)
      used.add(at)
    }
    const next = allocateIndex(host, 100, 16, used)!
    expect(next).toBeLessThan(16)
    for (let i = 0; i < 100; i++) used.add(i)
    expect(allocateIndex(host, 100, 16, used)).toBeUndefined()
  })

  it('is deterministic for the same rng state', () => {
    const a = { rng: seedRng(5) }
    const b = { rng: seedRng(5) }
    expect([1, 2, 3].map(() => allocateIndex(a, 1000, 62, new Set()))).toEqual([1, 2, 3].map(() => allocateIndex(b, 1000, 62, new Set())))
  })
})
