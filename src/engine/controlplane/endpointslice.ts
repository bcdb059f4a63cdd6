// EndpointSlice controller: one slice per port set (≤100 endpoints each) for every Service with
// a selector, named <svc>-xxxxx. Sources: k/k pkg/controller/endpointslice/endpointslice_controller.go,
// staging/src/k8s.io/endpointslice/reconciler.go, utils.go (podToEndpoint, newEndpointSlice).
import type { Cluster } from '../cluster'
import type { KObject, WatchEvent } from '../api/types'
import { registerComponents } from '../registry'
import { fromMap, matches } from '../api/selectors'
import { isPodReady } from './util/pods'
import { findPort, servicePorts, shouldPodBeInEndpoints } from './util/service-ports'
import { splitKey } from './util/sync-keys'
import { serviceKeysFor } from './endpoints'

export const ENDPOINTSLICE_CONTROLLER = 'endpoint-slice-controller'
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
export const MANAGED_BY = 'endpointslice-controller.k8s.io'
const MAX_ENDPOINTS_PER_SLICE = 100

interface SliceEndpoint {
  addresses: string[]
  conditions: { ready: boolean; serving: boolean; terminating: boolean }
  hostname?: string
  nodeName?: string
  targetRef: { kind: string; namespace: string; name: string; uid: string }
}
interface SlicePort { name: string; port: number; protocol: string; appProtocol?: string }

/** podToEndpoint (utils.go). */
export function podToEndpoint(svc: KObject, pod: KObject): SliceEndpoint {
  const serving = isPodReady(pod)
  const terminating = !!pod.metadata.deletionTimestamp
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating)
  const ep: SliceEndpoint = { addresses: [pod.status.podIP], conditions: { ready, serving, terminating }, targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid } }
  if (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name) ep.hostname = pod.spec.hostname
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName
  return ep
}

/** Desired slices' content grouped by port set: signature → {ports, endpoints}. */
export function desiredSlices(svc: KObject, pods: KObject[]): { sig: string; ports: SlicePort[]; endpoints: SliceEndpoint[] }[] {
  const groups: Record<string, { sig: string; ports: SlicePort[]; endpoints: SliceEndpoint[] }> = {}
  const order: string[] = []
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue
    const ports: SlicePort[] = []
    for (const sp of servicePorts(svc)) {
      const port = findPort(pod, sp)
      if (port === undefined) continue
      const p: SlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' }
      if (sp.appProtocol) p.appProtocol = sp.appProtocol
      ports.push(p)
    }
    const sig = JSON.stringify(ports)
    if (!groups[sig]) { groups[sig] = { sig, ports, endpoints: [] }; order.push(sig) }
    groups[sig].endpoints.push(podToEndpoint(svc, pod))
  }
  return order.map((s) => groups[s])
}

function sliceSig(slice: KObject): string {
  return JSON.stringify(slice.ports ?? [])
}

export function syncEndpointSlices(c: Cluster, key: string): void {
  const [ns, name] = splitKey(key)
  const api = c.client(ENDPOINTSLICE_CONTROLLER)
  const svc = api.get('services', ns, name)
  const existing = api.list('endpointslices', { namespace: ns, filter: (s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY })
  const selector = svc?.spec?.selector as Record<string, string> | undefined
  if (!svc || !selector || Object.keys(selector).length === 0) {
    for (const s of existing) api.delete('endpointslices', ns, s.metadata.name)
    return
  }
  const sel = fromMap(selector)
  const pods = api.list('pods', { namespace: ns }).filter((p) => matches(sel, p.metadata.labels))
  const want: { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] = []
  for (const g of desiredSlices(svc, pods)) {
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) want.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) })
  }
  if (want.length === 0) want.push({ ports: [], endpoints: [] }) // placeholder slice
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MANAGED_BY }
  if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
  const unused = [...existing]
  for (const w of want) {
    const sig = JSON.stringify(w.ports)
    const idx = unused.findIndex((s) => sliceSig(s) === sig)
    const reuse = idx >= 0 ? unused.splice(idx, 1)[0] : unused.length && want.length === 1 ? unused.shift() : undefined
    if (reuse) {
      if (JSON.stringify(reuse.endpoints ?? []) === JSON.stringify(w.endpoints) && sliceSig(reuse) === sig && JSON.stringify(reuse.metadata.labels) === JSON.stringify(labels)) continue
      api.mutate('endpointslices', ns, reuse.metadata.name, (o) => {
        o.endpoints = w.endpoints
        o.ports = w.ports
        o.metadata.labels = labels
      })
      continue
    }
    api.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${name}-`,
        namespace: ns,
        labels,
        annotations: {},
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints: w.endpoints,
      ports: w.ports,
    })
  }
  for (const s of unused) api.delete('endpointslices', ns, s.metadata.name)
}

function onWatch(c: Cluster, events: WatchEvent[]): void {
  for (const key of serviceKeysFor(c, ENDPOINTSLICE_CONTROLLER, events)) syncEndpointSlices(c, key)
}

registerComponents(() => [{ name: ENDPOINTSLICE_CONTROLLER, watches: ['services', 'pods'], onEvents: onWatch }])
