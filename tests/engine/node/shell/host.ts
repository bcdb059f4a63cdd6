// Test helpers: a bare cluster, a pod object and a ProcessHost that records output.
import { createCluster, type Cluster } from '../../../../src/engine/cluster'
import type { KObject } from '../../../../src/engine/api/types'
import type { ProcessHost, ProcessState, ProcessStep } from '../../../../src/engine/node/process-types'
import { lookupImage, type ImageInfo } from '../../../../src/engine/node/images/catalog'
import { resumeProcess, startProcess } from '../../../../src/engine/node/process'
import { setPodNetwork } from '../../../../src/engine/network/types'
import { stubNetwork } from '../../../../src/engine/network/stub/index'

setPodNetwork(stubNetwork)

export function bareCluster(namespaces: string[] = ['default']): Cluster {
  const c = createCluster({ settle: false })
  for (const ns of namespaces) {
    if (!c.api.get('namespaces', undefined, ns)) c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
  }
  return c
}

export function fakePod(name = 'demo', ns = 'default', extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: ns, uid: 'u-' + name, resourceVersion: '1', creationTimestamp: '2025-03-01T09:00:00Z' },
    spec: { nodeName: 'worker-1', containers: [{ name: 'main', image: 'busybox:1.28' }], ...extra },
    status: { podIP: '10.244.1.9', phase: 'Running' },
  }
}

export interface Recorder {
  host: ProcessHost
  out: string[]
  text(): string
  stdout(): string
  stderr(): string
}

export function recorder(c: Cluster, pod: KObject = fakePod(), privileged = false): Recorder {
  const out: string[] = []
  const chunks: { s: string; t: string }[] = []
  const host: ProcessHost = {
    c, pod, container: 'main', node: 'worker-1', env: { HOSTNAME: pod.metadata.name, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, privileged,
    write(stream, text) { out.push(text); chunks.push({ s: stream, t: text }) },
  }
  return {
    host, out,
    text: () => out.join(''),
    stdout: () => chunks.filter((x) => x.s === 'stdout').map((x) => x.t).join(''),
    stderr: () => chunks.filter((x) => x.s === 'stderr').map((x) => x.t).join(''),
  }
}

export function image(name: string): ImageInfo {
  const r = lookupImage(name)
  if (!r.ok) throw new Error(r.message)
  return r.info
}

/**
 * Runs a process to completion (or until `maxMs` of sim time), advancing the cluster clock to each
 * wait; with `roundTrip` the state goes through JSON between every resume.
 */
export function runToEnd(c: Cluster, rec: Recorder, info: ImageInfo, argv: string[], opts: { roundTrip?: boolean; maxMs?: number } = {}): { step: ProcessStep; state: ProcessState; waits: number } {
  const limit = c.now + (opts.maxMs ?? 3_600_000)
  let { state, step } = startProcess(rec.host, info, argv)
  let waits = 0
  while (step.kind === 'wait' && step.until <= limit) {
    waits++
    c.runUntil(step.until)
    if (opts.roundTrip) state = JSON.parse(JSON.stringify(state))
    ;({ state, step } = resumeProcess(rec.host, info, state))
  }
  return { step, state, waits }
}

export function sh(c: Cluster, rec: Recorder, script: string, img = 'busybox:1.28', opts: { roundTrip?: boolean; maxMs?: number } = {}) {
  return runToEnd(c, rec, image(img), ['sh', '-c', script], opts)
}
