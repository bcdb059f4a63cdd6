// kube-proxy's syncProxyRules for one node (iptables mode, v1.30): the nat and filter tables it
// writes with iptables-restore, from its view of Services and EndpointSlices. Follows
// k/k pkg/proxy/iptables/proxier.go (syncProxyRules, writeServiceToEndpointRules,
// iptablesJumpChains) rule by rule; localDetector is the clusterCIDR 10.244.0.0/16.
import { CLUSTER_CIDR } from '../topology'
import { addChain, addRule, comment, MASQ_MARK, newTable, statisticProbability, type Match, type Table } from './rule'
import { categorize, type EndpointInfo, type ServicePortInfo } from './service-ports'

type Proto = 'tcp' | 'udp' | 'sctp'
const NEW: Match = { m: 'conntrack', ctstate: ['NEW'] }

/** The jump rules kube-proxy (and the kubelet) ensure in the built-in chains, in the order they end up. */
function jumps(nat: Table, filter: Table): void {
  const portals = comment('kubernetes service portals')
  addRule(nat, { chain: 'PREROUTING', matches: [portals], target: 'KUBE-SERVICES' })
  addRule(nat, { chain: 'OUTPUT', matches: [portals], target: 'KUBE-SERVICES' })
  addRule(nat, { chain: 'POSTROUTING', matches: [comment('kubernetes postrouting rules')], target: 'KUBE-POSTROUTING' })
  const lbfw = comment('kubernetes load balancer firewall')
  const visible = comment('kubernetes externally-visible service portals')
  // EnsureRule(Prepend) per jump: the last ensured ends up first.
  addRule(filter, { chain: 'INPUT', matches: [NEW, lbfw], target: 'KUBE-PROXY-FIREWALL' })
  addRule(filter, { chain: 'INPUT', matches: [comment('kubernetes health check service ports')], target: 'KUBE-NODEPORTS' })
  addRule(filter, { chain: 'INPUT', matches: [NEW, visible], target: 'KUBE-EXTERNAL-SERVICES' })
  addRule(filter, { chain: 'INPUT', matches: [], target: 'KUBE-FIREWALL' })
  addRule(filter, { chain: 'FORWARD', matches: [NEW, lbfw], target: 'KUBE-PROXY-FIREWALL' })
  addRule(filter, { chain: 'FORWARD', matches: [comment('kubernetes forwarding rules')], target: 'KUBE-FORWARD' })
  addRule(filter, { chain: 'FORWARD', matches: [NEW, portals], target: 'KUBE-SERVICES' })
  addRule(filter, { chain: 'FORWARD', matches: [NEW, visible], target: 'KUBE-EXTERNAL-SERVICES' })
  addRule(filter, { chain: 'OUTPUT', matches: [NEW, lbfw], target: 'KUBE-PROXY-FIREWALL' })
  addRule(filter, { chain: 'OUTPUT', matches: [NEW, portals], target: 'KUBE-SERVICES' })
  addRule(filter, { chain: 'OUTPUT', matches: [], target: 'KUBE-FIREWALL' })
}

/** The chains written every sync regardless of Services, and the kubelet's KUBE-FIREWALL. */
function fixedChains(nat: Table, filter: Table): void {
  for (const ch of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL', 'KUBE-FIREWALL', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY']) addChain(filter, ch)
  for (const ch of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY']) addChain(nat, ch)
  addRule(nat, { chain: 'KUBE-POSTROUTING', matches: [{ m: 'mark', invert: true, value: MASQ_MARK, mask: MASQ_MARK }], target: 'RETURN' })
  // --xor-mark 0x4000 clears the mark so a re-traversing packet is not masqueraded twice.
  addRule(nat, { chain: 'KUBE-POSTROUTING', matches: [], target: 'MARK', setXmark: [MASQ_MARK, 0] })
  addRule(nat, { chain: 'KUBE-POSTROUTING', matches: [comment('kubernetes service traffic requiring SNAT')], target: 'MASQUERADE', randomFully: true })
  addRule(nat, { chain: 'KUBE-MARK-MASQ', matches: [], target: 'MARK', setXmark: [MASQ_MARK, MASQ_MARK] })
  addRule(filter, {
    chain: 'KUBE-FIREWALL', src: '127.0.0.0/8', srcNot: true, dst: '127.0.0.0/8',
    matches: [comment('block incoming localnet connections'), { m: 'conntrack', invert: true, ctstate: ['RELATED', 'ESTABLISHED', 'DNAT'] }], target: 'DROP',
  })
}

