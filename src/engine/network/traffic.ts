// Rate-based traffic: a source (the external client, a node, a pod) sends r requests/s to a
// Service or a pod. Every second (sim) the flow is re-split across the endpoints as kube-proxy's
// rules split it — equal shares over the Service's endpoints, or one endpoint under ClientIP
// affinity — checking that each share actually gets through; the receivers are charged through
// the metrics load ledger, and a couple of requests per second are walked hop by hop for display.
import type { Cluster } from '../cluster'
import { fail, ok } from '../api/types'
import { onAction, onEvent } from '../registry'
import { clearFlow, setFlow } from '../metrics/load'
import { categorize, servicePorts } from './kubeproxy/service-ports'
import { clientOf, connect, type Client, type ConnSpec } from './packet/conn'
import { recordPackets } from './packet/log'
import { EXTERNAL_CLIENT_IP, podIndex, topology } from './topology'

type Json = any

export const TRAFFIC_SYNC_MS = 1000
/** Requests per flow and second recorded hop by hop. */
export const SAMPLES_PER_SECOND = 2

export interface Flow {
  id: string
  /** svc/ns/name or pod/ns/name */
  target: string
  /** external, node/NAME or pod/ns/name */
  from: string
  port?: number
  rps: number
}

export interface FlowInfo extends Flow {
  /** The split at the last sync: requests/s each receiving container gets. */
  targets: { pod: string; container: string; rps: number }[]
  /** Requests/s that failed (no endpoint, refused, lost). */
  failingRps: number
  why?: string
}

interface TrafficState {
  flows: Record<string, FlowInfo>
  scheduled: boolean
}

function traffic(c: Cluster): TrafficState {
  return c.slot<TrafficState>('traffic', () => ({ flows: {}, scheduled: false }))
}

/** The flows currently running (read-only view). */
export function flows(c: Cluster): FlowInfo[] {
  const t = c.state.components.traffic as TrafficState | undefined
  return t ? Object.values(t.flows) : []
}

function splitRef(ref: string): { kind: string; ns: string; name: string } | undefined {
  const m = /^(svc|service|pod|node)\/(?:([a-z0-9-]+)\/)?([a-z0-9.-]+)$/.exec(ref)
  if (!m) return undefined
  return { kind: m[1] === 'service' ? 'svc' : m[1], ns: m[2] ?? 'default', name: m[3] }
}

function sourceOf(c: Cluster, from: string): Client | string {
  if (from === 'external') return { place: { at: 'external' }, ip: EXTERNAL_CLIENT_IP, name: 'external' }
  const r = splitRef(from)
  if (r?.kind === 'node') return topology(c).byName[r.name] ? { place: { at: 'host', node: r.name }, ip: '', name: `node/${r.name}` } : `node "${r.name}" not found`
  if (r?.kind === 'pod') {
    const pod = c.api.get('pods', r.ns, r.name)
    if (!pod) return `pods "${r.name}" not found`
    return clientOf(c, { pod, node: pod.spec?.nodeName, container: pod.spec?.containers?.[0]?.name })
  }
  return `invalid traffic source "${from}" (external, node/NAME or pod/NAME)`
}

/** The node an external client's requests enter by (the NodePort is open on every node). */
function entryNode(c: Cluster): string | undefined {
  const nodes = topology(c).nodes
  return (nodes.find((n) => n.name.startsWith('worker') && !n.partitioned) ?? nodes.find((n) => !n.partitioned) ?? nodes[0])?.name
}

type Plan = { spec: ConnSpec; seps: string[]; affinity: boolean } | { error: string }

function plan(c: Cluster, f: Flow, client: Client): Plan {
  const r = splitRef(f.target)
  if (!r || r.kind === 'node') return { error: `invalid traffic target "${f.target}"` }
  if (r.kind === 'pod') {
    const p = podIndex(c).byKey[`${r.ns}/${r.name}`]
    if (!p) return { error: `pod ${r.ns}/${r.name} has no address` }
    const port = f.port ?? ((p.pod.spec?.containers ?? []) as Json[]).flatMap((x) => x.ports ?? [])[0]?.containerPort ?? 80
    return { spec: { proto: 'TCP', dst: p.ip, dport: port, to: f.target }, seps: [], affinity: false }
  }
  const svc = c.api.get('services', r.ns, r.name)
  if (!svc) return { error: `service ${r.ns}/${r.name} not found` }
  const sp = servicePorts(c).find((x) => x.namespace === r.ns && x.name === r.name && x.protocol === 'TCP' && (f.port === undefined || x.port === f.port))
  if (!sp) return { error: `service ${r.ns}/${r.name} has no TCP port${f.port ? ' ' + f.port : ''} with a cluster IP` }
  const node = client.place.at === 'host' ? client.place.node : client.place.at === 'pod' ? client.place.pod.node ?? '' : entryNode(c) ?? ''
  const seps = categorize(sp, node).cluster.map((e) => e.chain)
  if (client.place.at === 'external') {
    if (!sp.nodePort) return { error: `service ${r.ns}/${r.name} has no NodePort: external clients cannot reach a ClusterIP` }
    const ip = topology(c).byName[node]?.ip
    if (!ip) return { error: 'no node to enter the cluster through' }
    return { spec: { proto: 'TCP', dst: ip, dport: sp.nodePort, to: f.target }, seps, affinity: sp.affinity }
  }
  return { spec: { proto: 'TCP', dst: sp.clusterIP, dport: sp.port, to: f.target }, seps, affinity: sp.affinity }
}

