// A small cluster built straight through the API (no controllers): Services with the fields
// the stub reads set by hand, pods with IPs, readiness and running containers.
import type { Cluster } from '../../../../src/engine/cluster'
import type { KObject } from '../../../../src/engine/api/types'
import { bareCluster } from '../../node/shell/host'

export function addPod(c: Cluster, ns: string, name: string, ip: string, image: string, labels: Record<string, string>, opts: { ready?: boolean; node?: string; ports?: number[]; hostname?: string; subdomain?: string } = {}): KObject {
  const r = c.api.create({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels },
    spec: { nodeName: opts.node ?? 'worker-1', hostname: opts.hostname, subdomain: opts.subdomain, containers: [{ name: 'main', image, ports: (opts.ports ?? []).map((p) => ({ containerPort: p })) }] },
    status: {
      phase: 'Running', podIP: ip, podIPs: [{ ip }],
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
      containerStatuses: [{ name: 'main', ready: opts.ready !== false, state: { running: { startedAt: '2025-03-01T09:00:00Z' } } }],
    },
  })
  if (!r.ok) throw new Error(r.status.message)
  return r.value
}

export function addService(c: Cluster, ns: string, name: string, spec: Record<string, unknown>): KObject {
  const r = c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec })
  if (!r.ok) throw new Error(r.status.message)
  return r.value
}

export function demoCluster(): Cluster {
  const c = bareCluster(['default', 'shop', 'kube-system'])
  addService(c, 'kube-system', 'kube-dns', { clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }] })
  addPod(c, 'kube-system', 'coredns-abc', '10.244.0.2', 'registry.k8s.io/coredns/coredns:v1.11.1', { 'k8s-app': 'kube-dns' }, { node: 'control-plane' })
  addService(c, 'default', 'kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] })
  addService(c, 'default', 'mysql-service', { clusterIP: '10.104.2.7', selector: { app: 'mysql' }, ports: [{ port: 3306, targetPort: 3306 }] })
  addPod(c, 'default', 'mysql-1', '10.244.1.5', 'mysql:8.0', { app: 'mysql' })
  addService(c, 'shop', 'web', { clusterIP: '10.96.1.2', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] })
  const web = addPod(c, 'shop', 'web-1', '10.244.2.3', 'nginx:1.25', { app: 'web' }, { node: 'worker-2' })
  c.api.mutate('pods', 'shop', 'web-1', (p) => { p.spec.containers[0].ports = [{ name: 'http', containerPort: 80 }] })
  void web
  addService(c, 'default', 'empty', { clusterIP: '10.96.0.5', selector: { app: 'nothing' }, ports: [{ port: 80 }] })
  addService(c, 'default', 'db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] })
  addPod(c, 'default', 'db-0', '10.244.1.10', 'postgres:16', { app: 'db' }, { hostname: 'db-0', subdomain: 'db' })
  addPod(c, 'default', 'db-1', '10.244.2.11', 'postgres:16', { app: 'db' }, { hostname: 'db-1', subdomain: 'db' })
  addPod(c, 'default', 'db-2', '10.244.1.12', 'postgres:16', { app: 'db' }, { hostname: 'db-2', subdomain: 'db' })
  addPod(c, 'default', 'db-3', '10.244.2.13', 'postgres:16', { app: 'db' }, { hostname: 'db-3', subdomain: 'db', ready: false })
  addService(c, 'default', 'ext', { type: 'ExternalName', externalName: 'example.com' })
  addService(c, 'default', 'app', { clusterIP: '10.96.3.3', selector: { app: 'custom' }, ports: [{ port: 80, targetPort: 8080 }] })
  addPod(c, 'default', 'custom-1', '10.244.1.20', 'example.org/team/app:v3', { app: 'custom' }, { ports: [8080] })
  addService(c, 'default', 'sleepy', { clusterIP: '10.96.4.4', selector: { app: 'sleepy' }, ports: [{ port: 80 }] })
  addPod(c, 'default', 'sleepy-1', '10.244.1.21', 'busybox:1.28', { app: 'sleepy' })
  c.advance(10_000)
  return c
}
