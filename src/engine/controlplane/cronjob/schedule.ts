// When a CronJob should run. Sources: k/k pkg/controller/cronjob/utils.go (mostRecentScheduleTime,
// nextScheduleTimeDuration, getJobName/getTimeHashInMinutes, getTimeZoneLocation),
// cronjob_controllerv2.go (nextScheduleDelta = 100ms). All times are unix ms.
import type { KObject } from '../../api/types'
import { parseRfc3339 } from '../../sim/time'
import { nextAfter, type CronSchedule } from '../../sim/cron'

/** The controller wakes this long after a scheduled minute (nextScheduleDelta). */
export const NEXT_SCHEDULE_DELTA_MS = 100

export interface MostRecent {
  /** The last scheduled time not after now that has not run yet, or undefined. */
  time?: number
  /** Missed start times since the last schedule (approximate for >2, as upstream). */
  missed: number
  /** Set when the schedule can never fire or fires twice within a second. */
  error?: string
}

/** The start of the window to look at: lastScheduleTime, or creation, clipped by startingDeadlineSeconds. */
function earliestTime(cj: KObject, nowUnix: number, includeStartingDeadline: boolean): number {
  let earliest = parseRfc3339(cj.status?.lastScheduleTime ?? cj.metadata.creationTimestamp)
  const sds = cj.spec?.startingDeadlineSeconds
  if (includeStartingDeadline && typeof sds === 'number') {
    const deadline = nowUnix - sds * 1000
    if (earliest < deadline) earliest = deadline
  }
  return earliest
}

/** mostRecentScheduleTime. */
export function mostRecentScheduleTime(cj: KObject, nowUnix: number, s: CronSchedule, zone: string, includeStartingDeadline = true): MostRecent {
  const earliest = earliestTime(cj, nowUnix, includeStartingDeadline)
  const t1 = nextAfter(s, earliest, zone)
  if (t1 === undefined || nowUnix < t1) return { missed: 0 }
  const t2 = nextAfter(s, t1, zone)
  if (t2 === undefined || nowUnix < t2) return { time: t1, missed: 1 }
  const between = Math.round((t2 - t1) / 1000)
  if (between < 1) return { missed: 0, error: 'time difference between two schedules is less than 1 second' }
  const elapsed = Math.floor((nowUnix - t1) / 1000)
  const missed = Math.floor(elapsed / between) + 1
  // Start a little before the estimate and let the schedule walk forward (irregular schedules).
  let t = nextAfter(s, t1 + (missed - 2) * between * 1000, zone)
  let recent = t1
  while (t !== undefined && t <= nowUnix) {
    recent = t
    t = nextAfter(s, t, zone)
  }
  return { time: recent, missed }
}

/** nextScheduleTimeDuration: ms until the controller should look again (past the next run). */
export function nextScheduleDelay(cj: KObject, nowUnix: number, s: CronSchedule, zone: string): number | undefined {
  const recent = mostRecentScheduleTime(cj, nowUnix, s, zone, false)
  const from = recent.time ?? earliestTime(cj, nowUnix, false)
  let next = nextAfter(s, from, zone)
  // The next run must lie in the future (the most recent one may already have happened).
  while (next !== undefined && next <= nowUnix) next = nextAfter(s, next, zone)
  if (next === undefined) return undefined
  return next - nowUnix + NEXT_SCHEDULE_DELTA_MS
}

/** getJobName: `<cronjob>-<scheduled unix minutes>` (getTimeHashInMinutes). */
export function jobNameFor(cj: KObject, scheduledUnix: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduledUnix / 60000)}`
}
