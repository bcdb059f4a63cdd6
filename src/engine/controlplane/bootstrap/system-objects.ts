// Bootstrap step 20: what kubeadm init + the CNI manifest leave in the API — namespaces, the
// kubernetes and kube-dns Services, CoreDNS, kube-proxy, flannel and metrics-server. Created
// through the API as kubeadm does, so admission defaulting applies.
import type { Cluster } from '../../cluster'
import type { NewObject } from '../../api/types'
import { onBootstrap, registerComponents } from '../../registry'
import { namespaceObjects } from './namespaces'
import { ensureKubernetesService } from './kubernetes-service'
import { corednsObjects } from './coredns'
import { kubeProxyObjects } from './kube-proxy'
import { flannelObjects } from './flannel'
import { metricsServerObjects } from './metrics-server'

export const KUBEADM = 'kubeadm'

/** Everything step 20 creates, in creation order (namespaces first). */
export function systemObjects(c: Cluster): NewObject[] {
  return [
    ...namespaceObjects(),
    ...corednsObjects(),
    ...kubeProxyObjects(),
    ...flannelObjects(c.state.config.network.backend),
    ...metricsServerObjects(),
  ]
}

export function bootstrapSystemObjects(c: Cluster): string[] {
  const api = c.client(KUBEADM)
  const failures: string[] = []
  const objs = systemObjects(c)
  for (const obj of objs.slice(0, 5)) {
    const r = api.create(obj)
    if (!r.ok && r.status.reason !== 'AlreadyExists') failures.push(`${obj.kind}/${obj.metadata.name}: ${r.status.message}`)
  }
  ensureKubernetesService(c)
  for (const obj of objs.slice(5)) {
    const r = api.create(obj)
    if (!r.ok && r.status.reason !== 'AlreadyExists') failures.push(`${obj.kind}/${obj.metadata.name}: ${r.status.message}`)
  }
  return failures
}

onBootstrap(20, 'system-objects', (c) => {
  bootstrapSystemObjects(c)
})

// The apiserver keeps `kubernetes` Service, Endpoints and EndpointSlice in place.
registerComponents(() => [{
  name: 'kube-apiserver/kubernetes-service',
  watches: ['services', 'endpoints', 'endpointslices'],
  accepts: (_plural, obj) => obj.metadata.name === 'kubernetes' && obj.metadata.namespace === 'default',
  onEvents: (c, events) => {
    if (events.some((e) => e.type === 'DELETED')) ensureKubernetesService(c)
  },
}])
