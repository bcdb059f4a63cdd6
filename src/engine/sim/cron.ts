// Cron schedules as the CronJob controller reads them: robfig/cron/v3 ParseStandard (5 fields,
// or a @descriptor) and Schedule.Next. Sources: github.com/robfig/cron/v3 parser.go (Parse,
// normalizeFields, getField, getRange, mustParseInt, parseDescriptor), spec.go (SpecSchedule.Next,
// dayMatches), constantdelay.go (Every). Times are unix ms; the search works on civil time from
// ./time (no Date).
import { civil, daysFromCivil } from './time'
import { isKnownZone, zoneOffsetAt } from './zones'

/** A 5-field schedule: the allowed values of each field as sorted lists. */
export interface CronSpec {
  kind: 'spec'
  minute: number[]
  hour: number[]
  dom: number[]
  month: number[]
  dow: number[]
  /** robfig's starBit: a field written `*` or `?` (without a step > 1). */
  domStar: boolean
  dowStar: boolean
}

/** `@every <duration>`: a constant delay, whole seconds (robfig ConstantDelaySchedule). */
export interface CronEvery { kind: 'every'; delayMs: number }

export type CronSchedule = CronSpec | CronEvery

export type CronParse = { ok: true; schedule: CronSchedule } | { ok: false; error: string }

interface Bounds { min: number; max: number; names?: Record<string, number> }

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }
const DOWS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DOWS },
]

/** parser.go parseDescriptor. */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
}

class CronError extends Error {}

/** Go strconv.Atoi as mustParseInt uses it (decimal, optional sign). */
function mustParseInt(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": invalid syntax`)
  const n = Number(expr)
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`)
  return n
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()]
  return named !== undefined ? named : mustParseInt(expr)
}

/** getRange: `*`, `?`, `n`, `a-b`, each with an optional `/step`. Returns values and the star flag. */
function getRange(expr: string, r: Bounds): { values: number[]; star: boolean } {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = rangeAndStep[0].split('-')
  const singleDigit = lowAndHigh.length === 1
  let start: number
  let end: number
  let star = false
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min
    end = r.max
    star = true
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names)
    if (lowAndHigh.length === 1) end = start
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names)
    else throw new CronError(`too many hyphens: ${expr}`)
  }
  let step = 1
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1])
    if (singleDigit) end = r.max // "N/step" means "N-max/step"
    if (step > 1) star = false
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`)
  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`)
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`)
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`)
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`)
  const values: number[] = []
  for (let v = start; v <= end; v += step) values.push(v)
  return { values, star }
}

/** getField: comma-separated ranges (empty items are skipped, as strings.FieldsFunc does). */
function getField(field: string, r: Bounds): { values: number[]; star: boolean } {
  const set: Record<number, true> = {}
  let star = false
  for (const part of field.split(',').filter(Boolean)) {
    const g = getRange(part, r)
    for (const v of g.values) set[v] = true
    star = star || g.star
  }
  return { values: Object.keys(set).map(Number).sort((a, b) => a - b), star }
}

const GO_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 }

/** time.ParseDuration (ms), or undefined when malformed. */
export function parseGoDuration(s: string): number | undefined {
  let rest = s
  let sign = 1
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1
    rest = rest.slice(1)
  }
  if (rest === '0') return 0
  if (!rest) return undefined
  let total = 0
  while (rest) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/.exec(rest)
    if (!m) return undefined
    total += Number(m[1]) * GO_UNITS[m[2]]
    rest = rest.slice(m[0].length)
  }
  return sign * total
}

/** cron.ParseStandard: the error text is what the API server puts in `spec.schedule: Invalid value`. */
export function parseCron(spec: string): CronParse {
  try {
    return { ok: true, schedule: parseOrThrow(spec) }
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: e.message }
    throw e
  }
}

function parseOrThrow(input: string): CronSchedule {
  let spec = input
  if (spec.length === 0) throw new CronError('empty spec string')
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ')
    const eq = spec.indexOf('=')
    const zone = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i)
    if (!isKnownZone(zone)) throw new CronError(`provided bad location ${zone}: unknown time zone ${zone}`)
    spec = i < 0 ? '' : spec.slice(i).trim()
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS[spec]) return parseFields(DESCRIPTORS[spec].split(' '))
    if (spec.startsWith('@every ')) {
      const d = spec.slice('@every '.length)
      const ms = parseGoDuration(d)
      if (ms === undefined) throw new CronError(`failed to parse duration ${spec}: time: invalid duration "${d}"`)
      // constantdelay.go Every: at least one second, whole seconds.
      return { kind: 'every', delayMs: ms < 1000 ? 1000 : ms - (ms % 1000) }
    }
    throw new CronError(`unrecognized descriptor: ${spec}`)
  }
  const fields = spec.split(/\s+/).filter(Boolean)
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`)
  return parseFields(fields)
}

function parseFields(fields: string[]): CronSpec {
  const [minute, hour, dom, month, dow] = fields.map((f, i) => getField(f, FIELDS[i]))
  return { kind: 'spec', minute: minute.values, hour: hour.values, dom: dom.values, month: month.values, dow: dow.values, domStar: dom.star, dowStar: dow.star }
}

const MINUTE = 60000
const DAY = 86400000

/** Unix instants showing wall-clock `local` in `zone`: none in a DST gap, two in an overlap. */
function instantsOf(local: number, zone: string): number[] {
  const out: number[] = []
  for (const probe of [local - DAY, local + DAY]) {
    const off = zoneOffsetAt(zone, probe) ?? 0
    const u = local - off
    if ((zoneOffsetAt(zone, u) ?? 0) === off && !out.includes(u)) out.push(u)
  }
  return out.sort((a, b) => a - b)
}

/** The first time after `afterUnixMs` the schedule fires in `zone` (wall clock), or undefined (none within 5 years). */
export function nextAfter(s: CronSchedule, afterUnixMs: number, zone = 'UTC'): number | undefined {
  if (s.kind === 'every') return afterUnixMs - (((afterUnixMs % 1000) + 1000) % 1000) + s.delayMs
  // Work in local wall-clock ms; the first candidate is the next whole minute.
  let t = Math.floor((afterUnixMs + (zoneOffsetAt(zone, afterUnixMs) ?? 0)) / MINUTE) * MINUTE + MINUTE
  const limit = civil(t).year + 5
  for (;;) {
    const ct = civil(t)
    if (ct.year > limit) return undefined
    if (!s.month.includes(ct.month)) {
      const [y, m] = ct.month === 12 ? [ct.year + 1, 1] : [ct.year, ct.month + 1]
      t = daysFromCivil(y, m, 1) * DAY
      continue
    }
    if (!dayMatches(s, ct.day, ct.weekday)) {
      t = (Math.floor(t / DAY) + 1) * DAY
      continue
    }
    if (!s.hour.includes(ct.hour)) {
      t = (Math.floor(t / 3600000) + 1) * 3600000
      continue
    }
    if (!s.minute.includes(ct.minute)) {
      t += MINUTE
      continue
    }
    // A wall time skipped by DST never fires; in a repeated hour the first instant wins.
    const u = instantsOf(t, zone).find((x) => x > afterUnixMs)
    if (u !== undefined) return u
    t += MINUTE
  }
}

/** spec.go dayMatches: with a `*` in either day field both must match, otherwise either. */
function dayMatches(s: CronSpec, dom: number, dow: number): boolean {
  const domMatch = s.dom.includes(dom)
  const dowMatch = s.dow.includes(dow)
  if (s.domStar || s.dowStar) return domMatch && dowMatch
  return domMatch || dowMatch
}
