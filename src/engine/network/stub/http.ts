// HTTP and TCP straight to the pods, with kube-proxy's Service semantics folded in: a ClusterIP
// (or a NodePort on any node) picks one ready endpoint; no endpoints → REJECT (refused);
// an address nobody owns → the SYN is dropped (timeout). (k/k pkg/proxy/iptables/proxier.go)
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import type { HttpResult, NetOrigin, TcpResult } from '../types'
import { randomInt } from '../../sim/rng'
import { httpResponse, type ImageInfo } from '../../node/images/catalog'
import { resolve } from './dns'
import { nodeIPs, podsByIP, readyEndpoints, serviceByClusterIP, servingTerminatingEndpoints, targetPortFor, type Endpoint } from './api-view'
import { listenerOn } from '../view'
import { fnv32a } from '../../sim/hash'
import { chargeRequests } from '../../metrics/load'
import { CONNECT_TIMEOUT_MS, parseUrl } from '../http'

type Json = any

const HOP_MS = 1

type Route =
  | { kind: 'pod'; pod: KObject; container: string; info: ImageInfo; port: number; latencyMs: number }
  | { kind: 'refused'; latencyMs: number }
  | { kind: 'timeout' }

function hopMs(from: NetOrigin, pod: KObject): number {
  return from.node && pod.spec?.nodeName && from.node !== pod.spec.nodeName ? 2 * HOP_MS : HOP_MS
}

function toPod(c: Cluster, from: NetOrigin, pods: KObject[], port: number): Route {
  for (const pod of pods) {
    const l = listenerOn(c, pod, port)
    if (l) return { kind: 'pod', pod, container: l.container, info: l.info, port, latencyMs: hopMs(from, pod) }
  }
  // The pod's kernel answers the SYN with RST.
  return { kind: 'refused', latencyMs: pods[0] ? hopMs(from, pods[0]) : HOP_MS }
}

/** The client's address as the Service sees it (pod IP, else the node's). */
function clientIP(c: Cluster, from: NetOrigin): string {
  const ip = from.pod?.status?.podIP as string | undefined
  if (ip) return ip
  const node = from.node ? c.api.get('nodes', undefined, from.node) : undefined
  return (node?.status?.addresses ?? []).find((a: Json) => a.type === 'InternalIP')?.address ?? ''
}

function viaService(c: Cluster, from: NetOrigin, svc: KObject, svcPort: Json, external = false): Route {
  let eps = readyEndpoints(c, svc)
  if (!eps.length) eps = servingTerminatingEndpoints(c, svc)
  // KUBE-SERVICES: "has no endpoints" → REJECT (icmp-port-unreachable → ECONNREFUSED).
  if (!eps.length) return { kind: 'refused', latencyMs: HOP_MS }
  // internalTrafficPolicy / externalTrafficPolicy Local: only endpoints on the receiving node; none → dropped.
  const local = external ? svc.spec?.externalTrafficPolicy === 'Local' : svc.spec?.internalTrafficPolicy === 'Local'
  if (local) {
    eps = eps.filter((e) => e.nodeName === from.node)
    if (!eps.length) return { kind: 'timeout' }
  }
  let ep: Endpoint
  if (eps.length === 1) ep = eps[0]
  else if (svc.spec?.sessionAffinity === 'ClientIP') {
    // The "recent" match pins a client to one endpoint; a stable hash of the client IP stands in for it.
    ep = eps[fnv32a(clientIP(c, from)) % eps.length]
  } else ep = eps[randomInt(c.state, eps.length)]
  const port = targetPortFor(svcPort, ep.pod)
  if (port === undefined) return { kind: 'refused', latencyMs: HOP_MS }
  const pods = ep.pod ? [ep.pod] : podsByIP(c, ep.ip)
  if (!pods.length) return { kind: 'timeout' }
  return toPod(c, from, pods, port)
}

function nodeNameOfIP(c: Cluster, ip: string): string | undefined {
  return c.api.list('nodes').find((n) => (n.status?.addresses ?? []).some((a: Json) => a.address === ip))?.metadata.name
}