const portMatch = (proto: Proto, dport?: number): Match => ({ m: proto, dport })

function writeServiceToEndpointRules(nat: Table, sp: ServicePortInfo, chain: string, eps: EndpointInfo[]): void {
  if (sp.affinity) {
    for (const ep of eps) {
      addRule(nat, { chain, matches: [comment(`${sp.nameString} -> ${ep.endpoint}`), { m: 'recent', mode: 'rcheck', name: ep.chain, seconds: sp.stickySeconds, reap: true }], target: ep.chain })
    }
  }
  eps.forEach((ep, i) => {
    const matches: Match[] = [comment(`${sp.nameString} -> ${ep.endpoint}`)]
    if (i < eps.length - 1) matches.push({ m: 'statistic', probability: statisticProbability(eps.length - i) })
    addRule(nat, { chain, matches, target: ep.chain })
  })
}

function servicePortRules(nat: Table, filter: Table, sp: ServicePortInfo, node: string): void {
  const proto = sp.protocol.toLowerCase() as Proto
  const { cluster, local, reachable, hasAny } = categorize(sp, node)
  const usesClusterChain = cluster.length > 0 && (!sp.internalLocal || (sp.externallyAccessible && !sp.externalLocal))
  const usesLocalChain = local.length > 0 && (sp.internalLocal || sp.externalLocal)
  const internalChain = sp.internalLocal ? sp.chains.svl : sp.chains.svc
  const hasInternal = hasAny && (!sp.internalLocal || local.length > 0)
  const externalPolicyChain = sp.externalLocal ? sp.chains.svl : sp.chains.svc
  const hasExternal = hasAny && (!sp.externalLocal || local.length > 0)
  const usesExtChain = hasAny && sp.externallyAccessible
  const noEndpoints = `${sp.nameString} has no endpoints`
  const noLocal = `${sp.nameString} has no local endpoints`
  const internalFilter = !hasAny ? 'REJECT' : 'DROP'
  const filterComment = !hasAny ? noEndpoints : noLocal
  const reject = (target: string) => (target === 'REJECT' ? { rejectWith: 'icmp-port-unreachable' } : {})
  const dst = `${sp.clusterIP}/32`

  if (hasInternal) addRule(nat, { chain: 'KUBE-SERVICES', dst, proto, matches: [comment(`${sp.nameString} cluster IP`), portMatch(proto, sp.port)], target: internalChain })
  else addRule(filter, { chain: 'KUBE-SERVICES', dst, proto, matches: [comment(filterComment), portMatch(proto, sp.port)], target: internalFilter, ...reject(internalFilter) })

  for (const ip of sp.externalIPs) {
    if (hasAny) addRule(nat, { chain: 'KUBE-SERVICES', dst: `${ip}/32`, proto, matches: [comment(`${sp.nameString} external IP`), portMatch(proto, sp.port)], target: sp.chains.ext })
    if (!hasExternal) addRule(filter, { chain: 'KUBE-EXTERNAL-SERVICES', dst: `${ip}/32`, proto, matches: [comment(filterComment), portMatch(proto, sp.port)], target: internalFilter, ...reject(internalFilter) })
  }
  for (const ip of sp.loadBalancerIPs) {
    if (hasAny) addRule(nat, { chain: 'KUBE-SERVICES', dst: `${ip}/32`, proto, matches: [comment(`${sp.nameString} loadbalancer IP`), portMatch(proto, sp.port)], target: sp.chains.ext })
    if (!hasExternal) addRule(filter, { chain: 'KUBE-EXTERNAL-SERVICES', dst: `${ip}/32`, proto, matches: [comment(filterComment), portMatch(proto, sp.port)], target: internalFilter, ...reject(internalFilter) })
  }
  if (sp.nodePort) {
    if (hasAny) addRule(nat, { chain: 'KUBE-NODEPORTS', proto, matches: [comment(sp.nameString), portMatch(proto, sp.nodePort)], target: sp.chains.ext })
    if (!hasExternal) addRule(filter, { chain: 'KUBE-EXTERNAL-SERVICES', proto, matches: [comment(filterComment), { m: 'addrtype', dstType: 'LOCAL' }, portMatch(proto, sp.nodePort)], target: internalFilter, ...reject(internalFilter) })
  }

  if (hasInternal) {
    // localDetector.IfNotLocal(): off-cluster sources reaching a ClusterIP are masqueraded.
    addRule(nat, { chain: internalChain, src: CLUSTER_CIDR, srcNot: true, dst, proto, matches: [comment(`${sp.nameString} cluster IP`), portMatch(proto, sp.port)], target: 'KUBE-MARK-MASQ' })
  }
  if (usesExtChain) {
    const ext = sp.chains.ext
    addChain(nat, ext)
    if (!sp.externalLocal) {
      addRule(nat, { chain: ext, matches: [comment(`masquerade traffic for ${sp.nameString} external destinations`)], target: 'KUBE-MARK-MASQ' })
    } else {
      addRule(nat, { chain: ext, src: CLUSTER_CIDR, matches: [comment(`pod traffic for ${sp.nameString} external destinations`)], target: sp.chains.svc })
      addRule(nat, { chain: ext, matches: [comment(`masquerade LOCAL traffic for ${sp.nameString} external destinations`), { m: 'addrtype', srcType: 'LOCAL' }], target: 'KUBE-MARK-MASQ' })
      addRule(nat, { chain: ext, matches: [comment(`route LOCAL traffic for ${sp.nameString} external destinations`), { m: 'addrtype', srcType: 'LOCAL' }], target: sp.chains.svc })
    }
    if (hasExternal) addRule(nat, { chain: ext, matches: [], target: externalPolicyChain })
  }
  if (usesClusterChain) {
    addChain(nat, sp.chains.svc)
    writeServiceToEndpointRules(nat, sp, sp.chains.svc, cluster)
  }
  if (usesLocalChain) {
    addChain(nat, sp.chains.svl)
    writeServiceToEndpointRules(nat, sp, sp.chains.svl, local)
  }
  for (const ep of reachable) {
    addChain(nat, ep.chain)
    // Hairpin: a pod reaching itself through the Service is masqueraded.
    addRule(nat, { chain: ep.chain, src: `${ep.ip}/32`, matches: [comment(sp.nameString)], target: 'KUBE-MARK-MASQ' })
    const matches: Match[] = [comment(sp.nameString)]
    if (sp.affinity) matches.push({ m: 'recent', mode: 'set', name: ep.chain })
    matches.push(portMatch(proto))
    addRule(nat, { chain: ep.chain, proto, matches, target: 'DNAT', toDestination: ep.endpoint })
  }
}

