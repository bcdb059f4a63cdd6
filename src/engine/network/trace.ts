// `podflow trace SRC DST`: one connection walked and recorded hop by hop, and its hop table.
// SRC/DST name pods, Services, nodes, the external client or an address, as a learner would.
import type { Cluster } from '../cluster'
import type { KObject, Result } from '../api/types'
import { fail, ok } from '../api/types'
import { lookupImage, httpResponse } from '../node/images/catalog'
import { clientOf, connect, type Client, type ConnSpec } from './packet/conn'
import { recordPackets } from './packet/log'
import type { Hop, Packet } from './packet/types'
import { EXTERNAL_CLIENT_IP, podIndex, topology } from './topology'
import { isIPv4 } from './addr'
import { podIPs } from './view'

type Json = any

export interface TraceOptions {
  port?: number
  namespace?: string
}

export interface Trace {
  from: string
  to: string
  dst: { ip: string; port: number; proto: 'TCP' | 'UDP' }
  outcome: 'delivered' | 'refused' | 'timeout'
  why?: string
  /** pod/ns/name (container) or node/name (kubelet) that answered. */
  server?: string
  packets: Packet[]
}

type Ref = { kind: 'pod' | 'svc' | 'node'; ns: string; name: string } | { kind: 'external' } | { kind: 'ip'; ip: string }

const KINDS: Record<string, 'pod' | 'svc' | 'node'> = { pod: 'pod', pods: 'pod', po: 'pod', svc: 'svc', service: 'svc', services: 'svc', node: 'node', nodes: 'node', no: 'node' }
const bad = (message: string) => fail<never>({ code: 400, reason: 'BadRequest', message })
const notFound = (plural: string, name: string) => fail<never>({ code: 404, reason: 'NotFound', message: `${plural} "${name}" not found` })

function parseRef(text: string, ns: string): Ref | undefined {
  if (text === 'external') return { kind: 'external' }
  if (isIPv4(text)) return { kind: 'ip', ip: text }
  const m = /^([a-z]+)\/(?:([a-z0-9-]+)\/)?([a-z0-9][a-z0-9.-]*)$/.exec(text)
  const kind = m && KINDS[m[1]]
  if (!m || !kind) return undefined
  return { kind, ns: m[2] ?? ns, name: m[3] }
}

const USAGE_REF = 'use pod/NAME, svc/NAME, node/NAME, external or an IP address'

function podOf(c: Cluster, ns: string, name: string): KObject | Result<never> {
  const pod = c.api.get('pods', ns, name)
  if (!pod) return notFound('pods', name)
  if (!podIPs(pod).length) return bad(`pod ${ns}/${name} has no IP address yet (phase ${pod.status?.phase ?? 'Pending'})`)
  return pod
}

const isResult = (x: unknown): x is Result<never> => !!x && typeof x === 'object' && 'ok' in (x as object)

function source(c: Cluster, ref: Ref): Client | Result<never> {
  if (ref.kind === 'external') return clientOf(c, {})
  if (ref.kind === 'svc') return bad('a Service does not send traffic: trace from one of its pods')
  if (ref.kind === 'node') return topology(c).byName[ref.name] ? clientOf(c, { node: ref.name }) : notFound('nodes', ref.name)
  if (ref.kind === 'pod') {
    const pod = podOf(c, ref.ns, ref.name)
    if (isResult(pod)) return pod
    return clientOf(c, { pod, node: pod.spec?.nodeName, container: pod.spec?.containers?.[0]?.name })
  }
  if (ref.kind !== 'ip') return bad(USAGE_REF)
  if (ref.ip === EXTERNAL_CLIENT_IP) return clientOf(c, {})
  const p = podIndex(c).byIP[ref.ip]
  if (p) return clientOf(c, { pod: p.pod, node: p.node, container: p.pod.spec?.containers?.[0]?.name })
  const n = topology(c).byAddress[ref.ip]
  if (n) return clientOf(c, { node: n.name })
  return bad(`no pod or node has the address ${ref.ip}`)
}

/** A pod's likely serving port: its first containerPort, else its image's first port, else 80. */
function podPort(pod: KObject): number {
  const cts: Json[] = pod.spec?.containers ?? []
  const declared = cts.flatMap((ct) => ct.ports ?? [])[0]?.containerPort
  if (declared) return declared
  for (const ct of cts) {
    const look = lookupImage(ct.image ?? '')
    if (look.ok && look.info.ports.length) return look.info.ports[0]
  }
  return 80
}

