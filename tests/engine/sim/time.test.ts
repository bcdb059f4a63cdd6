import { describe, expect, it } from 'vitest'
import { EPOCH_UNIX_MS, parseRfc3339, rfc1123z, rfc3339, simTimeOf, civil } from '../../../src/engine/sim/time'
import { cyrb53, fnv32a } from '../../../src/engine/sim/hash'

describe('calendar time', () => {
  it('formats the boot instant and later times with one-second resolution', () => {
    expect(rfc3339(0)).toBe('2025-03-01T09:00:00Z')
    expect(rfc3339(61_999)).toBe('2025-03-01T09:01:01Z')
    expect(rfc3339(86_400_000 * 366)).toBe('2026-03-02T09:00:00Z')
  })

  it('agrees with the platform calendar across years and leap days', () => {
    for (const unix of [0, 951782400000, 1709164800000, 1740819600000, 4102444800000]) {
      const t = civil(unix)
      const d = new Date(unix)
      expect([t.year, t.month, t.day, t.weekday]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCDay()])
    }
  })

  it('prints RFC1123Z as kubectl describe does and parses RFC3339 back', () => {
    expect(rfc1123z(EPOCH_UNIX_MS + 5000)).toBe('Sat, 01 Mar 2025 09:00:05 +0000')
    expect(parseRfc3339('2025-03-01T09:00:05Z')).toBe(EPOCH_UNIX_MS + 5000)
    expect(simTimeOf(rfc3339(123_000))).toBe(123_000)
    expect(parseRfc3339('yesterday')).toBeNaN()
  })
})

describe('hashes', () => {
  it('cyrb53 is stable and sensitive', () => {
    expect(cyrb53('abc')).toBe(cyrb53('abc'))
    expect(cyrb53('abc')).not.toBe(cyrb53('abd'))
  })
  it('fnv32a matches the reference vectors', () => {
    expect(fnv32a('')).toBe(0x811c9dc5)
    expect(fnv32a('a')).toBe(0xe40c292c)
    expect(fnv32a('foobar')).toBe(0xbf9cf968)
  })
})
