// The one interface through which containers (the shell model, probes, exec) use the network.
// The engine installs the packet-level network (network/index.ts: DNS through CoreDNS, HTTP/TCP
// walked hop by hop); stub/ is an API-only model for unit tests that run no nodes.
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'

/**
 * Where a request comes from: a container of `pod`; with `pod` but no `container`, the kubelet
 * probing that pod (from the node's host network); with only `node`, a process on the node;
 * with neither, the external client.
 */
export interface NetOrigin {
  /** The pod the process runs in (or the pod a kubelet probe targets, see above). */
  pod?: KObject
  /** The node the traffic starts on. */
  node?: string
  /** Container name, for logs and packet labels. */
  container?: string
}

export type DnsResult =
  | { ok: true; /** fully qualified name that answered */ name: string; addresses: string[]; /** CNAME target, for ExternalName */ cname?: string; latencyMs: number }
  | { ok: false; error: 'NXDOMAIN' | 'SERVFAIL' | 'timeout'; latencyMs: number }

export type HttpResult =
  | { ok: true; status: number; body: string; /** the pod that answered */ servedBy?: string; latencyMs: number }
  | { ok: false; error: 'refused' | 'timeout' | 'unreachable' | 'bad-address'; message: string; latencyMs: number }

export type TcpResult = { ok: true; latencyMs: number } | { ok: false; error: 'refused' | 'timeout' | 'unreachable' | 'bad-address'; latencyMs: number }

export interface PodNetwork {
  /** DNS lookup as the pod's resolver does it (search path and ndots:5 from its resolv.conf). */
  resolve(c: Cluster, from: NetOrigin, name: string): DnsResult
  /** An HTTP request (`wget`, `curl`, httpGet probes). `url` may use a name, a Service IP or a pod IP. */
  http(c: Cluster, from: NetOrigin, url: string, opts?: { method?: string; timeoutMs?: number }): HttpResult
  /** A TCP connect (`nc -z`, tcpSocket probes). */
  tcp(c: Cluster, from: NetOrigin, host: string, port: number, opts?: { timeoutMs?: number }): TcpResult
}

let current: PodNetwork | undefined

/** Installed by the network module at import time. */
export function setPodNetwork(net: PodNetwork): void {
  current = net
}

export function podNetwork(): PodNetwork {
  if (!current) throw new Error('no pod network installed (engine wiring not loaded)')
  return current
}
