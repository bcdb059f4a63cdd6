import { describe, expect, it } from 'vitest'
import { cluster, cond, create, cronJob, eventsOf, jobPods, k } from '../job/helpers'
import { jobFromTemplate } from '../../../../src/engine/controlplane/cronjob/sync'
import { jobNameFor, mostRecentScheduleTime } from '../../../../src/engine/controlplane/cronjob/schedule'
import { parseCron } from '../../../../src/engine/sim/cron'
import { parseRfc3339, unixMs } from '../../../../src/engine/sim/time'
import type { KObject } from '../../../../src/engine/api/types'

const tickJobs = (c: Awaited<ReturnType<typeof cluster>>, prefix: string) => c.api.list('jobs', { namespace: 'default' }).filter((j) => j.metadata.name.startsWith(`${prefix}-`))
/** Sim ms until the next whole minute + `extra` ms. */
const toNextMinute = (now: number, extra = 0) => 60000 - (unixMs(now) % 60000) + extra

describe('cronjob naming (case 30)', () => {
  it('names the job <cronjob>-<scheduledTime unix minutes> and stamps the scheduled time', () => {
    const cj = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'pi', namespace: 'default', uid: 'u1' }, spec: { jobTemplate: { metadata: { labels: { a: 'b' } }, spec: { template: {} } } } } as unknown as KObject
    const t = parseRfc3339('2024-05-01T10:00:00Z')
    expect(t).toBe(1714557600000)
    expect(jobNameFor(cj, t)).toBe('pi-28575960')
    const j = jobFromTemplate(cj, t)
    expect(j.metadata).toMatchObject({
      name: 'pi-28575960',
      labels: { a: 'b' },
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2024-05-01T10:00:00Z' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'pi', uid: 'u1', controller: true, blockOwnerDeletion: true }],
    })
    expect(jobFromTemplate(cj, t, 'America/New_York').metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2024-05-01T06:00:00-04:00' })
  })

  it('counts missed start times like mostRecentScheduleTime', () => {
    const s = parseCron('*/1 * * * *')
    if (!s.ok) throw new Error(s.error)
    const cj = { metadata: { creationTimestamp: '2025-03-01T09:00:00Z' }, spec: {} } as unknown as KObject
    const now = parseRfc3339('2025-03-01T12:00:30Z')
    expect(mostRecentScheduleTime(cj, now, s.schedule, 'UTC')).toEqual({ time: parseRfc3339('2025-03-01T12:00:00Z'), missed: 180 })
    const withDeadline = { ...cj, spec: { startingDeadlineSeconds: 200 } } as unknown as KObject
    expect(mostRecentScheduleTime(withDeadline, now, s.schedule, 'UTC')).toEqual({ time: parseRfc3339('2025-03-01T12:00:00Z'), missed: 3 })
    expect(mostRecentScheduleTime(cj, parseRfc3339('2025-03-01T09:00:59Z'), s.schedule, 'UTC')).toEqual({ missed: 0 })
  })
})