/** One sync: split the rate, charge the receivers, sample a few requests hop by hop. */
function syncFlow(c: Cluster, f: FlowInfo): void {
  const client = sourceOf(c, f.from)
  const p = typeof client === 'string' ? { error: client } : plan(c, f, client)
  const targets: Record<string, { pod: string; container: string; rps: number }> = {}
  let failing = 0
  f.why = undefined
  if ('error' in p || typeof client === 'string') {
    failing = f.rps
    f.why = 'error' in p ? p.error : client as string
  } else {
    // Affinity pins one client to one endpoint; otherwise the statistic rules split evenly.
    const shares = p.seps.length && !p.affinity ? p.seps.map((s) => ({ sep: s as string | undefined, rps: f.rps / p.seps.length })) : [{ sep: undefined, rps: f.rps }]
    for (const share of shares) {
      const r = connect(c, client, p.spec, { kind: 'http', label: 'GET /', record: false, forceSep: share.sep })
      const server = r.server
      if (r.outcome !== 'delivered' || server?.kind !== 'pod') {
        failing += share.rps
        f.why = r.why ?? (r.outcome === 'refused' ? 'connection refused' : undefined)
        continue
      }
      const key = `${server.pod.key}/${server.container}`
      const t = (targets[key] ??= { pod: server.pod.key, container: server.container, rps: 0 })
      t.rps += share.rps
    }
    const samples = Math.min(SAMPLES_PER_SECOND, Math.ceil(f.rps))
    for (let i = 0; i < samples; i++) {
      const r = connect(c, client, p.spec, { kind: 'http', label: 'GET /', record: true, flow: f.id, at: c.now + Math.floor((i * TRAFFIC_SYNC_MS) / samples) })
      recordPackets(c, r.packets)
    }
  }
  f.targets = Object.values(targets).sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0))
  f.failingRps = failing
  setFlow(c, f.id, f.targets)
}

function schedule(c: Cluster): void {
  const t = traffic(c)
  if (t.scheduled || !Object.keys(t.flows).length) return
  t.scheduled = true
  c.schedule(TRAFFIC_SYNC_MS, { type: 'network.traffic' })
}

onEvent('network.traffic', (c) => {
  const t = traffic(c)
  t.scheduled = false
  for (const f of Object.values(t.flows)) syncFlow(c, f)
  schedule(c)
})

/** traffic.set {target: 'svc/ns/name' | 'pod/ns/name', rps, from?: 'external' | 'node/NAME' | 'pod/ns/name', port?} */
onAction('traffic.set', (c, a) => {
  const target = String(a.target ?? '')
  const rps = Number(a.rps)
  if (!splitRef(target) || target.startsWith('node/')) return fail({ code: 400, reason: 'BadRequest', message: `invalid traffic target "${target}": use svc/NAMESPACE/NAME or pod/NAMESPACE/NAME` })
  if (!Number.isFinite(rps) || rps < 0) return fail({ code: 400, reason: 'BadRequest', message: `invalid rate ${JSON.stringify(a.rps)}: requests per second must be a number ≥ 0` })
  const port = a.port === undefined ? undefined : Number(a.port)
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) return fail({ code: 400, reason: 'BadRequest', message: `invalid port ${JSON.stringify(a.port)}` })
  const r = splitRef(target)!
  const isNodePortSvc = r.kind === 'svc' && !!(c.api.get('services', r.ns, r.name)?.spec?.ports ?? []).some((p: Json) => p.nodePort)
  const from = a.from === undefined ? (isNodePortSvc ? 'external' : `node/${entryNode(c) ?? ''}`) : String(a.from)
  const src = sourceOf(c, from)
  if (typeof src === 'string') return fail({ code: 400, reason: 'BadRequest', message: src })
  const id = `traffic/${from}→${target}${port ? ':' + port : ''}`
  const t = traffic(c)
  if (rps === 0) {
    const had = !!t.flows[id]
    delete t.flows[id]
    clearFlow(c, id)
    return ok(had ? `traffic ${from} → ${target} stopped` : `no traffic ${from} → ${target} was running`)
  }
  const f: FlowInfo = { id, target, from, rps, targets: [], failingRps: 0 }
  if (port !== undefined) f.port = port
  t.flows[id] = f
  syncFlow(c, f)
  schedule(c)
  const got = f.targets.reduce((s, x) => s + x.rps, 0)
  const split = f.targets.map((x) => `${x.pod} ${+x.rps.toFixed(2)}/s`).join(', ')
  return ok(`traffic ${from} → ${target}: ${rps} requests/s${split ? ` (${split})` : ''}${got < rps ? `; ${+(rps - got).toFixed(2)}/s failing${f.why ? ': ' + f.why : ''}` : ''}`)
})
