// Name resolution as packets: the pod's resolver walks its search path (ndots:5) and sends each
// query as a UDP datagram to kube-dns (10.96.0.10:53); kube-proxy's rules DNAT it to a CoreDNS
// pod like any other Service traffic, and CoreDNS answers from the cluster zone. busybox's
// resolver uses an unconnected UDP socket, so a REJECT's ICMP error never reaches it: without a
// reachable CoreDNS the lookup times out.
import type { Cluster } from '../../cluster'
import type { DnsResult, NetOrigin } from '../types'
import { clientOf, connect } from '../packet/conn'
import { recordPackets, takeRecordBudget } from '../packet/log'
import { DNS_MS, DNS_TIMEOUT_MS, localAnswer } from './client'
import { corednsEndpoints } from './coredns'
import { candidates, DNS_IP, lookupFqdn, type Answer } from './zone'

function answerText(a: Answer | undefined): string {
  if (!a) return 'NXDOMAIN'
  if (a.ptr) return `PTR ${a.ptr}`
  if (a.cname) return `CNAME ${a.cname}`
  return `A ${a.addresses.join(' ')}`
}

export function resolve(c: Cluster, from: NetOrigin, name: string): DnsResult {
  const pre = localAnswer(from, name)
  if ('done' in pre) return pre.done
  const client = clientOf(c, from)
  const record = takeRecordBudget(c)
  let latency = 0
  for (const fqdn of candidates(pre.ns, pre.query)) {
    const qtype = fqdn.endsWith('.in-addr.arpa') ? 'PTR' : 'A'
    const r = connect(c, client, { proto: 'UDP', dst: DNS_IP, dport: 53, to: 'svc/kube-system/kube-dns' }, { kind: 'dns', label: `${qtype}? ${fqdn}`, record, at: c.now + latency })
    latency += DNS_MS
    if (r.outcome !== 'delivered') {
      recordPackets(c, r.packets)
      return { ok: false, error: 'timeout', latencyMs: DNS_TIMEOUT_MS }
    }
    const a = lookupFqdn(c, fqdn, corednsEndpoints)
    const reply = r.packets[1]
    if (reply) {
      reply.phase = 'answer'
      reply.label = answerText(a)
      reply.outcome = a ? 'answered' : 'nxdomain'
    }
    if (r.packets[0]) r.packets[0].phase = 'query'
    recordPackets(c, r.packets)
    if (!a) continue
    if (a.ptr) return { ok: true, name: a.ptr, addresses: [], latencyMs: latency }
    return { ok: true, name: fqdn, addresses: a.addresses, cname: a.cname, latencyMs: latency }
  }
  return { ok: false, error: 'NXDOMAIN', latencyMs: latency }
}
