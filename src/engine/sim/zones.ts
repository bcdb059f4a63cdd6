// A small IANA time-zone table for CronJob spec.timeZone (the real controller uses Go's
// time.LoadLocation and the tzdata database). Covered: UTC aliases, Etc/GMT±N, common zones with
// a fixed offset, and common zones with the current EU, US, AU and NZ daylight-saving rules.
// Anything else is an "unknown time zone", as time.LoadLocation would say for a missing zone.
import { civil, daysFromCivil } from './time'

type DstRule = 'eu' | 'us' | 'au' | 'nz'

interface Zone {
  /** Standard offset east of UTC, minutes. */
  std: number
  dst?: DstRule
}

const UTC_ALIASES = ['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'GMT', 'Etc/GMT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'GMT0', 'GMT+0', 'GMT-0', 'Etc/Greenwich', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu', 'Greenwich']

const ZONES: Record<string, Zone> = {
  'Europe/London': { std: 0, dst: 'eu' }, 'Europe/Dublin': { std: 0, dst: 'eu' }, 'Europe/Lisbon': { std: 0, dst: 'eu' },
  'Europe/Berlin': { std: 60, dst: 'eu' }, 'Europe/Paris': { std: 60, dst: 'eu' }, 'Europe/Amsterdam': { std: 60, dst: 'eu' },
  'Europe/Madrid': { std: 60, dst: 'eu' }, 'Europe/Rome': { std: 60, dst: 'eu' }, 'Europe/Vienna': { std: 60, dst: 'eu' },
  'Europe/Zurich': { std: 60, dst: 'eu' }, 'Europe/Brussels': { std: 60, dst: 'eu' }, 'Europe/Stockholm': { std: 60, dst: 'eu' },
  'Europe/Oslo': { std: 60, dst: 'eu' }, 'Europe/Copenhagen': { std: 60, dst: 'eu' }, 'Europe/Warsaw': { std: 60, dst: 'eu' },
  'Europe/Prague': { std: 60, dst: 'eu' }, 'Europe/Budapest': { std: 60, dst: 'eu' }, 'CET': { std: 60, dst: 'eu' },
  'Europe/Athens': { std: 120, dst: 'eu' }, 'Europe/Helsinki': { std: 120, dst: 'eu' }, 'Europe/Kiev': { std: 120, dst: 'eu' },
  'Europe/Kyiv': { std: 120, dst: 'eu' }, 'Europe/Bucharest': { std: 120, dst: 'eu' }, 'EET': { std: 120, dst: 'eu' },
  'Europe/Istanbul': { std: 180 }, 'Europe/Moscow': { std: 180 },
  'America/New_York': { std: -300, dst: 'us' }, 'America/Toronto': { std: -300, dst: 'us' }, 'US/Eastern': { std: -300, dst: 'us' }, 'EST5EDT': { std: -300, dst: 'us' },
  'America/Chicago': { std: -360, dst: 'us' }, 'US/Central': { std: -360, dst: 'us' }, 'CST6CDT': { std: -360, dst: 'us' },
  'America/Denver': { std: -420, dst: 'us' }, 'US/Mountain': { std: -420, dst: 'us' }, 'MST7MDT': { std: -420, dst: 'us' },
  'America/Phoenix': { std: -420 }, 'MST': { std: -420 }, 'EST': { std: -300 }, 'HST': { std: -600 },
  'America/Los_Angeles': { std: -480, dst: 'us' }, 'America/Vancouver': { std: -480, dst: 'us' }, 'US/Pacific': { std: -480, dst: 'us' }, 'PST8PDT': { std: -480, dst: 'us' },
  'America/Anchorage': { std: -540, dst: 'us' }, 'Pacific/Honolulu': { std: -600 },
  'America/Sao_Paulo': { std: -180 }, 'America/Argentina/Buenos_Aires': { std: -180 }, 'America/Bogota': { std: -300 },
  'America/Lima': { std: -300 }, 'America/Mexico_City': { std: -360 },
  'Asia/Tokyo': { std: 540 }, 'Asia/Seoul': { std: 540 }, 'Asia/Shanghai': { std: 480 }, 'Asia/Hong_Kong': { std: 480 },
  'Asia/Singapore': { std: 480 }, 'Asia/Taipei': { std: 480 }, 'Asia/Manila': { std: 480 }, 'Asia/Kolkata': { std: 330 },
  'Asia/Calcutta': { std: 330 }, 'Asia/Kathmandu': { std: 345 }, 'Asia/Dubai': { std: 240 }, 'Asia/Karachi': { std: 300 },
  'Asia/Dhaka': { std: 360 }, 'Asia/Bangkok': { std: 420 }, 'Asia/Jakarta': { std: 420 }, 'Asia/Ho_Chi_Minh': { std: 420 },
  'Asia/Riyadh': { std: 180 }, 'Asia/Tehran': { std: 210 },
  'Africa/Johannesburg': { std: 120 }, 'Africa/Cairo': { std: 120 }, 'Africa/Lagos': { std: 60 }, 'Africa/Nairobi': { std: 180 },
  'Australia/Brisbane': { std: 600 }, 'Australia/Perth': { std: 480 }, 'Australia/Darwin': { std: 570 },
  'Australia/Sydney': { std: 600, dst: 'au' }, 'Australia/Melbourne': { std: 600, dst: 'au' }, 'Australia/Hobart': { std: 600, dst: 'au' },
  'Australia/Canberra': { std: 600, dst: 'au' }, 'Australia/Adelaide': { std: 570, dst: 'au' },
  'Pacific/Auckland': { std: 720, dst: 'nz' },
}

function zoneOf(name: string): Zone | undefined {
  if (UTC_ALIASES.includes(name)) return { std: 0 }
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(name)
  if (m) {
    const h = Number(m[2])
    // POSIX-style names: Etc/GMT+5 is five hours WEST of Greenwich.
    if ((m[1] === '+' && h <= 12) || (m[1] === '-' && h <= 14)) return { std: (m[1] === '+' ? -h : h) * 60 }
    return undefined
  }
  return Object.prototype.hasOwnProperty.call(ZONES, name) ? ZONES[name] : undefined
}

/** time.LoadLocation succeeds. */
export function isKnownZone(name: string): boolean {
  return zoneOf(name) !== undefined
}

const DAY = 86400000
const HOUR = 3600000

/** Day of month of the n-th (1-based; -1 = last) Sunday of a month. */
function sunday(y: number, m: number, n: number): number {
  if (n > 0) {
    const wd = (((daysFromCivil(y, m, 1) + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
    return 1 + ((7 - wd) % 7) + (n - 1) * 7
  }
  const last = daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1
  const wd = (((last + 4) % 7) + 7) % 7
  return last - wd - daysFromCivil(y, m, 1) + 1
}

/** Unix ms of a local wall time `h` o'clock on y-m-d in a zone `offMin` east. */
const at = (y: number, m: number, d: number, h: number, offMin: number) => daysFromCivil(y, m, d) * DAY + h * HOUR - offMin * 60000

function inDst(z: Zone, unix: number): boolean {
  const y = civil(unix).year
  switch (z.dst) {
    case 'eu': return unix >= at(y, 3, sunday(y, 3, -1), 1, 0) && unix < at(y, 10, sunday(y, 10, -1), 1, 0)
    case 'us': return unix >= at(y, 3, sunday(y, 3, 2), 2, z.std) && unix < at(y, 11, sunday(y, 11, 1), 2, z.std + 60)
    case 'au': return unix < at(y, 4, sunday(y, 4, 1), 3, z.std + 60) || unix >= at(y, 10, sunday(y, 10, 1), 2, z.std)
    case 'nz': return unix < at(y, 4, sunday(y, 4, 1), 3, z.std + 60) || unix >= at(y, 9, sunday(y, 9, -1), 2, z.std)
    default: return false
  }
}

/** The zone's offset east of UTC (ms) at a unix instant; undefined for an unknown zone. */
export function zoneOffsetAt(name: string, unix: number): number | undefined {
  const z = zoneOf(name)
  if (!z) return undefined
  return (z.std + (inDst(z, unix) ? 60 : 0)) * 60000
}
