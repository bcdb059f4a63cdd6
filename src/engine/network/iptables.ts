// Each node's netfilter tables: kube-proxy's rules (from its view of Services and EndpointSlices;
// on a partitioned node the view it had when the link went down) plus flanneld's masquerade and
// forward rules. Cached per write counts, so rules are rewritten whenever endpoints change.
import type { Cluster } from '../cluster'
import { memo } from './cache'
import { flannelRules } from './flannel-rules'
import { kubeProxyTables } from './kubeproxy/sync'
import { saveTable } from './kubeproxy/save'
import { servicePorts } from './kubeproxy/service-ports'
import type { Table } from './kubeproxy/rule'
import { peekNetState } from './state'
import { topology } from './topology'

export interface NodeTables {
  nat: Table
  filter: Table
}

/**
 * kube-proxy writes the same rules on every node unless a Service has a Local traffic policy:
 * then they are built once and each node only adds flannel's chains.
 */
function sharedTables(c: Cluster): NodeTables | undefined {
  return memo(c, 'kube-proxy-shared-tables', ['services', 'endpointslices'], () => {
    const ports = servicePorts(c)
    return ports.some((p) => p.internalLocal || p.externalLocal) ? undefined : kubeProxyTables(ports, '')
  })
}

/** A copy that shares the rule lists, with its own lists for the chains flanneld appends to. */
function forNode(t: Table, ownChains: string[]): Table {
  const byChain = { ...t.byChain }
  for (const ch of ownChains) byChain[ch] = [...(byChain[ch] ?? [])]
  return { ...t, chains: [...t.chains], byChain }
}

export function nodeTables(c: Cluster, node: string): NodeTables | undefined {
  return memo(c, 'iptables:' + node, ['services', 'endpointslices', 'nodes'], () => {
    const f = topology(c).byName[node]
    if (!f) return undefined
    const frozen = peekNetState(c)?.frozen[node]
    const shared = frozen ? undefined : sharedTables(c)
    const t = shared ? { nat: forNode(shared.nat, ['POSTROUTING']), filter: forNode(shared.filter, ['FORWARD']) } : kubeProxyTables(frozen ?? servicePorts(c), node)
    if (f.podCIDR) flannelRules(t.nat, t.filter, f.podCIDR)
    return t
  })
}

/** `iptables-save -t TABLE` on a node; undefined for an unknown node. */
export function iptablesSave(c: Cluster, node: string, table: 'nat' | 'filter' = 'nat'): string | undefined {
  const t = nodeTables(c, node)
  return t ? saveTable(t[table], c.now) : undefined
}
