import { describe, expect, test } from 'vitest'
import { containerArgv, hasExecutable, listeningPorts, resumeProcess, sigtermReaction, startProcess } from '../../../src/engine/node/process'
import { bareCluster, fakePod, image, recorder, runToEnd } from './shell/host'

describe('containerArgv', () => {
  const nginx = image('nginx:1.25')
  test('image defaults: ENTRYPOINT + CMD', () => {
    expect(containerArgv(nginx)).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'])
  })
  test('command replaces ENTRYPOINT and drops CMD; args replaces CMD', () => {
    expect(containerArgv(nginx, ['sh', '-c', 'echo hi'])).toEqual(['sh', '-c', 'echo hi'])
    expect(containerArgv(nginx, undefined, ['nginx', '-T'])).toEqual(['/docker-entrypoint.sh', 'nginx', '-T'])
    expect(containerArgv(nginx, ['sleep'], ['10'])).toEqual(['sleep', '10'])
  })
})

describe('hasExecutable', () => {
  test('by basename, shell builtins when sh exists', () => {
    const alpine = image('alpine')
    expect(hasExecutable(alpine, '/sbin/sysctl')).toBe(true)
    expect(hasExecutable(alpine, 'sh')).toBe(true)
    expect(hasExecutable(alpine, 'curl')).toBe(false)
    const tomcat = image('kubeguide/tomcat-app:v1')
    expect(hasExecutable(tomcat, 'curl')).toBe(false)
    expect(hasExecutable(tomcat, 'wget')).toBe(false)
    expect(hasExecutable(tomcat, 'catalina.sh')).toBe(true)
    expect(hasExecutable(image('nginx:1.7.9'), 'nginx')).toBe(true)
    expect(hasExecutable(image('registry.k8s.io/pause:3.9'), 'sh')).toBe(false)
    expect(hasExecutable(image('busybox'), '')).toBe(false)
  })
})

describe('default processes', () => {
  test('nginx 1.7.9 serves silently after its startup time', () => {
    const c = bareCluster()
    const r = recorder(c)
    const info = image('nginx:1.7.9')
    const s = startProcess(r.host, info, containerArgv(info))
    expect(s.step).toEqual({ kind: 'wait', until: c.now + info.startupMs })
    expect(listeningPorts(info, s.state)).toEqual([])
    c.runUntil((s.step as { until: number }).until)
    const s2 = resumeProcess(r.host, info, JSON.parse(JSON.stringify(s.state)))
    expect(s2.step).toEqual({ kind: 'serve' })
    expect(listeningPorts(info, s2.state)).toEqual([80])
    expect(r.text()).toBe('')
    expect(sigtermReaction(info, s2.state)).toEqual({ afterMs: 100, code: 0 })
  })

  test('redis prints its banner; tomcat ends with "Server startup in"', () => {
    const c = bareCluster()
    const r = recorder(c)
    const redis = image('redis:5.0')
    runToEnd(c, r, redis, containerArgv(redis))
    expect(r.text()).toContain('Redis version=5.0.14')
    expect(r.text()).toContain('* Ready to accept connections')
    const r2 = recorder(c)
    const tomcat = image('kubeguide/tomcat-app:v1')
    const res = runToEnd(c, r2, tomcat, containerArgv(tomcat))
    expect(res.step).toEqual({ kind: 'serve' })
    expect(r2.text().trimEnd().split('\n').pop()).toMatch(/Server startup in \d+ ms$/)
  })

  test('busybox default sh without a tty exits 0; with stdin it waits; PID-1 sh ignores SIGTERM', () => {
    const c = bareCluster()
    const info = image('busybox:1.28')
    expect(startProcess(recorder(c).host, info, containerArgv(info)).step).toEqual({ kind: 'exit', code: 0 })
    const tty = recorder(c, fakePod('dbg', 'default', { containers: [{ name: 'main', image: 'busybox', stdin: true, tty: true }] }))
    const s = startProcess(tty.host, info, ['sh'])
    expect(s.step).toEqual({ kind: 'serve' })
    expect(sigtermReaction(info, s.state)).toBeNull()
  })

  test('sleep 3600 waits an hour and ignores SIGTERM', () => {
    const c = bareCluster()
    const info = image('busybox:1.28')
    const s = startProcess(recorder(c).host, info, ['sleep', '3600'])
    expect(s.step).toEqual({ kind: 'wait', until: 3_600_000 })
    expect(sigtermReaction(info, s.state)).toBeNull()
    c.runUntil(3_600_000)
    expect(resumeProcess(recorder(c).host, info, s.state).step).toEqual({ kind: 'exit', code: 0 })
  })

  test('a script that execs the server ends up serving', () => {
    const c = bareCluster()
    const r = recorder(c)
    const info = image('nginx:1.25')
    const res = runToEnd(c, r, info, ['sh', '-c', 'echo starting; exec nginx -g "daemon off;"'])
    expect(res.step).toEqual({ kind: 'serve' })
    expect(listeningPorts(info, res.state)).toEqual([80])
    expect(r.text()).toMatch(/^starting\n/)
  })

  test('sh -c with $0 and positional args; sh FILE that does not exist', () => {
    const c = bareCluster()
    const r = recorder(c)
    runToEnd(c, r, image('busybox'), ['sh', '-c', 'echo "$0 $1 $#"', 'me', 'one'])
    expect(r.text()).toBe('me one 1\n')
    const r2 = recorder(c)
    expect(startProcess(r2.host, image('busybox'), ['sh', '/run.sh']).step).toEqual({ kind: 'exit', code: 2 })
    expect(r2.text()).toBe("sh: can't open '/run.sh': No such file or directory\n")
  })

  test('ephemeral busybox: wget localhost reaches the tomcat container of the same pod', async () => {
    const { demoCluster, addPod } = await import('../network/stub/fixture')
    const c = demoCluster()
    const pod = addPod(c, 'default', 'tomcat-demo', '10.244.1.30', 'kubeguide/tomcat-app:v1', { app: 'tomcat' }, { ports: [8080] })
    c.advance(10_000)
    const r = recorder(c, pod)
    runToEnd(c, r, image('busybox:1.28'), ['wget', '-qO-', 'localhost:8080'])
    expect(r.stdout()).toContain('Apache Tomcat')
  })
})

describe('unknown images', () => {
  test('the default process is a generic server; debugging tools are assumed absent', () => {
    const c = bareCluster()
    const info = image('example.org/team/app:v3')
    const res = runToEnd(c, recorder(c), info, containerArgv(info))
    expect(res.step).toEqual({ kind: 'serve' })
    expect(sigtermReaction(info, res.state)).toEqual(info.sigterm)
    expect(hasExecutable(info, '/app/server')).toBe(true)
    expect(hasExecutable(info, 'curl')).toBe(false)
  })

  test('a failing init command exits with its status and output', () => {
    const c = bareCluster()
    const r = recorder(c)
    const res = runToEnd(c, r, image('busybox:1.28'), ['sh', '-c', 'echo failing; exit 1'])
    expect(res.step).toEqual({ kind: 'exit', code: 1 })
    expect(r.text()).toBe('failing\n')
  })
})
