// Event records with the EventCorrelator's aggregation: an identical event (same source,
// object, type, reason, message) bumps count and lastTimestamp instead of creating a new one
// (k8s.io/client-go/tools/record/events_cache.go).
import type { Cluster } from '../cluster'
import type { KObject } from './types'
import { rfc3339, unixMs } from '../sim/time'
import { STORED } from './resources'

export interface EventSource {
  /** 'default-scheduler', 'kubelet', 'replicaset-controller', … */
  component: string
  host?: string
}

/** An event waiting in the recorder's buffer (plain data, part of the cluster state). */
export interface PendingEvent {
  source: EventSource
  involved: { kind: string; namespace?: string; name: string; uid: string; apiVersion: string; resourceVersion: string }
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  fieldPath?: string
  at: number
}

/**
 * Records an event. As client-go's EventBroadcaster does, recording only queues it; the
 * cluster writes queued events after the current step (flushEvents), so a component's hot
 * loop (the scheduler binding 2,000 pods) does not wait on Event writes.
 */
export function recordEvent(
  c: Cluster,
  source: EventSource,
  involved: KObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  fieldPath?: string,
): void {
  const m = involved.metadata
  c.state.eventBuffer.push({
    source,
    involved: { kind: involved.kind, namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: involved.apiVersion, resourceVersion: m.resourceVersion },
    type, reason, message, fieldPath, at: c.now,
  })
}

/** Writes the queued events through the API, aggregating repeats (EventCorrelator). */
export function flushEvents(c: Cluster): void {
  const buf = c.state.eventBuffer
  if (buf.length === 0) return
  c.state.eventBuffer = []
  for (const e of buf) writeEvent(c, e)
}

function writeEvent(c: Cluster, e: PendingEvent): void {
  const { source, involved, type, reason, message, fieldPath } = e
  const ns = involved.namespace || 'default'
  const corr = [source.component, source.host ?? '', involved.kind, ns, involved.name, involved.uid, fieldPath ?? '', type, reason, message].join('|')
  const api = c.client(source.component === 'kubelet' && source.host ? `kubelet/${source.host}` : source.component)
  const at = rfc3339(e.at)
  const existingKey = c.state.eventIndex[corr]
  if (existingKey) {
    const slash = existingKey.indexOf('/')
    const r = api.mutate('events', existingKey.slice(0, slash), existingKey.slice(slash + 1), (ev) => {
      ev.count = ((ev.count as number) ?? 1) + 1
      ev.lastTimestamp = at
    })
    if (r.ok) return
  }
  // record/event.go makeEvent: "<object>.<UnixNano in hex>", so names sort by time. The sub-ms
  // part is the store's revision counter, which keeps names unique and monotonic.
  const nanos = BigInt(unixMs(e.at)) * 1000000n + BigInt(c.state.store.resourceVersion % 1000000)
  const name = `${involved.name}.${nanos.toString(16)}`
  const r = api.create({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns },
    involvedObject: {
      kind: involved.kind,
      namespace: involved.namespace,
      name: involved.name,
      uid: involved.uid,
      apiVersion: involved.apiVersion,
      resourceVersion: involved.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    source: source.host ? { component: source.component, host: source.host } : { component: source.component },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  })
  if (r.ok) c.state.eventIndex[corr] = `${ns}/${name}`
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
