import { describe, expect, it } from 'vitest'
import { cluster, pod, row, get, events } from './helpers'

describe('kubelet pod lifecycle', () => {
  it('creates a pod: ContainerCreating, pull events, Running with an IP', () => {
    const c = cluster()
    pod(c, 'web', { containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] })
    c.advance(100)
    expect(row(c, 'web')).toBe('0/1 ContainerCreating 0')
    c.advance(10_000)
    expect(row(c, 'web')).toBe('1/1 Running 0')
    const p = get(c, 'web')!
    expect(p.status.podIP).toBe('10.244.1.2')
    expect(p.status.hostIP).toBe('192.168.56.11')
    expect(p.status.conditions.map((x: { type: string }) => x.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'])
    expect(p.status.containerStatuses[0].containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/)
    expect(p.status.containerStatuses[0].imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    const ev = events(c, 'web')
    expect(ev[0]).toBe('Pulling Pulling image "nginx:1.7.9"')
    expect(ev[1]).toMatch(/^Pulled Successfully pulled image "nginx:1\.7\.9" in [\d.]+s \([\d.]+s including waiting\)\. Image size: \d+ bytes\.$/)
    expect(ev.slice(2)).toEqual(['Created Created container nginx', 'Started Started container nginx'])
    // second pod: image cached, next IP
    pod(c, 'web2', { containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] })
    c.advance(3000)
    expect(events(c, 'web2')[0]).toBe('Pulled Container image "nginx:1.7.9" already present on machine')
    expect(get(c, 'web2')!.status.podIP).toBe('10.244.1.3')
  })

  it('runs init containers one at a time: Init:0/2 → Init:1/2 → Running', () => {
    const c = cluster()
    pod(c, 'init', {
      restartPolicy: 'Always',
      initContainers: [
        { name: 'a', image: 'busybox:1.28', command: ['sh', '-c', 'echo hello; sleep 10'] },
        { name: 'b', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 10'] },
      ],
      containers: [{ name: 'app', image: 'nginx:1.7.9' }],
    })
    c.advance(100)
    expect(row(c, 'init')).toBe('0/1 Init:0/2 0')
    c.advance(5000)
    expect(row(c, 'init')).toBe('0/1 Init:0/2 0')
    c.advance(10_000)
    expect(row(c, 'init')).toBe('0/1 Init:1/2 0')
    c.advance(9_000)
    expect(row(c, 'init')).toBe('1/1 Running 0')
  })

  it('init failure with restartPolicy Never → Failed, Init:Error, app never started', () => {
    const c = cluster()
    pod(c, 'bad', { restartPolicy: 'Never', initContainers: [{ name: 'i', image: 'busybox:1.28', command: ['sh', '-c', 'exit 1'] }], containers: [{ name: 'app', image: 'nginx:1.7.9' }] })
    c.advance(20_000)
    expect(get(c, 'bad')!.status.phase).toBe('Failed')
    expect(row(c, 'bad')).toBe('0/1 Init:Error 0')
    expect(get(c, 'bad')!.status.containerStatuses[0].state.waiting.reason).toBe('PodInitializing')
    c.advance(60_000)
    expect(get(c, 'bad')!.status.initContainerStatuses[0].restartCount).toBe(0)
  })

  it('crash loop: restarts after 0, 10, 20, 40 s with the upstream message', () => {
    const c = cluster()
    const p = pod(c, 'crash', { containers: [{ name: 'app', image: 'busybox:1.28', command: ['sh', '-c', 'exit 1'] }] })
    const starts: number[] = []
    let last = -1
    for (let t = 0; t < 200_000; t += 100) {
      c.advance(100)
      const cs = get(c, 'crash')!.status?.containerStatuses?.[0]
      const n = cs ? cs.restartCount : -1
      if (n !== last) { starts.push(c.now); last = n }
    }
    // exit → restart: 0 s (+1 s for PLEG to notice the exit), then the back-off 10, 20, 40, 80 s
    const gaps = starts.slice(2).map((t, i) => Math.round((t - starts[i + 1]) / 1000))
    expect(gaps.slice(0, 4)).toEqual([10, 20, 40, 80])
    c.advance(0)
    const cs = get(c, 'crash')!.status.containerStatuses[0]
    expect(['CrashLoopBackOff', undefined]).toContain(cs.state.waiting?.reason)
    expect(events(c, 'crash')).toContain(`BackOff Back-off restarting failed container app in pod crash_default(${p.metadata.uid})`)
  })

  it('shows back-off 40s after the 4th exit', () => {
    const c = cluster()
    const p = pod(c, 'crash', { containers: [{ name: 'app', image: 'busybox:1.28', command: ['sh', '-c', 'exit 1'] }] })
    for (let i = 0; i < 1000; i++) {
      c.advance(500)
      const cs = get(c, 'crash')!.status?.containerStatuses?.[0]
      if (cs?.restartCount === 3 && cs.state.waiting?.reason === 'CrashLoopBackOff') {
        expect(cs.state.waiting.message).toBe(`back-off 40s restarting failed container=app pod=crash_default(${p.metadata.uid})`)
        expect(cs.lastState.terminated.reason).toBe('Error')
        expect(row(c, 'crash')).toBe('0/1 CrashLoopBackOff 3')
        return
      }
    }
    throw new Error('never reached CrashLoopBackOff with 3 restarts')
  })

  it('restartPolicy Never: exit 0 → Completed/Succeeded, exit 2 → Error/Failed', () => {
    const c = cluster()
    pod(c, 'ok', { restartPolicy: 'Never', containers: [{ name: 'a', image: 'busybox:1.28', command: ['sh', '-c', 'exit 0'] }] })
    pod(c, 'ko', { restartPolicy: 'Never', containers: [{ name: 'a', image: 'busybox:1.28', command: ['sh', '-c', 'exit 2'] }] })
    c.advance(20_000)
    expect(row(c, 'ok')).toBe('0/1 Completed 0')
    expect(get(c, 'ok')!.status.phase).toBe('Succeeded')
    expect(row(c, 'ko')).toBe('0/1 Error 0')
    expect(get(c, 'ko')!.status.phase).toBe('Failed')
  })

  it('missing executable → StartError 128', () => {
    const c = cluster()
    pod(c, 'se', { restartPolicy: 'Never', containers: [{ name: 'a', image: 'busybox:1.28', command: ['nosuchbinary'] }] })
    c.advance(20_000)
    const t = get(c, 'se')!.status.containerStatuses[0].state.terminated
    expect(t.exitCode).toBe(128)
    expect(t.reason).toBe('StartError')
  })

  it('image typo: ErrImagePull then ImagePullBackOff with events', () => {
    const c = cluster()
    pod(c, 'typo', { containers: [{ name: 'nginx', image: 'nginx:1.255' }] })
    c.advance(1950)
    expect(row(c, 'typo')).toBe('0/1 ErrImagePull 0')
    c.advance(3000)
    expect(row(c, 'typo')).toBe('0/1 ImagePullBackOff 0')
    const ev = events(c, 'typo')
    expect(ev).toContain('Failed Error: ErrImagePull')
    expect(ev).toContain('BackOff Back-off pulling image "nginx:1.255"')
    expect(ev).toContain('Failed Error: ImagePullBackOff')
    expect(ev.some((e) => e.startsWith('Failed Failed to pull image "nginx:1.255": rpc error'))).toBe(true)
  })

  it('graceful deletion: SIGTERM ignored → Terminating 30 s, exit 137, pod gone, IP released', () => {
    const c = cluster()
    pod(c, 'stubborn', { containers: [{ name: 'app', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 3600'] }] })
    c.advance(5000)
    expect(row(c, 'stubborn')).toBe('1/1 Running 0')
    c.api.delete('pods', 'default', 'stubborn')
    c.advance(1000)
    expect(row(c, 'stubborn')).toBe('1/1 Terminating 0')
    expect(events(c, 'stubborn')).toContain('Killing Stopping container app')
    c.advance(28_000)
    expect(row(c, 'stubborn')).toBe('1/1 Terminating 0')
    let code: number | undefined
    const notify = c.notify.bind(c)
    c.notify = (type, plural, key, obj) => {
      if (plural === 'pods' && key === 'default/stubborn') code = obj.status?.containerStatuses?.[0]?.state?.terminated?.exitCode ?? code
      notify(type, plural, key, obj)
    }
    c.advance(3000)
    expect(get(c, 'stubborn')).toBeUndefined()
    expect(code).toBe(137)
    pod(c, 'next', { containers: [{ name: 'app', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 3600'] }] })
    c.advance(3000)
    expect(get(c, 'next')!.status.podIP).toBe('10.244.1.3') // host-local continues after the last IP
  })

  it('nginx honours SIGTERM: deleted quickly', () => {
    const c = cluster()
    pod(c, 'web', { containers: [{ name: 'nginx', image: 'nginx:1.7.9' }] })
    c.advance(10_000)
    c.api.delete('pods', 'default', 'web')
    c.advance(3000)
    expect(get(c, 'web')).toBeUndefined()
  })

  it('readiness probe gates READY; liveness failure kills and restarts', () => {
    const c = cluster()
    pod(c, 'probed', {
      containers: [
        { name: 'app', image: 'nginx:1.7.9', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 }, livenessProbe: { httpGet: { path: '/bad', port: 80 } } },
      ],
    })
    c.advance(5000)
    expect(row(c, 'probed')).toBe('0/1 Running 0')
    c.advance(5000)
    expect(row(c, 'probed')).toBe('1/1 Running 0')
    c.advance(60_000)
    const ev = events(c, 'probed')
    expect(ev).toContain('Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 503')
    expect(ev).toContain('Killing Container app failed liveness probe, will be restarted')
    expect(get(c, 'probed')!.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(1)
  })
})

describe('init container failure with restartPolicy Always', () => {
  it('shows Init:Error, restarts at once, then Init:CrashLoopBackOff; phase stays Pending', () => {
    const c = cluster()
    pod(c, 'ic', { initContainers: [{ name: 'i', image: 'busybox:1.28', command: ['sh', '-c', 'exit 1'] }], containers: [{ name: 'app', image: 'nginx:1.7.9' }] })
    const seen: string[] = []
    for (let i = 0; i < 300; i++) {
      c.advance(100)
      const r = row(c, 'ic')
      if (seen[seen.length - 1] !== r) seen.push(r)
    }
    expect(seen).toContain('0/1 Init:Error 0')
    expect(seen).toContain('0/1 Init:Error 1')
    expect(seen).toContain('0/1 Init:CrashLoopBackOff 1')
    expect(seen.indexOf('0/1 Init:Error 0')).toBeLessThan(seen.indexOf('0/1 Init:CrashLoopBackOff 1'))
    expect(get(c, 'ic')!.status.phase).toBe('Pending')
  })
})

describe('serialized image pulls', () => {
  it('a second pull on the same node waits for the first', () => {
    const c = cluster()
    pod(c, 'one', { containers: [{ name: 'a', image: 'nginx:1.7.9' }] })
    pod(c, 'two', { containers: [{ name: 'a', image: 'redis:5.0' }] })
    c.advance(30_000)
    const msg = events(c, 'two').find((e) => e.startsWith('Pulled'))!
    const m = /in ([\d.]+)(m?s) \(([\d.]+)(m?s) including waiting\)/.exec(msg)!
    const sec = (v: string, u: string) => Number(v) / (u === 'ms' ? 1000 : 1)
    expect(sec(m[3], m[4])).toBeGreaterThan(sec(m[1], m[2]) + 1)
  })
})
