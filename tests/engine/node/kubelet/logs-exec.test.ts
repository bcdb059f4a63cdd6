import { describe, expect, it } from 'vitest'
import { cluster, pod, get, row, events } from './helpers'
import { readContainerLog } from '../../../../src/engine/node/kubelet/logs'
import { startExec, execStatus } from '../../../../src/engine/node/kubelet/exec'

describe('container logs', () => {
  it('returns current and previous logs and the API errors', () => {
    const c = cluster()
    pod(c, 'p', {
      initContainers: [{ name: 'init', image: 'busybox:1.28', command: ['sh', '-c', 'echo one; echo two; echo three; sleep 5'] }],
      containers: [{ name: 'a', image: 'busybox:1.28', command: ['sh', '-c', 'echo hi; sleep 3600'] }, { name: 'b', image: 'nginx:1.7.9' }],
    })
    c.advance(2000)
    const w = readContainerLog(c, 'default', 'p', 'a', {})
    expect(w.ok).toBe(false)
    if (!w.ok) expect(w.status.message).toBe('container "a" in pod "p" is waiting to start: PodInitializing')
    expect(readContainerLog(c, 'default', 'p', 'init', { tailLines: 2 })).toEqual({ ok: true, value: 'two\nthree\n' })
    c.advance(20_000)
    expect(readContainerLog(c, 'default', 'p', 'a', {})).toEqual({ ok: true, value: 'hi\n' })
    const none = readContainerLog(c, 'default', 'p', undefined, {})
    if (!none.ok) expect(none.status.message).toBe('a container name must be specified for pod p, choose one of: [a b] or one of the init containers: [init]')
    else throw new Error('expected an error')
    const bad = readContainerLog(c, 'default', 'p', 'zz', {})
    if (!bad.ok) expect(bad.status.message).toBe('container zz is not valid for pod p')
    else throw new Error('expected an error')
    const prev = readContainerLog(c, 'default', 'p', 'a', { previous: true })
    if (!prev.ok) expect(prev.status.message).toBe('previous terminated container "a" in pod "p" not found')
    else throw new Error('expected an error')
    c.act({ type: 'container.crash', namespace: 'default', pod: 'p', container: 'a' })
    c.advance(5000)
    expect(readContainerLog(c, 'default', 'p', 'a', { previous: true })).toEqual({ ok: true, value: 'hi\n' })
    expect(readContainerLog(c, 'default', 'nope', 'a', {}).ok).toBe(false)
  })
})

describe('exec', () => {
  it('runs a command, reports a missing executable with 126, refuses a stopped container', () => {
    const c = cluster()
    pod(c, 'p', { containers: [{ name: 'a', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 3600'] }] })
    const early = startExec(c, { namespace: 'default', pod: 'p', argv: ['sh', '-c', 'echo x'] })
    expect(early.ok).toBe(false)
    if (!early.ok) expect(early.status.message).toBe('unable to upgrade connection: container not found ("a")')
    c.advance(5000)
    const ok1 = startExec(c, { namespace: 'default', pod: 'p', argv: ['sh', '-c', 'echo hello; sleep 2; exit 3'] })
    if (!ok1.ok) throw new Error(ok1.status.message)
    expect(execStatus(c, ok1.value.id)).toMatchObject({ done: false, stdout: 'hello\n' })
    c.advance(2500)
    expect(execStatus(c, ok1.value.id)).toMatchObject({ done: true, exitCode: 3 })
    const nf = startExec(c, { namespace: 'default', pod: 'p', argv: ['curl', 'localhost:8080'] })
    if (!nf.ok) throw new Error(nf.status.message)
    const st = execStatus(c, nf.value.id)
    expect(st.exitCode).toBe(126)
    expect(st.stdout).toContain('exec: "curl": executable file not found in $PATH: unknown')
    const bad = startExec(c, { namespace: 'default', pod: 'p', container: 'zz', argv: ['ls'] })
    expect(bad.ok).toBe(false)
  })
})

describe('ephemeral containers', () => {
  it('starts an ephemeral container without touching READY/RESTARTS', () => {
    const c = cluster()
    pod(c, 'p', { containers: [{ name: 'app', image: 'nginx:1.7.9' }] })
    c.advance(10_000)
    expect(row(c, 'p')).toBe('1/1 Running 0')
    const cur = get(c, 'p')!
    const upd = structuredClone(cur)
    upd.spec.ephemeralContainers = [{ name: 'debugger-abcde', image: 'busybox:1.28', targetContainerName: 'app', stdin: true, tty: true, command: ['sh', '-c', 'sleep 3'] }]
    expect(c.api.update(upd, { subresource: 'ephemeralcontainers' }).ok).toBe(true)
    c.advance(2000)
    const es = get(c, 'p')!.status.ephemeralContainerStatuses[0]
    expect(es.name).toBe('debugger-abcde')
    expect(es.state.running).toBeDefined()
    expect(row(c, 'p')).toBe('1/1 Running 0')
    expect(events(c, 'p')).toContain('Started Started container debugger-abcde')
    c.advance(10_000)
    const done = get(c, 'p')!.status.ephemeralContainerStatuses[0]
    expect(done.state.terminated.exitCode).toBe(0)
    expect(done.restartCount).toBe(0)
    expect(row(c, 'p')).toBe('1/1 Running 0')
    expect(get(c, 'p')!.status.phase).toBe('Running')
  })
})
