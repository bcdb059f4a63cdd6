import { beforeAll, describe, expect, it } from 'vitest'
import type { Cluster } from '../../../src/engine'
import { cluster, k } from '../helpers'

const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: app
    image: nginx:1.7.9
  - name: side
    image: busybox:1.28
    command: ["sh", "-c", "echo one; echo two; echo three; sleep 3600"]
`
let c: Cluster
beforeAll(async () => {
  c = await cluster()
  await k(c, 'apply -f -', { stdin: TWO })
  c.advance(60_000)
}, 60_000)

describe('kubectl logs', () => {
  it('prints a container log, honours --tail', async () => {
    expect(await k(c, 'logs two -c side')).toEqual({ code: 0, out: 'one\ntwo\nthree\n', err: '' })
    expect((await k(c, 'logs two -c side --tail=1')).out).toBe('three\n')
    expect((await k(c, 'logs two side')).out).toBe('one\ntwo\nthree\n')
  })
  it('says which container it defaulted to when there are several', async () => {
    const r = await k(c, 'logs two')
    expect(r.err).toBe('Defaulted container "app" out of: app, side\n')
  })
  it('reports errors', async () => {
    const before = c.hash()
    expect((await k(c, 'logs nope')).err).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect((await k(c, 'logs')).err).toBe(`error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n`)
    expect((await k(c, 'logs two -c nope')).code).toBe(1)
    expect(c.hash()).toBe(before)
  })
  it('-f streams new lines until the stream limit', async () => {
    const s = await cluster()
    await k(s, 'run ticker --image=busybox:1.28 --command -- sh -c "while true; do echo tick; sleep 5; done"')
    s.advance(30_000)
    const before = (await k(s, 'logs ticker')).out.split('\n').length
    const r = await k(s, 'logs ticker -f', { streamLimitMs: 20_000 })
    expect(r.out.split('\n').length).toBeGreaterThan(before + 2)
  })
})

describe('kubectl exec', () => {
  it('prints output and exits 0', async () => {
    const r = await k(c, 'exec two -c side -- echo hello')
    expect(r).toEqual({ code: 0, out: 'hello\n', err: '' })
  })
  it('exits with the command\'s code and says so on stderr', async () => {
    const r = await k(c, 'exec two -c side -- sh -c "exit 3"')
    expect(r.code).toBe(3)
    expect(r.err).toBe('command terminated with exit code 3\n')
  })
  it('requires -- and a command', async () => {
    const before = c.hash()
    expect((await k(c, 'exec two ls')).err).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n")
    expect((await k(c, 'exec two')).err).toBe('error: you must specify at least one command for the container\n')
    expect((await k(c, 'exec')).err).toBe('error: pod, type/name or --filename must be specified\n')
    expect((await k(c, 'exec nope -- ls')).err).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect(c.hash()).toBe(before)
  })
})

describe('kubectl debug', () => {
  it('adds an ephemeral container, printing both notices on stdout', async () => {
    const d = await cluster()
    await k(d, 'apply -f -', { stdin: TWO })
    d.advance(60_000)
    const r = await k(d, 'debug two --image=busybox:1.28 --target=app')
    expect(r.code).toBe(0)
    const lines = r.out.trim().split('\n')
    expect(lines[0]).toMatch(/^Defaulting debug container name to debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\.$/)
    expect(lines[1]).toBe(`Targeting container "app". If you don't see processes from this container it may be because the container runtime doesn't support this feature.`)
    const ec = d.api.get('pods', 'default', 'two')!.spec.ephemeralContainers
    expect(ec).toHaveLength(1)
    expect(ec[0]).toMatchObject({ image: 'busybox:1.28', targetContainerName: 'app', terminationMessagePolicy: 'File' })
  })
  it('-it waits for the container and prints the attach hint', async () => {
    const d = await cluster()
    await k(d, 'apply -f -', { stdin: TWO })
    d.advance(60_000)
    const r = await k(d, 'debug two -it --image=busybox:1.28 -c dbg')
    expect(r.out).toBe('')
    expect(r.err).toBe("If you don't see a command prompt, try pressing enter.\n")
    const st = d.api.get('pods', 'default', 'two')!.status.ephemeralContainerStatuses
    expect(st[0].name).toBe('dbg')
  })
  it('rejects bad input', async () => {
    const before = c.hash()
    expect((await k(c, 'debug two')).err).toBe('error: --image is required for ephemeral containers\n')
    expect((await k(c, 'debug')).err).toBe("error: NAME is required for debug\nSee 'kubectl debug -h' for help and examples\n")
    expect((await k(c, 'debug nope --image=busybox')).err).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect(c.hash()).toBe(before)
  })
})

describe('kubectl exec -it in a script', () => {
  it('warns that there is no TTY and the shell reads EOF', async () => {
    const t0 = c.now
    const r = await k(c, 'exec -it two -c side -- sh')
    expect(r.err).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n')
    expect(r.code).toBe(0)
    expect(c.now - t0).toBeLessThan(10_000)
  })
})
