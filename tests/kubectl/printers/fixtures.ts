// Hand-built objects and a bare Cluster (no components, no bootstrap) for printer tests.
import { Cluster, initialState } from '../../../src/engine/cluster'
import { DEFAULT_CONFIG } from '../../../src/engine/state'
import { resourceForKind, keyOf } from '../../../src/engine/api/resources'
import { rfc3339 } from '../../../src/engine/sim/time'
import type { KObject } from '../../../src/engine/api/types'

/** RFC3339 timestamp `sec` seconds after the sim epoch. */
export const ts = (sec: number) => rfc3339(sec * 1000)

/** A cluster at sim time `nowSec` whose store holds exactly `objects`. */
export function fakeCluster(nowSec: number, objects: KObject[] = []): Cluster {
  const c = new Cluster(initialState(DEFAULT_CONFIG))
  c.state.now = nowSec * 1000
  let rv = 0
  for (const o of objects) {
    const info = resourceForKind(o.kind, o.apiVersion)!
    const bucket = (c.state.store.objects[info.plural] ??= {})
    o.metadata.resourceVersion ??= String(++rv)
    bucket[keyOf(info.namespaced ? o.metadata.namespace : undefined, o.metadata.name)] = o
  }
  return c
}

let uid = 0
export function obj(apiVersion: string, kind: string, name: string, createdSec: number, rest: Partial<KObject> & { namespace?: string | null; labels?: Record<string, string> } = {}): KObject {
  const { namespace, labels, ...fields } = rest
  const o: KObject = {
    apiVersion,
    kind,
    metadata: {
      name,
      ...(namespace === null ? {} : { namespace: namespace ?? 'default' }),
      uid: `uid-${++uid}`,
      resourceVersion: String(uid),
      creationTimestamp: ts(createdSec),
      ...(labels ? { labels } : {}),
    },
    ...fields,
  }
  return o
}

export const running = (startedSec: number) => ({ running: { startedAt: ts(startedSec) } })
export const waiting = (reason?: string) => ({ waiting: reason ? { reason } : {} })
export const terminated = (exitCode: number, reason: string | undefined, finishedSec: number) => ({
  terminated: { exitCode, ...(reason ? { reason } : {}), startedAt: ts(finishedSec - 1), finishedAt: ts(finishedSec) },
})

export function pod(name: string, createdSec: number, spec: any, status: any, extra: Partial<KObject> = {}): KObject {
  return obj('v1', 'Pod', name, createdSec, { spec, status, ...extra })
}
