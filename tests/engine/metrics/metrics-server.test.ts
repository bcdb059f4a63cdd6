// metrics-server: storage of the last two points (pkg/storage), the rate between them, the
// fresh-container shortcut, the first-scrape gap of a new pod, and the Metrics API's shapes and
// availability.
import { describe, expect, it } from 'vitest'
import { getNodeMetrics, getPodMetrics, listNodeMetrics, listPodMetrics, metricsApiAvailable } from '../../../src/engine'
import { storeSamples, type MetricsServerState } from '../../../src/engine/metrics/metrics-server'
import type { NodeSample } from '../../../src/engine/metrics/kubelet-stats'
import { resourceUsage } from '../../../src/engine/metrics/metrics-api'
import { parseGoDuration } from '../../../src/engine/metrics/quantity'
import { simTimeOf } from '../../../src/engine/sim/time'
import { load, readyPods, settled, workload } from '../controlplane/hpa/helpers'

const fresh = (): MetricsServerState => ({ resolutionMs: 15_000, nodes: { last: {}, prev: {}, pairs: {} } })

/** A node sample with one container `default/a` / `app` started at `start`. */
function sample(at: number, start: number, cpu: number, id = 'c1', nodeCpu = 0): NodeSample {
  return { at, boot: 0, cpu: nodeCpu, mem: 0, pods: ['default/a'], uids: ['u1'], names: ['app'], ids: [id], start: [start], cpus: [cpu], throttled: [0], mems: [4096], busy: [0], rates: [0], demands: [0], seen: [0] }
}

/** The container's [window, nanocores] after the last store. */
const pair = (s: MetricsServerState) => [s.nodes.pairs.n.window[0], s.nodes.pairs.n.nanocores[0]]

describe('storage', () => {
  it('a container needs two points; the rate is Δcpu over the window', () => {
    const s = fresh()
    storeSamples(s, { n: sample(5_000, 0, 1e9) }) // first seen 5 s after start: no shortcut
    expect(pair(s)).toEqual([0, 0])
    storeSamples(s, { n: sample(20_000, 0, 4e9) })
    expect(pair(s)).toEqual([15_000, 200_000_000])
  })

  it('a container 10–15 s old pairs with a zero point at its start (freshContainerMinMetricsResolution)', () => {
    const s = fresh()
    storeSamples(s, { n: sample(13_000, 1_000, 6e8) })
    expect(pair(s)).toEqual([12_000, 50_000_000])
  })

  it('a restarted container (started after the stored point) starts over; node points pair the same way', () => {
    const s = fresh()
    storeSamples(s, { n: sample(5_000, 0, 1e9, 'c1', 1e9) })
    storeSamples(s, { n: sample(20_000, 0, 2e9, 'c1', 2.5e9) })
    expect(pair(s)[0]).toBe(15_000)
    storeSamples(s, { n: sample(35_000, 30_000, 1e8, 'c2', 4e9) })
    expect(pair(s)).toEqual([0, 0])
    const n = (x: NodeSample) => ({ start: x.boot, at: x.at, cpu: x.cpu, mem: x.mem })
    expect(resourceUsage(n(s.nodes.last.n), n(s.nodes.prev.n))?.usage.cpu).toBe(100_000_000)
  })

  it('a decrease of cumulative CPU makes resourceUsage skip the container', () => {
    const s = fresh()
    storeSamples(s, { n: sample(5_000, 0, 2e9) })
    storeSamples(s, { n: sample(20_000, 0, 1e9) })
    expect(pair(s)[0]).toBe(-1)
  })
})

describe('Metrics API', () => {
  it('serves PodMetrics and NodeMetrics shaped as metrics.k8s.io/v1beta1', () => {
    const c = settled()
    workload(c, 'Deployment', 'web', 1)
    for (let i = 0; i < 30 && !readyPods(c, 'web').length; i++) c.advance(1000)
    load(c, 'web', 40)
    c.advance(60_000)
    const name = readyPods(c, 'web')[0].metadata.name
    const r = getPodMetrics(c, 'default', name)
    if (!r.ok) throw new Error(r.status.message)
    expect(r.value).toMatchObject({ kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name, namespace: 'default', labels: { app: 'web' } }, containers: [{ name: 'nginx', usage: { cpu: '40m' } }] })
    expect(r.value.window).toMatch(/^\d+s$/)
    expect((r.value.containers as { usage: { memory: string } }[])[0].usage.memory).toMatch(/^\d+Ki$/)
    const nodes = listNodeMetrics(c)
    expect(nodes.ok && nodes.value.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    expect(getNodeMetrics(c, 'worker-9')).toMatchObject({ ok: false, status: { code: 404, message: 'nodemetrics.metrics.k8s.io "worker-9" not found' } })
    expect(getPodMetrics(c, 'default', 'nope')).toMatchObject({ ok: false, status: { code: 404, message: 'podmetrics.metrics.k8s.io "default/nope" not found' } })
  }, 30_000)

  it('a new pod has no metric before metrics-server has two points of it (or one 10 s after its start)', () => {
    const c = settled()
    workload(c, 'Deployment', 'web', 1)
    let running: string | undefined
    for (let i = 0; i < 60000 && !running; i += 100) {
      c.advance(100)
      running = readyPods(c, 'web')[0]?.metadata.name
    }
    const started = c.now
    let seen: number | undefined
    for (let t = 0; t < 60_000 && seen === undefined; t += 500) {
      c.advance(500)
      if (getPodMetrics(c, 'default', running!).ok) seen = c.now - started
    }
    // A scrape 10 s after the start (the fresh-container shortcut) or two scrapes.
    expect(seen).toBeGreaterThanOrEqual(10_000)
    expect(seen).toBeLessThanOrEqual(40_000)
  }, 30_000)

  it('is unavailable while metrics-server is not running; a new process starts with empty storage', () => {
    const c = settled()
    expect(metricsApiAvailable(c)).toBe(true)
    expect(listPodMetrics(c, 'kube-system').ok).toBe(true)
    c.api.mutate('deployments', 'kube-system', 'metrics-server', (d) => { d.spec.replicas = 0 })
    c.advance(40_000)
    expect(metricsApiAvailable(c)).toBe(false)
    expect(listPodMetrics(c, undefined)).toMatchObject({ ok: false, status: { code: 503, message: 'the server is currently unable to handle the request (get pods.metrics.k8s.io)' } })
    c.api.mutate('deployments', 'kube-system', 'metrics-server', (d) => { d.spec.replicas = 1 })
    const restarted = c.now
    for (let i = 0; i < 60 && !metricsApiAvailable(c); i++) c.advance(1000)
    expect(metricsApiAvailable(c)).toBe(true)
    // Only points scraped by the new process: every window starts after it was started.
    const items = listPodMetrics(c, 'kube-system')
    if (!items.ok) throw new Error(items.status.message)
    expect(items.value.length).toBeGreaterThan(5)
    for (const m of items.value) expect(simTimeOf(m.timestamp as string) - parseGoDuration(m.window as string)).toBeGreaterThanOrEqual(restarted - 1000)
  }, 30_000)
})
