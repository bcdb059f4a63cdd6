import { describe, expect, it } from 'vitest'
import { runKubectl } from '../../../src/kubectl'
import type { Cluster } from '../../../src/engine'
import { cluster, makeIO } from '../helpers'

async function kv(c: Cluster, argv: string[]) {
  const io = makeIO(c)
  const code = await runKubectl(c, argv, io)
  return { code, out: io.stdout.join(''), err: io.stderr.join('') }
}

describe('kubectl create cronjob', () => {
  it('creates a batch/v1 CronJob whose jobs run the command', async () => {
    const c = await cluster()
    const r = await kv(c, ['create', 'cronjob', 'tick', '--image=busybox:1.28', '--schedule=*/1 * * * *', '--', 'echo', 'hi'])
    expect(r).toMatchObject({ code: 0, out: 'cronjob.batch/tick created\n' })
    const cj = c.api.get('cronjobs', 'default', 'tick')!
    expect(cj.spec.schedule).toBe('*/1 * * * *')
    expect(cj.spec.jobTemplate.spec.template.spec).toMatchObject({ restartPolicy: 'OnFailure', containers: [{ name: 'tick', image: 'busybox:1.28', command: ['echo', 'hi'] }] })
    c.advance(130_000)
    expect(c.api.list('jobs', { namespace: 'default' }).length).toBeGreaterThanOrEqual(2)
  })

  it('requires --image and --schedule and rejects a bad schedule, changing nothing', async () => {
    const c = await cluster()
    const before = c.hash()
    expect((await kv(c, ['create', 'cronjob', 'x', '--schedule=* * * * *'])).err).toBe('error: --image must be specified\n')
    expect((await kv(c, ['create', 'cronjob', 'x', '--image=busybox'])).err).toBe('error: --schedule must be specified\n')
    const bad = await kv(c, ['create', 'cronjob', 'x', '--image=busybox', '--schedule=61 * * * *'])
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('spec.schedule: Invalid value: "61 * * * *"')
    expect(c.hash()).toBe(before)
  })
})
