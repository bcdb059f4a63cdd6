// kube-proxy's chain names: a 16-character base32 prefix of sha256 over the service port name and
// protocol (and the endpoint), so names fit iptables' 28-character limit and stay stable across
// restarts. (k/k pkg/proxy/iptables/proxier.go portProtoHash, servicePortPolicyClusterChain,
// servicePortEndpointChainName)
import { base32, sha256 } from '../../sim/sha256'

/** "default/kubernetes:https" + "tcp" → "NPX46M4PTMTKRN6Y" */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return base32(sha256(servicePortName + protocol.toLowerCase())).slice(0, 16)
}

export function serviceChains(servicePortName: string, protocol: string): { svc: string; svl: string; ext: string; fw: string } {
  const h = portProtoHash(servicePortName, protocol)
  return { svc: 'KUBE-SVC-' + h, svl: 'KUBE-SVL-' + h, ext: 'KUBE-EXT-' + h, fw: 'KUBE-FW-' + h }
}

/** KUBE-SEP-… for one endpoint "ip:port" of a service port. */
export function endpointChain(servicePortName: string, protocol: string, endpoint: string): string {
  return 'KUBE-SEP-' + base32(sha256(servicePortName + protocol.toLowerCase() + endpoint)).slice(0, 16)
}

/** ServicePortName.String(): "ns/name", plus ":port" for a named port. */
export function servicePortName(namespace: string, name: string, portName: string | undefined): string {
  return `${namespace}/${name}${portName ? ':' + portName : ''}`
}
