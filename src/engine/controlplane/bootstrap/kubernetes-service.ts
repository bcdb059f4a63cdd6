// The `kubernetes` Service in default and its endpoints, which the apiserver itself maintains
// (k/k pkg/controlplane/controller/kubernetesservice/controller.go, pkg/controlplane/reconcilers/
// lease.go): 10.96.0.1:443 → <advertise-address>:6443.
import type { Cluster } from '../../cluster'
import type { NewObject } from '../../api/types'

export const KUBERNETES_SERVICE_IP = '10.96.0.1'

export function apiserverAddress(c: Cluster): string {
  const cp = Object.values(c.state.machines).find((m) => m.role === 'control-plane')
  return cp?.ip ?? '192.168.56.10'
}

export function kubernetesService(): NewObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
    },
  }
}

export function kubernetesEndpoints(ip: string): NewObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  }
}

export function kubernetesEndpointSlice(ip: string): NewObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  }
}

/** Re-creates what is missing (the apiserver's reconcilers do this every 10 s). */
export function ensureKubernetesService(c: Cluster): void {
  const api = c.client('kube-apiserver')
  const ip = apiserverAddress(c)
  if (!api.get('namespaces', undefined, 'default')) return
  if (!api.get('services', 'default', 'kubernetes')) api.create(kubernetesService())
  if (!api.get('endpoints', 'default', 'kubernetes')) api.create(kubernetesEndpoints(ip))
  if (!api.get('endpointslices', 'default', 'kubernetes')) api.create(kubernetesEndpointSlice(ip))
}
