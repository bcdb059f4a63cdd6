import { describe, expect, it } from 'vitest'
import { formatLabelSelector, fromLabelSelector, matches, parseSelector } from '../../../src/engine/api/selectors'
import { bytes, formatBytes, formatMilliCpu, milliCpu, parseQuantity } from '../../../src/engine/api/quantity'

describe('label selectors', () => {
  it('parses equality and set-based syntax', () => {
    const r = parseSelector('app=web,tier!=db,env in (prod, staging),!legacy,track')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(matches(r.value, { app: 'web', env: 'prod', track: 'x' })).toBe(true)
    expect(matches(r.value, { app: 'web', env: 'prod', track: 'x', tier: 'db' })).toBe(false)
    expect(matches(r.value, { app: 'web', env: 'dev', track: 'x' })).toBe(false)
    expect(matches(r.value, { app: 'web', env: 'prod', track: 'x', legacy: '1' })).toBe(false)
    expect(matches(r.value, { app: 'web', env: 'prod' })).toBe(false)
  })

  it('rejects malformed selectors', () => {
    expect(parseSelector('app==').ok).toBe(true)
    expect(parseSelector('a b').ok).toBe(false)
    expect(parseSelector('x in (a').ok).toBe(false)
  })

  it('matches LabelSelector objects and formats them like kubectl', () => {
    const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }
    expect(matches(fromLabelSelector(sel), { app: 'web' })).toBe(true)
    expect(formatLabelSelector(sel)).toBe('app=web,tier notin (db)')
    expect(formatLabelSelector({})).toBe('<none>')
  })
})

describe('quantities', () => {
  it('parses CPU and memory', () => {
    expect(milliCpu('100m')).toBe(100)
    expect(milliCpu('2')).toBe(2000)
    expect(milliCpu('0.5')).toBe(500)
    expect(bytes('4Gi')).toBe(4 * 2 ** 30)
    expect(bytes('128M')).toBe(128e6)
    expect(bytes('1e3')).toBe(1000)
    expect(parseQuantity('12 apples')).toBeNaN()
    expect(formatMilliCpu(1500)).toBe('1500m')
    expect(formatMilliCpu(2000)).toBe('2')
    expect(formatBytes(4 * 2 ** 30 - 100 * 2 ** 20)).toBe('3996Mi')
  })
})