function destination(c: Cluster, ref: Ref, client: Client, port: number | undefined): ConnSpec | Result<never> {
  if (ref.kind === 'external') return { proto: 'TCP', dst: EXTERNAL_CLIENT_IP, dport: port ?? 80, to: 'external' }
  if (ref.kind === 'ip') return { proto: 'TCP', dst: ref.ip, dport: port ?? 80, to: ref.ip }
  if (ref.kind === 'node') {
    const n = topology(c).byName[ref.name]
    return n ? { proto: 'TCP', dst: n.ip, dport: port ?? 10250, to: `node/${ref.name}` } : notFound('nodes', ref.name)
  }
  if (ref.kind === 'pod') {
    const pod = podOf(c, ref.ns, ref.name)
    if (isResult(pod)) return pod
    return { proto: 'TCP', dst: podIPs(pod)[0], dport: port ?? podPort(pod), to: `pod/${ref.ns}/${ref.name}` }
  }
  const svc = c.api.get('services', ref.ns, ref.name)
  if (!svc) return notFound('services', ref.name)
  const spec = svc.spec ?? {}
  if (spec.type === 'ExternalName') return bad(`service ${ref.ns}/${ref.name} is an ExternalName (a DNS alias for ${spec.externalName}): it has no address to trace to`)
  if (!spec.clusterIP || spec.clusterIP === 'None') return bad(`service ${ref.ns}/${ref.name} is headless (clusterIP: None): trace to one of its pods`)
  const ports: Json[] = spec.ports ?? []
  const external = client.place.at === 'external'
  const sp = port === undefined ? ports[0] : ports.find((p) => p.port === port || (external && p.nodePort === port))
  if (!sp) return bad(`service ${ref.ns}/${ref.name} has no port ${port} (ports: ${ports.map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') || 'none'})`)
  const proto = sp.protocol === 'UDP' ? 'UDP' : 'TCP'
  const to = `svc/${ref.ns}/${ref.name}`
  if (!external) return { proto, dst: spec.clusterIP, dport: sp.port, to }
  if (!sp.nodePort) return bad(`service ${ref.ns}/${ref.name} has no NodePort: a ClusterIP is not reachable from outside the cluster`)
  const entry = topology(c).nodes.find((n) => n.name.startsWith('worker')) ?? topology(c).nodes[0]
  if (!entry) return bad('the cluster has no nodes')
  return { proto, dst: entry.ip, dport: sp.nodePort, to }
}

export function traceConnection(c: Cluster, src: string, dst: string, opts: TraceOptions = {}): Result<Trace> {
  const ns = opts.namespace ?? 'default'
  const s = parseRef(src, ns)
  if (!s) return bad(`invalid source "${src}": ${USAGE_REF}`)
  const d = parseRef(dst, ns)
  if (!d) return bad(`invalid destination "${dst}": ${USAGE_REF}`)
  const client = source(c, s)
  if (isResult(client)) return client
  const spec = destination(c, d, client, opts.port)
  if (isResult(spec)) return spec
  const r = connect(c, client, spec, { kind: 'tcp', label: spec.proto === 'TCP' ? 'SYN, then the request' : 'datagram', record: true })
  const server = r.server?.kind === 'pod' ? `pod/${r.server.pod.key} (container ${r.server.container})` : r.server ? `node/${r.server.node} (kubelet)` : undefined
  if (r.server?.kind === 'pod' && r.packets[1]) {
    const res = httpResponse(r.server.info, r.seen.dport, '/', 'http')
    if (res?.status) r.packets[1].label = `HTTP/1.1 ${res.status}`
  }
  recordPackets(c, r.packets)
  return ok({ from: client.name, to: spec.to, dst: { ip: spec.dst, port: spec.dport, proto: spec.proto }, outcome: r.outcome, why: r.why, server, packets: r.packets })
}

function where(h: Hop): string {
  if (h.pod) return `${h.node} ${h.pod} ${h.element}`
  return h.node ? `${h.node} ${h.element}` : h.element
}

function outerText(h: Hop): string {
  const o = h.outer
  if (!o) return '-'
  return `${o.kind === 'vxlan' ? `VXLAN VNI ${o.vni}` : 'UDP'} ${o.src}:${o.sport} → ${o.dst}:${o.dport}`
}

function table(p: Packet, t0: number): string[] {
  const rows = p.hops.map((h, i) => [String(i + 1), (h.at - t0).toFixed(3), where(h), `${h.headers.src}:${h.headers.sport} → ${h.headers.dst}:${h.headers.dport}`, outerText(h), h.change ? `${h.change}; ${h.note}` : h.note, h.rule])
  const head = ['#', 'T(ms)', 'WHERE', 'SRC → DST', 'OUTER', 'NOTE']
  const widths = head.map((x, i) => Math.max(x.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => '  ' + cells.map((x, i) => (i === cells.length - 1 ? x : x.padEnd(widths[i]))).join('  ')
  const out = [line(head)]
  for (const r of rows) {
    out.push(line(r.slice(0, 6) as string[]))
    if (r[6]) out.push(`      rule: ${r[6]}`)
  }
  return out
}

/** The hop table `podflow trace` prints. */
export function formatTrace(t: Trace): string {
  const lines = [`trace ${t.from} → ${t.to} (${t.dst.ip}:${t.dst.port}/${t.dst.proto})`]
  const t0 = t.packets[0]?.sentAt ?? 0
  for (const p of t.packets) {
    const h = p.hops[0]?.headers
    lines.push(`${p.phase} ${p.label}${h ? ` (${h.src}:${h.sport} → ${h.dst}:${h.dport})` : ''}:`)
    lines.push(...table(p, t0))
  }
  const rtt = t.packets.length ? (t.packets[t.packets.length - 1].arriveAt - t0).toFixed(3) : '0'
  if (t.outcome === 'delivered') lines.push(`result: delivered to ${t.server}; round trip ${rtt} ms`)
  else if (t.outcome === 'refused') lines.push(`result: connection refused${t.why ? ` (${t.why})` : ''}`)
  else lines.push(`result: timed out${t.why ? ` (${t.why})` : ''}`)
  return lines.join('\n') + '\n'
}
