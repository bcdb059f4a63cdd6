// The graph's structure: which nodes exist, which pods sit on which node (or wait in the Pending
// lane), which Services point at which ready pods, and (on demand) the owner chains. Only this,
// not pod status, decides the layout; `key` lets the graph skip re-layout when nothing moved.
import type { Changes, KObject } from '../../engine'
import type { PodflowState } from '../../store'

type Json = any

export const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-flannel', 'kube-node-lease', 'kube-public'])
const OWNER_KINDS = ['deployments', 'statefulsets', 'daemonsets', 'replicasets', 'jobs', 'cronjobs', 'replicationcontrollers'] as const
const STRUCTURAL = new Set<string>(['pods', 'nodes', 'services', 'endpointslices', ...OWNER_KINDS])

export interface NodeGroup {
  name: string
  controlPlane: boolean
  /** Pod ids of workload pods (cards), and of system pods (chips). */
  app: string[]
  system: string[]
}

export interface ServiceEntry {
  id: string
  /** Pod ids of ready endpoints. */
  endpoints: string[]
}

export interface OwnerEntry {
  id: string
  /** Ids of the objects it controls (owners or pods). */
  children: string[]
}

export interface GraphStructure {
  key: string
  nodes: NodeGroup[]
  pending: string[]
  services: ServiceEntry[]
  owners: OwnerEntry[]
}

const podId = (ns: string, name: string) => `pods/${ns}/${name}`
const idOf = (plural: string, o: KObject) => (o.metadata.namespace ? `${plural}/${o.metadata.namespace}/${o.metadata.name}` : `${plural}/${o.metadata.name}`)

/** Whether a step's changes can alter the structure (otherwise the graph keeps its layout). */
export function touchesStructure(ch: Changes): boolean {
  const hit = (ids: string[]) => ids.some((id) => STRUCTURAL.has(id.slice(0, id.indexOf('/'))))
  return hit(ch.added) || hit(ch.removed) || hit(ch.updated)
}

function list(s: PodflowState, plural: string): KObject[] {
  return Object.values(s.cluster.state.store.objects[plural] ?? {}) as KObject[]
}

const isControlPlane = (n: KObject) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})

function readyEndpoints(s: PodflowState, svc: KObject): string[] {
  const ns = svc.metadata.namespace ?? 'default'
  const out = new Set<string>()
  for (const es of list(s, 'endpointslices')) {
    if (es.metadata.namespace !== ns || es.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue
    for (const ep of (es as Json).endpoints ?? []) {
      const ref = ep.targetRef
      if (ref?.kind === 'Pod' && ep.conditions?.ready !== false) out.add(podId(ref.namespace ?? ns, ref.name))
    }
  }
  return [...out].sort()
}

function owners(s: PodflowState): OwnerEntry[] {
  const children = new Map<string, string[]>()
  const add = (ownerId: string, childId: string) => {
    const l = children.get(ownerId)
    if (l) l.push(childId)
    else children.set(ownerId, [childId])
  }
  const pluralOfKind: Record<string, string> = { Deployment: 'deployments', StatefulSet: 'statefulsets', DaemonSet: 'daemonsets', ReplicaSet: 'replicasets', Job: 'jobs', CronJob: 'cronjobs', ReplicationController: 'replicationcontrollers' }
  const visit = (plural: string, o: KObject) => {
    if (SYSTEM_NAMESPACES.has(o.metadata.namespace ?? '')) return
    const ref = (o.metadata.ownerReferences ?? []).find((r: Json) => r.controller)
    const p = ref && pluralOfKind[ref.kind]
    if (p) add(`${p}/${o.metadata.namespace}/${ref.name}`, idOf(plural, o))
  }
  for (const k of OWNER_KINDS) for (const o of list(s, k)) visit(k, o)
  for (const p of list(s, 'pods')) visit('pods', p)
  const out: OwnerEntry[] = []
  for (const k of OWNER_KINDS) {
    for (const o of list(s, k)) {
      if (SYSTEM_NAMESPACES.has(o.metadata.namespace ?? '')) continue
      const id = idOf(k, o)
      out.push({ id, children: (children.get(id) ?? []).sort() })
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1))
}

export function computeStructure(s: PodflowState, withOwners: boolean): GraphStructure {
  const nodes: NodeGroup[] = list(s, 'nodes')
    .map((n) => ({ name: n.metadata.name, controlPlane: isControlPlane(n), app: [] as string[], system: [] as string[] }))
    .sort((a, b) => Number(b.controlPlane) - Number(a.controlPlane) || (a.name < b.name ? -1 : 1))
  const byName = new Map(nodes.map((n) => [n.name, n]))
  const pending: string[] = []
  for (const p of list(s, 'pods')) {
    const id = podId(p.metadata.namespace ?? 'default', p.metadata.name)
    const node = p.spec?.nodeName as string | undefined
    const g = node ? byName.get(node) : undefined
    if (!g) {
      if (!node && p.status?.phase === 'Pending') pending.push(id)
      continue
    }
    if (g.controlPlane || SYSTEM_NAMESPACES.has(p.metadata.namespace ?? '')) g.system.push(id)
    else g.app.push(id)
  }
  for (const g of nodes) {
    g.app.sort()
    g.system.sort()
  }
  pending.sort()
  const services = list(s, 'services')
    .filter((svc) => !(svc.metadata.namespace === 'default' && svc.metadata.name === 'kubernetes'))
    .map((svc) => ({ id: idOf('services', svc), endpoints: readyEndpoints(s, svc) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
  const own = withOwners ? owners(s) : []
  const key = JSON.stringify([nodes, pending, services, own])
  return { key, nodes, pending, services, owners: own }
}
