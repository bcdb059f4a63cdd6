// Endpoints controller (legacy v1 Endpoints): for each Service with a selector, ready pods in
// `addresses`, unready ones in `notReadyAddresses`, grouped by port set. Sources:
// k/k pkg/controller/endpoint/endpoints_controller.go (syncService, addEndpointSubset),
// pkg/api/v1/endpoints/util.go (RepackSubsets, SortSubsets).
import type { Cluster } from '../cluster'
import type { KObject, WatchEvent } from '../api/types'
import { registerComponents } from '../registry'
import { fromMap, matches } from '../api/selectors'
import { rfc3339 } from '../sim/time'
import { isPodReady } from './util/pods'
import { findPort, servicePorts, shouldPodBeInEndpoints } from './util/service-ports'
import { sortedKeys, splitKey } from './util/sync-keys'

export const ENDPOINT_CONTROLLER = 'endpoint-controller'

interface Address { ip: string; nodeName?: string; targetRef: { kind: string; namespace: string; name: string; uid: string }; hostname?: string }
interface Port { name?: string; port: number; protocol: string; appProtocol?: string }
interface Subset { addresses?: Address[]; notReadyAddresses?: Address[]; ports?: Port[] }

/** The subsets for a service over its selected pods. */
export function computeSubsets(svc: KObject, pods: KObject[]): Subset[] {
  const publishNotReady = !!svc.spec?.publishNotReadyAddresses
  const groups: Record<string, Subset> = {}
  const order: string[] = []
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue
    const addr: Address = { ip: pod.status.podIP, targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid } }
    if (pod.spec?.nodeName) addr.nodeName = pod.spec.nodeName
    if (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name) addr.hostname = pod.spec.hostname
    const ports: Port[] = []
    for (const sp of servicePorts(svc)) {
      const port = findPort(pod, sp)
      if (port === undefined) continue
      const p: Port = { port, protocol: sp.protocol ?? 'TCP' }
      if (sp.name) p.name = sp.name
      if (sp.appProtocol) p.appProtocol = sp.appProtocol
      ports.push(p)
    }
    if (ports.length === 0 && servicePorts(svc).length > 0) continue
    const sig = JSON.stringify(ports)
    if (!groups[sig]) { groups[sig] = { ports }; order.push(sig) }
    const g = groups[sig]
    if (publishNotReady || isPodReady(pod)) (g.addresses ??= []).push(addr)
    else (g.notReadyAddresses ??= []).push(addr)
  }
  const out: Subset[] = []
  for (const sig of order) {
    const g = groups[sig]
    const byIp = (a: Address, b: Address) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.targetRef.uid.localeCompare(b.targetRef.uid))
    const s: Subset = {}
    if (g.addresses) s.addresses = g.addresses.sort(byIp)
    if (g.notReadyAddresses) s.notReadyAddresses = g.notReadyAddresses.sort(byIp)
    if (g.ports?.length) s.ports = [...g.ports].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port)
    out.push(s)
  }
  return out
}

export function syncEndpoints(c: Cluster, key: string): void {
  const [ns, name] = splitKey(key)
  const api = c.client(ENDPOINT_CONTROLLER)
  const svc = api.get('services', ns, name)
  if (!svc) {
    const ep = api.get('endpoints', ns, name)
    if (ep && name !== 'kubernetes') api.delete('endpoints', ns, name)
    return
  }
  const selector = svc.spec?.selector as Record<string, string> | undefined
  if (!selector || Object.keys(selector).length === 0) return // selectorless: endpoints are the user's
  const sel = fromMap(selector)
  const pods = api.list('pods', { namespace: ns }).filter((p) => matches(sel, p.metadata.labels))
  const subsets = computeSubsets(svc, pods)
  // The headless label mirrors the Service (endpoints_controller.go syncService).
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) }
  if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
  else delete labels['service.kubernetes.io/headless']
  const existing = api.get('endpoints', ns, name)
  if (!existing) {
    api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(c.now) } }, subsets })
    return
  }
  if (JSON.stringify(existing.subsets ?? []) === JSON.stringify(subsets) && JSON.stringify(existing.metadata.labels ?? {}) === JSON.stringify(labels)) return
  api.mutate('endpoints', ns, name, (o) => {
    o.subsets = subsets
    o.metadata.labels = labels
    o.metadata.annotations = { ...(o.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(c.now) }
  })
}

/** Services of a namespace selecting a pod's labels (getPodServiceMemberships). */
export function servicesForPod(c: Cluster, actor: string, pod: KObject): string[] {
  const ns = pod.metadata.namespace ?? 'default'
  const out: string[] = []
  for (const svc of c.client(actor).list('services', { namespace: ns })) {
    const selector = svc.spec?.selector as Record<string, string> | undefined
    if (selector && Object.keys(selector).length && matches(fromMap(selector), pod.metadata.labels)) out.push(`${ns}/${svc.metadata.name}`)
  }
  return out
}

/**
 * Watch batch → service keys to sync: services themselves, and the services a changed pod
 * belongs to now or belonged to before (memberships remembered per actor, as the informer's
 * old object would tell).
 */
export function serviceKeysFor(c: Cluster, actor: string, events: WatchEvent[]): string[] {
  const members = c.slot<Record<string, string[]>>(`${actor}/members`, () => ({}))
  const keys: Record<string, true> = {}
  for (const e of events) {
    const ns = e.object.metadata.namespace ?? 'default'
    if (e.plural === 'services') { keys[`${ns}/${e.object.metadata.name}`] = true; continue }
    if (e.plural !== 'pods') continue
    const pk = `${ns}/${e.object.metadata.name}`
    for (const k of members[pk] ?? []) keys[k] = true
    if (e.type === 'DELETED') { delete members[pk]; continue }
    const now = servicesForPod(c, actor, e.object)
    for (const k of now) keys[k] = true
    if (now.length) members[pk] = now
    else delete members[pk]
  }
  return sortedKeys(keys)
}

function onWatch(c: Cluster, events: WatchEvent[]): void {
  for (const key of serviceKeysFor(c, ENDPOINT_CONTROLLER, events)) syncEndpoints(c, key)
}

registerComponents(() => [{ name: ENDPOINT_CONTROLLER, watches: ['services', 'pods'], onEvents: onWatch }])
