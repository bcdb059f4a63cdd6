// E2 (DESIGN.md): 50 nodes, 2,000 pods, 20 HPAs, 200 req/s — one hour of virtual time.
// 20 Deployments of the HPA walkthrough's php-apache (100 replicas each, 20m CPU requested,
// HPA target 100%) share 200 req/s. Each request costs 200 ms of CPU, so 10 req/s over 100 pods
// keeps them at their target: every 15 s metrics-server scrapes 2,000 containers and each HPA
// evaluates its 100 pods, and the sizes hold. (With `shift`, halfway through the hour half the
// services get 15 req/s and the others 5, and the HPAs resize both halves: not the budgeted run.)
// The traffic is rate-based: a bench-local driver re-splits each service's rate over its ready
// pods whenever pods change, as the network's traffic module would (load.ts setFlow).
import { performance } from 'node:perf_hooks'
import { createCluster, type Cluster, type KObject } from '../src/engine'
import { setFlow } from '../src/engine/metrics/load'

export const E2_BUDGET_MS = 2000
const APPS = 20
const REPLICAS = 100
const TOTAL_RPS = 200
const HOUR = 3_600_000
const STEP = 15_000

function setup(): Cluster {
  const c = createCluster({ seed: 2, workers: 50, nodeCpu: '8', nodeMemory: '32Gi' })
  for (let i = 0; i < APPS; i++) {
    const labels = { app: `php-${i}` }
    const d = c.api.create({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `php-${i}`, namespace: 'default' },
      spec: { replicas: REPLICAS, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'php-apache', image: 'registry.k8s.io/hpa-example', resources: { requests: { cpu: '20m' } } }] } } },
    } as never)
    if (!d.ok) throw new Error(`E2: ${d.status.message}`)
    const h = c.api.create({
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: `php-${i}`, namespace: 'default' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `php-${i}` }, minReplicas: 20, maxReplicas: 200, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 100 } } }] },
    } as never)
    if (!h.ok) throw new Error(`E2: ${h.status.message}`)
  }
  return c
}

const isReady = (p: KObject) => !p.metadata.deletionTimestamp && (p.status?.conditions as { type: string; status: string }[] | undefined)?.some((x) => x.type === 'Ready' && x.status === 'True')

/** Splits each service's rate evenly over its ready pods (only when the pods changed). */
function driver(rpsOf: (app: number) => number) {
  let seenWrites = -1
  let seenRates = ''
  return (c: Cluster) => {
    const rates = Array.from({ length: APPS }, (_, i) => rpsOf(i)).join(',')
    if (c.writes('pods') === seenWrites && rates === seenRates) return
    seenWrites = c.writes('pods')
    seenRates = rates
    const ready: string[][] = Array.from({ length: APPS }, () => [])
    for (const p of Object.values(c.state.store.objects.pods ?? {})) {
      const app = p.metadata.labels?.app
      if (!app?.startsWith('php-') || !isReady(p)) continue
      ready[Number(app.slice(4))].push(`default/${p.metadata.name}`)
    }
    for (let i = 0; i < APPS; i++) {
      const pods = ready[i].sort()
      setFlow(c, `e2/php-${i}`, pods.map((pod) => ({ pod, container: 'php-apache', rps: rpsOf(i) / pods.length })))
    }
  }
}

function podCount(c: Cluster): number {
  return Object.values(c.state.store.objects.pods ?? {}).filter((p) => p.metadata.labels?.app?.startsWith('php-') && !p.metadata.deletionTimestamp).length
}

function readyCount(c: Cluster): number {
  return Object.values(c.state.store.objects.pods ?? {}).filter((p) => p.metadata.labels?.app?.startsWith('php-') && isReady(p)).length
}

/** Outside the measured hour: every pod starts (the images pull), then metrics and HPAs settle. */
function warmUp(c: Cluster, drive: (c: Cluster) => void): void {
  for (let t = 0; t < 30 * 60_000 && readyCount(c) < APPS * REPLICAS; t += STEP) {
    drive(c)
    c.advance(STEP)
  }
  for (let t = 0; t < 180_000; t += STEP) {
    drive(c)
    c.advance(STEP)
  }
}

function rescaleCount(c: Cluster): number {
  return c.api.list('events', { namespace: 'default', filter: (e) => e.reason === 'SuccessfulRescale' }).reduce((n, e) => n + ((e.count as number) ?? 1), 0)
}

export interface E2Result { ms: number; pods: [number, number]; rescales: number }

export function runE2(opts: { shift?: boolean; log?: (s: string) => void } = {}): E2Result {
  const c = setup()
  let shifted = false
  const drive = driver((i) => (TOTAL_RPS / APPS) * (shifted ? (i % 2 === 0 ? 1.5 : 0.5) : 1))
  warmUp(c, drive)
  const before = podCount(c)
  const events0 = rescaleCount(c)
  const t0 = performance.now()
  for (let t = 0; t < HOUR; t += STEP) {
    shifted = !!opts.shift && t >= HOUR / 2
    if (opts.log && t % 600_000 === 0) opts.log(`${t / 60_000} min: ${Math.round(performance.now() - t0)} ms, pod writes ${c.writes('pods')}, pods ${podCount(c)}`)
    drive(c)
    c.advance(STEP)
  }
  const ms = performance.now() - t0
  return { ms, pods: [before, podCount(c)], rescales: rescaleCount(c) - events0 }
}

/** Setup plus warm-up, for profiling the parts (not part of the benchmark). */
export function setupForMicro(): Cluster {
  const c = setup()
  warmUp(c, driver(() => TOTAL_RPS / APPS))
  return c
}
