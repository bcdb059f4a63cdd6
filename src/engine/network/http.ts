// HTTP requests and TCP connects as packets: the name is resolved through CoreDNS, the
// connection is walked through the network, and the answer comes from whatever socket it
// reached (the image catalog's server, the kubelet). A REJECT or an RST is "connection refused";
// a packet lost on the way (no route, a partition, a stopped flanneld) is a timeout.
import type { Cluster } from '../cluster'
import { httpResponse } from '../node/images/catalog'
import { chargeRequests } from '../metrics/load'
import type { HttpResult, NetOrigin, TcpResult } from './types'
import { resolve } from './dns/resolver'
import { clientOf, connect, type ConnResult } from './packet/conn'
import { recordPackets, takeRecordBudget } from './packet/log'

/** Kernel connect timeout (SYN retries) when nothing answers and the client set no timeout. */
export const CONNECT_TIMEOUT_MS = 130_000

export function parseUrl(url: string): { scheme: 'http' | 'https'; host: string; port: number; path: string } | undefined {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#\s]+)(?::(\d+))?([^\s]*)$/i.exec(url.trim())
  if (!m) return undefined
  const scheme = (m[1] ?? 'http').toLowerCase() === 'https' ? 'https' : 'http'
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: m[4] || '/' }
}

/** Name or address → IP (plus the DNS time spent). */
function address(c: Cluster, from: NetOrigin, host: string): { ip?: string; ms: number } {
  if (host === 'localhost') return { ip: '127.0.0.1', ms: 0 }
  const r = resolve(c, from, host)
  return r.ok && r.addresses.length ? { ip: r.addresses[0], ms: r.latencyMs } : { ms: r.latencyMs }
}

/** A kubelet probe (a pod without a container) is labelled as such in the packet record. */
const kindOf = (from: NetOrigin) => (from.pod && from.container === undefined ? 'probe' : undefined)

function open(c: Cluster, from: NetOrigin, ip: string, port: number, label: string, kind: 'http' | 'tcp', at: number): ConnResult {
  const probe = kindOf(from)
  return connect(c, clientOf(c, from), { proto: 'TCP', dst: ip, dport: port, to: ip }, { kind: probe ?? kind, label, record: takeRecordBudget(c, !!probe), at })
}

export function http(c: Cluster, from: NetOrigin, url: string, opts: { method?: string; timeoutMs?: number } = {}): HttpResult {
  const u = parseUrl(url)
  if (!u) return { ok: false, error: 'bad-address', message: `bad address '${url}'`, latencyMs: 0 }
  const a = address(c, from, u.host)
  if (!a.ip) return { ok: false, error: 'bad-address', message: `bad address '${u.host}'`, latencyMs: a.ms }
  const method = opts.method ?? 'GET'
  const r = open(c, from, a.ip, u.port, `${method} ${u.path}`, 'http', c.now + a.ms)
  const refused = (): HttpResult => ({ ok: false, error: 'refused', message: `connect to ${a.ip} port ${u.port} failed: Connection refused`, latencyMs: a.ms + r.oneWayMs })
  if (r.outcome === 'timeout') {
    recordPackets(c, r.packets)
    return { ok: false, error: 'timeout', message: `connect to ${a.ip} port ${u.port} timed out`, latencyMs: a.ms + (opts.timeoutMs ?? CONNECT_TIMEOUT_MS) }
  }
  if (r.outcome === 'refused' || !r.server) {
    recordPackets(c, r.packets)
    return refused()
  }
  if (r.server.kind === 'kubelet') {
    // The kubelet serves HTTPS only: a plain HTTP request gets a TLS alert, not an HTTP answer.
    recordPackets(c, r.packets)
    return { ok: true, status: 0, body: '', latencyMs: a.ms + 2 * r.oneWayMs }
  }
  const res = httpResponse(r.server.info, r.seen.dport, u.path, u.scheme)
  if (!res) {
    recordPackets(c, r.packets)
    return refused()
  }
  if (r.packets[1]) r.packets[1].label = res.status ? `HTTP/1.1 ${res.status}` : 'non-HTTP answer'
  recordPackets(c, r.packets)
  // The serving container does the work: the metrics usage model turns served requests into CPU.
  chargeRequests(c, r.server.pod.key, r.server.container, 1)
  return { ok: true, status: res.status, body: method === 'HEAD' ? '' : res.body, servedBy: r.server.pod.name, latencyMs: a.ms + 2 * r.oneWayMs }
}

export function tcp(c: Cluster, from: NetOrigin, host: string, port: number, opts: { timeoutMs?: number } = {}): TcpResult {
  const a = address(c, from, host)
  if (!a.ip) return { ok: false, error: 'bad-address', latencyMs: a.ms }
  const r = open(c, from, a.ip, port, 'SYN', 'tcp', c.now + a.ms)
  if (r.packets[1] && r.server) r.packets[1].label = 'SYN-ACK'
  recordPackets(c, r.packets)
  if (r.outcome === 'timeout') return { ok: false, error: 'timeout', latencyMs: a.ms + (opts.timeoutMs ?? CONNECT_TIMEOUT_MS) }
  if (r.outcome === 'refused') return { ok: false, error: 'refused', latencyMs: a.ms + r.oneWayMs }
  return { ok: true, latencyMs: a.ms + r.oneWayMs }
}
