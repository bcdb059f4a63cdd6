// The usage model: idle + requests × CPU per request + the process's own CPU, capped at the
// limit (throttled above it); working set = idle + workers in flight. Then, end to end, the
// kubelet samples of busy-loop containers.
import { describe, expect, it } from 'vitest'
import { integrate, zeroCounters, WORKER_BYTES } from '../../../src/engine/metrics/usage'
import { peekUsage } from '../../../src/engine/metrics/kubelet-stats'
import type { Cluster } from '../../../src/engine'
import { settled, waitReady } from '../controlplane/hpa/helpers'

const MI = 1024 * 1024
const info = { idleCpuMilli: 2, cpuPerRequestMilli: 5, idleMemoryBytes: 10 * MI }

const run = (input: Parameters<typeof integrate>[2], dt = 10_000, from = zeroCounters()) => integrate(from, dt, input, zeroCounters())

describe('integrate', () => {
  it('idle and per-request CPU of a server, cumulative in nanocore-seconds', () => {
    // 10 s: idle 2m + 100 requests × 5 ms = 2m + 50m.
    const u = run({ info, serving: true, requests: 100, processCpuMs: 0 })
    expect(u.cpu).toBe(520_000_000)
    expect(u.rate).toBe(52)
    // 100 requests over 10 s × 5 ms each = 0.05 in flight → one page-rounded share of a worker.
    expect(u.mem).toBe(10 * MI + Math.ceil((0.05 * WORKER_BYTES) / 4096) * 4096)
  })

  it('a CPU limit caps the usage; the excess is throttled, not carried over', () => {
    const u = run({ info, serving: true, requests: 1000, processCpuMs: 0, limitMilli: 100 })
    expect(u.rate).toBe(100)
    expect(u.demand).toBe(502)
    expect(u.throttled).toBe((502 - 100) * 10 * 1e6)
    expect(run({ info, serving: true, requests: 0, processCpuMs: 0, limitMilli: 100 }, 10_000, u).rate).toBe(2)
  })

  it("a shell's command CPU counts once; no idle CPU when it is not the image's server", () => {
    const u = run({ info, serving: false, requests: 0, processCpuMs: 5000 })
    expect(u.rate).toBe(500)
    expect(run({ info, serving: false, requests: 0, processCpuMs: 5000 }, 10_000, u).rate).toBe(0)
  })
})

function shellPod(c: Cluster, name: string, script: string, limit?: string): void {
  const r = c.api.create({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', script], ...(limit ? { resources: { limits: { cpu: limit } } } : {}) }] },
  } as never)
  if (!r.ok) throw new Error(r.status.message)
}

function sampleRate(c: Cluster, pod: string): number | undefined {
  for (const s of Object.values(peekUsage(c)?.nodes ?? {})) {
    const i = s.pods.indexOf(`default/${pod}`)
    if (i >= 0) return s.rates[i]
  }
  return undefined
}

describe('busy containers, sampled by the kubelets', () => {
  it('`while true; do :; done` keeps a core busy; a 250m limit throttles it; yes and dd do too; sleep does not', () => {
    const c = settled()
    shellPod(c, 'loop', 'while true; do :; done')
    shellPod(c, 'capped', 'while true; do :; done', '250m')
    shellPod(c, 'yes', 'yes > /dev/null')
    shellPod(c, 'dd', 'dd if=/dev/zero of=/dev/null')
    shellPod(c, 'idle', 'sleep 3600')
    for (const p of ['loop', 'capped', 'yes', 'dd', 'idle']) waitReady(c, p, 1)
    c.advance(30_000)
    expect(sampleRate(c, 'loop')).toBeCloseTo(1000, -1)
    expect(sampleRate(c, 'capped')).toBe(250)
    expect(sampleRate(c, 'yes')).toBe(1000)
    expect(sampleRate(c, 'dd')).toBe(1000)
    expect(sampleRate(c, 'idle')).toBe(0)
  }, 30_000)
})
