// Job/CronJob test harness: the full settled cluster (real kubelets run the containers) and
// small builders. Events are read through the API like `kubectl get events`.
import type { Cluster } from '../../../../src/engine'
import type { KObject } from '../../../../src/engine/api/types'
import { simTimeOf } from '../../../../src/engine/sim/time'
import { cluster as settled } from '../../../kubectl/helpers'

export { k } from '../../../kubectl/helpers'

export async function cluster(): Promise<Cluster> {
  return settled()
}

export function job(name: string, command: string, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.28', command: ['sh', '-c', command] }], ...podSpec } } },
  } as unknown as KObject
}

export function cronJob(name: string, schedule: string, command: string, spec: Record<string, unknown> = {}, jobSpec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'batch/v1', kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: { schedule, ...spec, jobTemplate: { spec: { ...jobSpec, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'busybox:1.28', command: ['sh', '-c', command] }] } } } } },
  } as unknown as KObject
}

export function create(c: Cluster, obj: KObject): KObject {
  const r = c.api.create(obj)
  if (!r.ok) throw new Error(r.status.message)
  return r.value
}

export interface Ev { reason: string; message: string; type: string; at: number; object: string }

/** Events about one object (kind/name), oldest first. */
export function eventsOf(c: Cluster, kind: string, name: string): Ev[] {
  return c.api.list('events')
    .filter((e) => (e.involvedObject as { kind?: string } | undefined)?.kind === kind && (e.involvedObject as { name?: string } | undefined)?.name === name)
    .map((e) => ({ reason: e.reason as string, message: e.message as string, type: e.type as string, at: simTimeOf(e.firstTimestamp as string), object: name }))
    .sort((a, b) => a.at - b.at)
}

export function jobPods(c: Cluster, jobName: string): KObject[] {
  return c.api.list('pods', { namespace: 'default' }).filter((p) => p.metadata.labels?.['job-name'] === jobName)
}

export function cond(obj: KObject | undefined, type: string): { status: string; reason?: string; message?: string } | undefined {
  return (obj?.status?.conditions ?? []).find((x: { type: string }) => x.type === type)
}

/** Advance until `pred` holds (checking every second), at most `ms`. */
export function until(c: Cluster, pred: () => boolean, ms: number): boolean {
  for (let t = 0; t < ms; t += 1000) {
    if (pred()) return true
    c.advance(1000)
  }
  return pred()
}
