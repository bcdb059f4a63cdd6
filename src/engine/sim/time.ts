// Calendar time. Virtual time `now` is integer milliseconds since the cluster's fixed start
// instant, so timestamps and cron schedules are reproducible. No Date object is used: the
// conversion to civil time is Howard Hinnant's days-from-civil algorithm.

/** 2025-03-01T09:00:00Z, the instant every simulated cluster boots. */
export const EPOCH_UNIX_MS = 1740819600000

export function unixMs(now: number): number {
  return EPOCH_UNIX_MS + now
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const y = yoe + era * 400
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [m <= 2 ? y + 1 : y, m, d]
}

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

export interface CivilTime { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number; ms: number }

export function civil(unix: number): CivilTime {
  const days = Math.floor(unix / 86400000)
  const msOfDay = unix - days * 86400000
  const [year, month, day] = civilFromDays(days)
  const weekday = ((days % 7) + 11) % 7 // 1970-01-01 was a Thursday (4)
  return {
    year, month, day, weekday,
    hour: Math.floor(msOfDay / 3600000),
    minute: Math.floor(msOfDay / 60000) % 60,
    second: Math.floor(msOfDay / 1000) % 60,
    ms: msOfDay % 1000,
  }
}

/** RFC3339 with one-second resolution, as metav1.Time serialises: 2025-03-01T09:00:05Z. */
export function rfc3339(now: number): string {
  const t = civil(unixMs(now))
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}Z`
}

/** RFC3339 with microseconds (metav1.MicroTime, used by leases and events' eventTime). */
export function rfc3339Micro(now: number): string {
  const t = civil(unixMs(now))
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.ms, 3)}000Z`
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** RFC1123Z as kubectl describe prints times: "Sat, 01 Mar 2025 09:00:05 +0000". */
export function rfc1123z(unix: number): string {
  const t = civil(unix)
  return `${DAYS[t.weekday]}, ${pad(t.day)} ${MONTHS[t.month - 1]} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} +0000`
}

/** Parsed timestamps: printers parse the same creationTimestamps over and over. */
const parsed: Record<string, number> = {}
let parsedSize = 0

/** Parses an RFC3339 timestamp (as written by rfc3339) back to unix ms; NaN if malformed. */
export function parseRfc3339(s: string): number {
  const hit = parsed[s]
  if (hit !== undefined) return hit
  const v = parseRfc3339Text(s)
  if (parsedSize < 100_000) { parsed[s] = v; parsedSize++ }
  return v
}

function parseRfc3339Text(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/.exec(s)
  if (!m) return NaN
  const days = daysFromCivil(+m[1], +m[2], +m[3])
  const frac = m[7] ? Math.floor(Number('0.' + m[7]) * 1000) : 0
  return days * 86400000 + (+m[4]) * 3600000 + (+m[5]) * 60000 + (+m[6]) * 1000 + frac
}

/** Sim-time ms of an RFC3339 timestamp (inverse of rfc3339). */
export function simTimeOf(ts: string): number {
  return parseRfc3339(ts) - EPOCH_UNIX_MS
}
