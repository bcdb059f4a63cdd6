import { describe, expect, it } from 'vitest'
import { nextAfter, parseCron, parseGoDuration, type CronSchedule } from '../../../src/engine/sim/cron'
import { isKnownZone, zoneOffsetAt } from '../../../src/engine/sim/zones'
import { daysFromCivil } from '../../../src/engine/sim/time'

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => daysFromCivil(y, mo, d) * 86400000 + h * 3600000 + mi * 60000 + s * 1000

function sched(spec: string): CronSchedule {
  const p = parseCron(spec)
  if (!p.ok) throw new Error(p.error)
  return p.schedule
}

/** The next `n` firing times after `from`. */
function runs(spec: string, from: number, n: number, zone = 'UTC'): number[] {
  const s = sched(spec)
  const out: number[] = []
  let t = from
  for (let i = 0; i < n; i++) {
    t = nextAfter(s, t, zone)!
    out.push(t)
  }
  return out
}

describe('cron parser (robfig/cron ParseStandard)', () => {
  it('parses numbers, *, steps, ranges, lists and names', () => {
    const s = sched('*/15 9-17/4 1,15 jan-mar MON-fri')
    expect(s).toMatchObject({ kind: 'spec', minute: [0, 15, 30, 45], hour: [9, 13, 17], dom: [1, 15], month: [1, 2, 3], dow: [1, 2, 3, 4, 5], domStar: false, dowStar: false })
    expect(sched('5/20 * * * *')).toMatchObject({ minute: [5, 25, 45] }) // N/step means N-max/step
    expect(sched('0 0 ? * *')).toMatchObject({ domStar: true })
    expect(sched('*/1 * * * *')).toMatchObject({ minute: Array.from({ length: 60 }, (_, i) => i) })
  })

  it('expands the macros', () => {
    expect(sched('@hourly')).toEqual(sched('0 * * * *'))
    expect(sched('@daily')).toEqual(sched('0 0 * * *'))
    expect(sched('@midnight')).toEqual(sched('0 0 * * *'))
    expect(sched('@weekly')).toEqual(sched('0 0 * * 0'))
    expect(sched('@monthly')).toEqual(sched('0 0 1 * *'))
    expect(sched('@yearly')).toEqual(sched('0 0 1 1 *'))
    expect(sched('@annually')).toEqual(sched('0 0 1 1 *'))
    // ParseStandard also takes @every (a constant delay, whole seconds).
    expect(sched('@every 1h30m')).toEqual({ kind: 'every', delayMs: 5400000 })
    expect(sched('@every 10ms')).toEqual({ kind: 'every', delayMs: 1000 })
  })

  it('reports robfig error texts for bad expressions', () => {
    const err = (s: string) => { const p = parseCron(s); return p.ok ? 'ok' : p.error }
    expect(err('')).toBe('empty spec string')
    expect(err('x')).toBe('expected exactly 5 fields, found 1: [x]')
    expect(err('* * * * * *')).toBe('expected exactly 5 fields, found 6: [* * * * * *]')
    expect(err('60 * * * *')).toBe('end of range (60) above maximum (59): 60')
    expect(err('* * 0 * *')).toBe('beginning of range (0) below minimum (1): 0')
    expect(err('5-1 * * * *')).toBe('beginning of range (5) beyond end of range (1): 5-1')
    expect(err('*/0 * * * *')).toBe('step of range should be a positive number: */0')
    expect(err('1-2-3 * * * *')).toBe('too many hyphens: 1-2-3')
    expect(err('*/2/3 * * * *')).toBe('too many slashes: */2/3')
    expect(err('a * * * *')).toBe('failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax')
    expect(err('* * * * 7')).toBe('end of range (7) above maximum (6): 7')
    expect(err('@fortnightly')).toBe('unrecognized descriptor: @fortnightly')
    expect(err('@every soon')).toBe('failed to parse duration @every soon: time: invalid duration "soon"')
  })

  it('parses Go durations', () => {
    expect(parseGoDuration('1h2m3s')).toBe(3723000)
    expect(parseGoDuration('1.5s')).toBe(1500)
    expect(parseGoDuration('0')).toBe(0)
    expect(parseGoDuration('5')).toBeUndefined()
    expect(parseGoDuration('')).toBeUndefined()
  })
})