/** Where a connection to ip:port ends up. */
export function route(c: Cluster, from: NetOrigin, ip: string, port: number): Route {
  if (ip.startsWith('127.')) return from.pod ? toPod(c, from, [from.pod], port) : { kind: 'refused', latencyMs: 0 }
  const svc = serviceByClusterIP(c, ip)
  if (svc) {
    const sp = (svc.spec?.ports ?? []).find((p: Json) => p.port === port && (p.protocol ?? 'TCP') === 'TCP')
    return sp ? viaService(c, from, svc, sp) : { kind: 'timeout' }
  }
  if (nodeIPs(c).includes(ip)) {
    for (const s of c.api.list('services')) {
      const sp = (s.spec?.ports ?? []).find((p: Json) => p.nodePort === port)
      if (sp && (s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer')) return viaService(c, { ...from, node: nodeNameOfIP(c, ip) ?? from.node }, s, sp, true)
    }
  }
  const pods = podsByIP(c, ip)
  if (pods.length) return toPod(c, from, pods, port)
  if (nodeIPs(c).includes(ip)) return { kind: 'refused', latencyMs: HOP_MS }
  return { kind: 'timeout' }
}

/** Name or address → IP (plus the DNS time spent). */
function address(c: Cluster, from: NetOrigin, host: string): { ip?: string; ms: number } {
  if (host === 'localhost') return { ip: '127.0.0.1', ms: 0 }
  const r = resolve(c, from, host)
  return r.ok && r.addresses.length ? { ip: r.addresses[0], ms: r.latencyMs } : { ms: r.latencyMs }
}

export function http(c: Cluster, from: NetOrigin, url: string, opts: { method?: string; timeoutMs?: number } = {}): HttpResult {
  const u = parseUrl(url)
  if (!u) return { ok: false, error: 'bad-address', message: `bad address '${url}'`, latencyMs: 0 }
  const a = address(c, from, u.host)
  if (!a.ip) return { ok: false, error: 'bad-address', message: `bad address '${u.host}'`, latencyMs: a.ms }
  const r = route(c, from, a.ip, u.port)
  if (r.kind === 'timeout') {
    const ms = a.ms + (opts.timeoutMs ?? CONNECT_TIMEOUT_MS)
    return { ok: false, error: 'timeout', message: `connect to ${a.ip} port ${u.port} timed out`, latencyMs: ms }
  }
  if (r.kind === 'refused') return { ok: false, error: 'refused', message: `connect to ${a.ip} port ${u.port} failed: Connection refused`, latencyMs: a.ms + r.latencyMs }
  const res = httpResponse(r.info, r.port, u.path, u.scheme)
  if (!res) return { ok: false, error: 'refused', message: `connect to ${a.ip} port ${u.port} failed: Connection refused`, latencyMs: a.ms + r.latencyMs }
  // The serving container does the work: the metrics usage model turns served requests into CPU.
  chargeRequests(c, `${r.pod.metadata.namespace}/${r.pod.metadata.name}`, r.container, 1)
  return { ok: true, status: res.status, body: opts.method === 'HEAD' ? '' : res.body, servedBy: r.pod.metadata.name, latencyMs: a.ms + 2 * r.latencyMs }
}

export function tcp(c: Cluster, from: NetOrigin, host: string, port: number, opts: { timeoutMs?: number } = {}): TcpResult {
  const a = address(c, from, host)
  if (!a.ip) return { ok: false, error: 'bad-address', latencyMs: a.ms }
  const r = route(c, from, a.ip, port)
  if (r.kind === 'timeout') return { ok: false, error: 'timeout', latencyMs: a.ms + (opts.timeoutMs ?? CONNECT_TIMEOUT_MS) }
  if (r.kind === 'refused') return { ok: false, error: 'refused', latencyMs: a.ms + r.latencyMs }
  return { ok: true, latencyMs: a.ms + r.latencyMs }
}