/** Both tables as kube-proxy leaves them on `node` (before flannel adds its chains). */
export function kubeProxyTables(ports: ServicePortInfo[], node: string): { nat: Table; filter: Table } {
  const nat = newTable('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'])
  const filter = newTable('filter', ['INPUT', 'FORWARD', 'OUTPUT'])
  jumps(nat, filter)
  fixedChains(nat, filter)
  for (const sp of ports) servicePortRules(nat, filter, sp, node)
  // The tail-call to KUBE-NODEPORTS must be the last rule of KUBE-SERVICES.
  addRule(nat, { chain: 'KUBE-SERVICES', matches: [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { m: 'addrtype', dstType: 'LOCAL' }], target: 'KUBE-NODEPORTS' })
  addRule(filter, { chain: 'KUBE-FORWARD', matches: [{ m: 'conntrack', ctstate: ['INVALID'] }], target: 'DROP' })
  addRule(filter, { chain: 'KUBE-FORWARD', matches: [comment('kubernetes forwarding rules'), { m: 'mark', value: MASQ_MARK, mask: MASQ_MARK }], target: 'ACCEPT' })
  addRule(filter, { chain: 'KUBE-FORWARD', matches: [comment('kubernetes forwarding conntrack rule'), { m: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED'] }], target: 'ACCEPT' })
  return { nat, filter }
}