describe('next schedule times', () => {
  it('walks minutes, hours, days and months on the calendar', () => {
    expect(runs('*/1 * * * *', at(2025, 3, 1, 9, 2, 0), 2)).toEqual([at(2025, 3, 1, 9, 3), at(2025, 3, 1, 9, 4)])
    expect(runs('*/1 * * * *', at(2025, 3, 1, 9, 2, 30), 1)).toEqual([at(2025, 3, 1, 9, 3)])
    expect(runs('30 6-16/4 * * *', at(2025, 3, 1, 11, 0), 3)).toEqual([at(2025, 3, 1, 14, 30), at(2025, 3, 2, 6, 30), at(2025, 3, 2, 10, 30)])
    expect(runs('@monthly', at(2024, 12, 15), 2)).toEqual([at(2025, 1, 1), at(2025, 2, 1)])
    expect(runs('0 0 29 2 *', at(2025, 3, 1), 1)).toEqual([at(2028, 2, 29)]) // next leap day
    expect(runs('@every 90s', at(2025, 3, 1, 0, 0, 10) + 250, 2)).toEqual([at(2025, 3, 1, 0, 1, 40), at(2025, 3, 1, 0, 3, 10)])
  })

  it('ORs day-of-month and day-of-week unless one is *', () => {
    // 2025-03-01 is a Saturday. "1st of the month or any Monday".
    expect(runs('0 0 1 * mon', at(2025, 3, 1, 1), 3)).toEqual([at(2025, 3, 3), at(2025, 3, 10), at(2025, 3, 17)])
    // With dom `*`: Mondays only.
    expect(runs('0 0 * * 1', at(2025, 2, 28), 1)).toEqual([at(2025, 3, 3)])
  })

  it('has no next time for impossible dates and honours fixed-offset zones', () => {
    expect(nextAfter(sched('0 0 31 2 *'), at(2025, 1, 1))).toBeUndefined()
    // 10:00 in Etc/GMT-2 (UTC+2) is 08:00 UTC.
    expect(zoneOffsetAt('Etc/GMT-2', 0)).toBe(7200000)
    expect(runs('0 10 * * *', at(2025, 3, 1, 0), 1, 'Etc/GMT-2')).toEqual([at(2025, 3, 1, 8)])
    expect(runs('0 10 * * *', at(2025, 3, 1, 0), 1, 'Asia/Kolkata')).toEqual([at(2025, 3, 1, 4, 30)])
    expect(zoneOffsetAt('Etc/UTC', 0)).toBe(0)
    expect(isKnownZone('Mars/Olympus')).toBe(false)
    expect(isKnownZone('Europe/Berlin')).toBe(true)
  })

  it('follows daylight saving time in DST zones', () => {
    // EU: 2025-03-30 01:00 UTC to 2025-10-26 01:00 UTC.
    expect(zoneOffsetAt('Europe/Berlin', at(2025, 3, 30, 0, 59))).toBe(3600000)
    expect(zoneOffsetAt('Europe/Berlin', at(2025, 3, 30, 1, 0))).toBe(7200000)
    expect(zoneOffsetAt('Europe/Berlin', at(2025, 10, 26, 1, 0))).toBe(3600000)
    expect(runs('0 9 * * *', at(2025, 3, 29, 12), 2, 'Europe/Berlin')).toEqual([at(2025, 3, 30, 7), at(2025, 3, 31, 7)])
    // US: 2025-03-09 02:00 EST to 2025-11-02 02:00 EDT.
    expect(zoneOffsetAt('America/New_York', at(2025, 3, 9, 6, 59))).toBe(-5 * 3600000)
    expect(zoneOffsetAt('America/New_York', at(2025, 3, 9, 7, 0))).toBe(-4 * 3600000)
    expect(zoneOffsetAt('America/New_York', at(2025, 11, 2, 6, 0))).toBe(-5 * 3600000)
    // 02:30 does not exist on 2025-03-09 in New York: that day is skipped.
    expect(runs('30 2 * * *', at(2025, 3, 8, 12), 2, 'America/New_York')).toEqual([at(2025, 3, 10, 6, 30), at(2025, 3, 11, 6, 30)])
    // Southern hemisphere: Sydney is on daylight time in January.
    expect(zoneOffsetAt('Australia/Sydney', at(2025, 1, 15))).toBe(11 * 3600000)
    expect(zoneOffsetAt('Australia/Sydney', at(2025, 7, 15))).toBe(10 * 3600000)
  })
})