describe('cronjob-controller', () => {
  it('creates a job at each scheduled minute, pod <job>-xxxxx, events and lastScheduleTime', async () => {
    const c = await cluster()
    const cj = create(c, cronJob('pi', '*/1 * * * *', 'echo tick'))
    c.advance(toNextMinute(c.now, 1000))
    const jobs = tickJobs(c, 'pi')
    expect(jobs).toHaveLength(1)
    const j = jobs[0]
    const minute = Math.floor(unixMs(c.now) / 60000)
    expect(j.metadata.name).toBe(`pi-${minute}`)
    expect(j.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'pi', uid: cj.metadata.uid, controller: true })
    expect(j.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toMatch(/:00Z$/)
    expect(jobPods(c, j.metadata.name)[0].metadata.name).toMatch(new RegExp(`^pi-${minute}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))
    c.advance(20_000)
    const st = c.api.get('cronjobs', 'default', 'pi')!.status
    expect(parseRfc3339(st.lastScheduleTime)).toBe(minute * 60000)
    expect(st.lastSuccessfulTime).toBeDefined()
    expect(st.active).toBeUndefined()
    expect(eventsOf(c, 'CronJob', 'pi').map((e) => `${e.reason} ${e.message}`)).toEqual([`SuccessfulCreate Created job pi-${minute}`, `SawCompletedJob Saw completed job: pi-${minute}, status: Complete`])
    const row = (await k(c, 'kubectl get cronjob pi')).out.split('\n')[1].replace(/\s+/g, ' ')
    expect(row).toMatch(/^pi \*\/1 \* \* \* \* <none> False 0 \d+s \d+s$/)
  })

  it('schedules in spec.timeZone and stamps the scheduled time in that zone', async () => {
    const c = await cluster()
    create(c, cronJob('berlin', '5 10 * * *', 'true', { timeZone: 'Europe/Berlin' }))
    const target = parseRfc3339('2025-03-01T09:05:00Z') // 10:05 CET
    c.advance(target - unixMs(c.now) - 1000)
    expect(tickJobs(c, 'berlin')).toHaveLength(0)
    c.advance(2000)
    const [j] = tickJobs(c, 'berlin')
    expect(j.metadata.name).toBe(`berlin-${target / 60000}`)
    expect(j.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-03-01T10:05:00+01:00')
    expect((await k(c, 'kubectl get cronjob berlin')).out.split('\n')[1].replace(/\s+/g, ' ')).toMatch(/^berlin 5 10 \* \* \* Europe\/Berlin False [01] /)
  })

  it('keeps 3 successful and 1 failed finished jobs (history limits)', async () => {
    const c = await cluster()
    create(c, cronJob('ok', '*/1 * * * *', 'true'))
    create(c, cronJob('bad', '*/1 * * * *', 'exit 1', {}, { backoffLimit: 0 }))
    c.advance(toNextMinute(c.now, 6 * 60000 + 30_000))
    expect(tickJobs(c, 'ok')).toHaveLength(3)
    expect(tickJobs(c, 'ok').every((j) => cond(j, 'Complete')?.status === 'True')).toBe(true)
    const bad = tickJobs(c, 'bad')
    expect(bad).toHaveLength(1)
    expect(cond(bad[0], 'Failed')?.reason).toBe('BackoffLimitExceeded')
    const dels = eventsOf(c, 'CronJob', 'ok').filter((e) => e.reason === 'SuccessfulDelete')
    expect(dels).toHaveLength(4)
    expect(dels[0].message).toMatch(/^Deleted job ok-\d+$/)
  })

  it('Forbid skips a schedule while a job runs; Replace deletes the running job', async () => {
    const c = await cluster()
    create(c, cronJob('solo', '*/1 * * * *', 'sleep 150', { concurrencyPolicy: 'Forbid' }))
    create(c, cronJob('swap', '*/1 * * * *', 'sleep 150', { concurrencyPolicy: 'Replace' }))
    c.advance(toNextMinute(c.now, 1000))
    const firstSolo = tickJobs(c, 'solo').map((j) => j.metadata.name)
    const firstSwap = tickJobs(c, 'swap').map((j) => j.metadata.name)
    c.advance(60_000)
    expect(tickJobs(c, 'solo').map((j) => j.metadata.name)).toEqual(firstSolo)
    expect(eventsOf(c, 'CronJob', 'solo').some((e) => e.reason === 'JobAlreadyActive' && e.message === 'Not starting job because prior execution is running and concurrency policy is Forbid')).toBe(true)
    const swap = tickJobs(c, 'swap').filter((j) => !j.metadata.deletionTimestamp)
    expect(swap).toHaveLength(1)
    expect(swap[0].metadata.name).not.toBe(firstSwap[0])
    expect(eventsOf(c, 'CronJob', 'swap').some((e) => e.reason === 'SuccessfulDelete' && e.message === `Deleted job ${firstSwap[0]}`)).toBe(true)
    expect(c.api.get('cronjobs', 'default', 'swap')!.status.active.map((a: { name: string }) => a.name)).toEqual([swap[0].metadata.name])
  })

  it('a suspended cronjob creates nothing; resuming runs the missed schedule', async () => {
    const c = await cluster()
    create(c, cronJob('nap', '*/1 * * * *', 'true', { suspend: true }))
    c.advance(toNextMinute(c.now, 2 * 60000 + 5000))
    expect(tickJobs(c, 'nap')).toHaveLength(0)
    c.api.mutate('cronjobs', 'default', 'nap', (o) => { o.spec.suspend = false })
    c.advance(1000)
    // No startingDeadlineSeconds: the most recent missed start time runs at once.
    expect(tickJobs(c, 'nap')).toHaveLength(1)
  })

  it('startingDeadlineSeconds: a schedule missed by more than the deadline is not run', async () => {
    const c = await cluster()
    create(c, cronJob('late', '*/1 * * * *', 'true', { suspend: true, startingDeadlineSeconds: 10 }))
    c.advance(toNextMinute(c.now, 30_000))
    c.api.mutate('cronjobs', 'default', 'late', (o) => { o.spec.suspend = false })
    c.advance(1000)
    expect(tickJobs(c, 'late')).toHaveLength(0)
    c.advance(toNextMinute(c.now, 500))
    expect(tickJobs(c, 'late')).toHaveLength(1)
  })

  it('kubectl create job --from=cronjob makes a manual job owned by the cronjob', async () => {
    const c = await cluster()
    const cj = create(c, cronJob('tick', '0 0 1 1 *', 'echo manual'))
    const r = await k(c, 'kubectl create job manual --from=cronjob/tick')
    expect(r.out).toBe('job.batch/manual created\n')
    const j = c.api.get('jobs', 'default', 'manual')!
    expect(j.metadata.annotations?.['cronjob.kubernetes.io/instantiate']).toBe('manual')
    expect(j.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', uid: cj.metadata.uid, controller: true })
    c.advance(20_000)
    expect(cond(c.api.get('jobs', 'default', 'manual'), 'Complete')?.status).toBe('True')
    expect((await k(c, 'kubectl logs job/manual')).out).toBe('manual\n')
  })

  it('rejects invalid schedules and time zones with the API error text; nothing is created', async () => {
    const c = await cluster()
    const bad = (schedule: string, extra: Record<string, unknown> = {}) => {
      const r = c.api.create(cronJob('x', schedule, 'true', extra))
      return r.ok ? 'created' : r.status.message
    }
    expect(bad('x')).toBe('The CronJob "x" is invalid: spec.schedule: Invalid value: "x": expected exactly 5 fields, found 1: [x]')
    expect(bad('61 * * * *')).toContain('spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61')
    expect(bad('@every')).toContain('unrecognized descriptor: @every')
    expect(bad('TZ=UTC */5 * * * *')).toContain('cannot use TZ or CRON_TZ in schedule, use timeZone field instead')
    expect(bad('*/5 * * * *', { timeZone: 'Mars/Olympus' })).toContain('spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus')
    expect(bad('*/5 * * * *', { timeZone: 'Local' })).toContain('timeZone must be an explicit time zone')
    expect(c.api.list('cronjobs', { namespace: 'default' })).toHaveLength(0)
    expect(bad('*/5 * * * *', { timeZone: 'Etc/UTC' })).toBe('created')
    const r = await k(c, 'kubectl get cronjob x')
    expect(r.out.split('\n')[1].replace(/\s+/g, ' ')).toMatch(/^x \*\/5 \* \* \* \* Etc\/UTC False 0 <none> /)
  })
})

