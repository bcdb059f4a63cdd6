// Event records with the EventCorrelator's aggregation: an identical event (same source,
// object, type, reason, message) bumps count and lastTimestamp instead of creating a new one
// (k8s.io/client-go/tools/record/events_cache.go).
import type { Cluster } from '../cluster'
import type { KObject } from './types'
import { rfc3339, rfc3339Micro } from '../sim/time'
import { randomHex } from '../sim/rng'
import { STORED } from './resources'

export interface EventSource {
  /** 'default-scheduler', 'kubelet', 'replicaset-controller', … */
  component: string
  host?: string
}

export function recordEvent(
  c: Cluster,
  source: EventSource,
  involved: KObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  fieldPath?: string,
): void {
  const ns = involved.metadata.namespace || 'default'
  const corr = [source.component, source.host ?? '', involved.kind, ns, involved.metadata.name, involved.metadata.uid, fieldPath ?? '', type, reason, message].join('|')
  const api = c.client(source.component === 'kubelet' && source.host ? `kubelet/${source.host}` : source.component)
  const existingKey = c.state.eventIndex[corr]
  if (existingKey) {
    const [evNs, evName] = existingKey.split('/')
    const r = api.mutate('events', evNs, evName, (ev) => {
      ev.count = ((ev.count as number) ?? 1) + 1
      ev.lastTimestamp = rfc3339(c.now)
    })
    if (r.ok) return
  }
  const name = `${involved.metadata.name}.${randomHex(c.state, 16)}`
  const r = api.create({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns },
    involvedObject: {
      kind: involved.kind,
      namespace: involved.metadata.namespace,
      name: involved.metadata.name,
      uid: involved.metadata.uid,
      apiVersion: involved.apiVersion,
      resourceVersion: involved.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    source: source.host ? { component: source.component, host: source.host } : { component: source.component },
    firstTimestamp: rfc3339(c.now),
    lastTimestamp: rfc3339(c.now),
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
    action: undefined,
  })
  if (r.ok) c.state.eventIndex[corr] = `${ns}/${name}`
  void rfc3339Micro
}

/** Events about one object, oldest first (what `kubectl describe` lists). */
export function eventsFor(c: Cluster, obj: KObject): KObject[] {
  const ns = obj.metadata.namespace || 'default'
  return c.api
    .list('events', { namespace: STORED[obj.kind.toLowerCase() + 's'] ? ns : undefined })
    .filter((e) => {
      const io = e.involvedObject as { uid?: string; name?: string; kind?: string }
      return io.uid === obj.metadata.uid || (io.kind === obj.kind && io.name === obj.metadata.name && !io.uid)
    })
    .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
}
