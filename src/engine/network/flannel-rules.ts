// flanneld's own iptables rules with --ip-masq (flannel pkg/trafficmngr/iptables/iptables.go
// MasqRules, ForwardRules; fidelity §7.5): pod↔pod keeps pod addresses, pod → outside is
// masqueraded to the node, and the node's forward chain accepts the pod network.
import { addRule, comment, MASQ_MARK, type Table } from './kubeproxy/rule'
import { CLUSTER_CIDR } from './topology'

export function flannelRules(nat: Table, filter: Table, podCIDR: string): void {
  const masq = comment('flanneld masq')
  addRule(nat, { chain: 'POSTROUTING', matches: [masq], target: 'FLANNEL-POSTRTG' })
  addRule(nat, { chain: 'FLANNEL-POSTRTG', matches: [{ m: 'mark', value: MASQ_MARK, mask: MASQ_MARK }, masq], target: 'RETURN' })
  addRule(nat, { chain: 'FLANNEL-POSTRTG', src: podCIDR, dst: CLUSTER_CIDR, matches: [masq], target: 'RETURN' })
  addRule(nat, { chain: 'FLANNEL-POSTRTG', src: CLUSTER_CIDR, dst: podCIDR, matches: [masq], target: 'RETURN' })
  addRule(nat, { chain: 'FLANNEL-POSTRTG', src: CLUSTER_CIDR, srcNot: true, dst: podCIDR, matches: [masq], target: 'RETURN' })
  addRule(nat, { chain: 'FLANNEL-POSTRTG', src: CLUSTER_CIDR, dst: '224.0.0.0/4', dstNot: true, matches: [masq], target: 'MASQUERADE', randomFully: true })
  addRule(nat, { chain: 'FLANNEL-POSTRTG', src: CLUSTER_CIDR, srcNot: true, dst: CLUSTER_CIDR, matches: [masq], target: 'MASQUERADE', randomFully: true })
  const fwd = comment('flanneld forward')
  addRule(filter, { chain: 'FORWARD', matches: [fwd], target: 'FLANNEL-FWD' })
  addRule(filter, { chain: 'FLANNEL-FWD', src: CLUSTER_CIDR, matches: [fwd], target: 'ACCEPT' })
  addRule(filter, { chain: 'FLANNEL-FWD', dst: CLUSTER_CIDR, matches: [fwd], target: 'ACCEPT' })
}
