import { describe, expect, it } from 'vitest'
import { humanDuration, since } from '../../../src/kubectl/printers/duration'

const s = 1000
const m = 60 * s
const h = 60 * m
const d = 24 * h

describe('humanDuration (k8s-fidelity §10 case 1)', () => {
  it.each([
    [150 * s, '2m30s'],
    [90 * s, '90s'],
    [10 * m + 59 * s, '10m'],
    [150 * m, '150m'],
    [3 * h + 30 * m, '3h30m'],
    [47 * h, '47h'],
    [49 * h, '2d1h'],
    [8 * d, '8d'],
  ])('%i ms -> %s', (ms, want) => expect(humanDuration(ms)).toBe(want))

  it.each([
    [-2500, '<invalid>'],
    [-1500, '0s'],
    [-999, '0s'],
    [0, '0s'],
    [999, '0s'],
    [5 * s, '5s'],
    [119 * s + 999, '119s'],
    [120 * s, '2m'],
    [9 * m + 59 * s, '9m59s'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [2 * d, '2d'],
    [7 * d + 23 * h, '7d23h'],
    [400 * d, '400d'],
    [730 * d, '2y'],
    [800 * d, '2y70d'],
    [365 * 8 * d, '8y'],
    [365 * 20 * d, '20y'],
  ])('%i ms -> %s', (ms, want) => expect(humanDuration(ms)).toBe(want))

  it('since: zero/malformed timestamp is <unknown>', () => {
    expect(since({ now: 5000 }, undefined)).toBe('<unknown>')
    expect(since({ now: 5000 }, '')).toBe('<unknown>')
    expect(since({ now: 5000 }, 'yesterday')).toBe('<unknown>')
    expect(since({ now: 65000 }, '2025-03-01T09:00:05Z')).toBe('60s')
  })
})
