// Exact quantity strings of the Metrics API and MilliValue (k8s.io/apimachinery resource.Quantity).
import { describe, expect, it } from 'vitest'
import { bytesQuantity, goDurationString, milliQuantity, milliValue, nanoCpuQuantity, parseGoDuration } from '../../../src/engine/metrics/quantity'

describe('quantities', () => {
  it('CPU nanocores in canonical DecimalSI', () => {
    expect(nanoCpuQuantity(0)).toBe('0')
    expect(nanoCpuQuantity(250_000_000)).toBe('250m')
    expect(nanoCpuQuantity(1_234_567)).toBe('1234567n')
    expect(nanoCpuQuantity(2_000_000_000)).toBe('2')
    expect(nanoCpuQuantity(1_500_000_000)).toBe('1500m')
    expect(nanoCpuQuantity(1_000_000.7)).toBe('1m')
  })
  it('bytes in canonical BinarySI; milli-values in DecimalSI', () => {
    expect(bytesQuantity(3 * 1024 * 1024)).toBe('3Mi')
    expect(bytesQuantity(12288)).toBe('12Ki')
    expect(bytesQuantity(1000)).toBe('1000')
    expect(milliQuantity(90)).toBe('90m')
    expect(milliQuantity(1000)).toBe('1')
    expect(milliQuantity(3_649_536_000)).toBe('3649536')
    expect(milliQuantity(2_000_000)).toBe('2k')
  })
  it('MilliValue rounds up', () => {
    expect(milliValue('1000400n')).toBe(2)
    expect(milliValue('1m')).toBe(1)
    expect(milliValue('0.1')).toBe(100)
    expect(milliValue('3Mi')).toBe(3 * 1024 * 1024 * 1000)
    expect(milliValue('1u')).toBe(1)
    expect(milliValue('0')).toBe(0)
    expect(milliValue('2e3')).toBe(2_000_000)
  })
  it("Go durations, as the Metrics API's window", () => {
    expect(goDurationString(15_000)).toBe('15s')
    expect(goDurationString(12_340)).toBe('12.34s')
    expect(goDurationString(60_000)).toBe('1m0s')
    expect(goDurationString(500)).toBe('500ms')
    expect(goDurationString(3_723_000)).toBe('1h2m3s')
    for (const ms of [15_000, 12_340, 60_000, 500, 3_723_000]) expect(parseGoDuration(goDurationString(ms))).toBe(ms)
  })
})
