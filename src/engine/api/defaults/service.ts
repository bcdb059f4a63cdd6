// Service defaulting. k/k pkg/apis/core/v1/defaults.go (SetDefaults_Service) and the IP-family
// fields the REST layer fills (pkg/registry/core/service/storage/alloc.go initIPFamilyFields).
 

export function externallyAccessible(spec: any): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0)
}

export function defaultService(svc: any): void {
  const spec = (svc.spec ??= {})
  spec.sessionAffinity ||= 'None'
  if (spec.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } }
  spec.type ||= 'ClusterIP'
  for (const p of spec.ports ?? []) {
    p.protocol ||= 'TCP'
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port
  }
  if (externallyAccessible(spec)) spec.externalTrafficPolicy ||= 'Cluster'
  if (['ClusterIP', 'NodePort', 'LoadBalancer'].includes(spec.type)) spec.internalTrafficPolicy ??= 'Cluster'
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true
  // clusterIP and clusterIPs mirror each other.
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP]
  if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0]
  if (spec.type !== 'ExternalName') {
    const headlessNoSelector = spec.clusterIP === 'None' && !Object.keys(spec.selector ?? {}).length
    spec.ipFamilyPolicy ||= headlessNoSelector ? 'RequireDualStack' : 'SingleStack'
    if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'] // single-stack IPv4 cluster
  }
  svc.status ??= { loadBalancer: {} }
}
