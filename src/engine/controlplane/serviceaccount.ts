// Per-namespace defaults: the `default` ServiceAccount (serviceaccounts-controller,
// k/k pkg/controller/serviceaccount/serviceaccounts_controller.go) and the kube-root-ca.crt
// ConfigMap (root-ca-cert-publisher, k/k pkg/controller/certificates/rootcacertpublisher/publisher.go).
import type { Cluster } from '../cluster'
import type { WatchEvent } from '../api/types'
import { registerComponents } from '../registry'

export const SA_CONTROLLER = 'serviceaccount-controller'
export const ROOT_CA_PUBLISHER = 'root-ca-cert-publisher'
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt'

/** A stand-in cluster CA (the simulation does no TLS). */
export const ROOT_CA_PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBTCCAe2gAwIBAgIIPodflowSimCA0wDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE',
  'AxMKa3ViZXJuZXRlczAeFw0yNTAzMDEwOTAwMDBaFw0zNTAyMjcwOTAwMDBaMBUx',
  'EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK',
  '-----END CERTIFICATE-----',
  '',
].join('\n')

export function ensureNamespaceDefaults(c: Cluster, ns: string): void {
  const nsObj = c.client(SA_CONTROLLER).get('namespaces', undefined, ns)
  if (!nsObj || nsObj.metadata.deletionTimestamp) return
  const sa = c.client(SA_CONTROLLER)
  if (!sa.get('serviceaccounts', ns, 'default')) sa.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } })
  const ca = c.client(ROOT_CA_PUBLISHER)
  const cm = ca.get('configmaps', ns, ROOT_CA_CONFIGMAP)
  if (!cm) {
    ca.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }, data: { 'ca.crt': ROOT_CA_PEM } })
  } else if ((cm.data as Record<string, string> | undefined)?.['ca.crt'] !== ROOT_CA_PEM) {
    ca.mutate('configmaps', ns, ROOT_CA_CONFIGMAP, (o) => {
      o.data = { 'ca.crt': ROOT_CA_PEM }
    })
  }
}

function onWatch(c: Cluster, events: WatchEvent[]): void {
  const names = new Set<string>()
  for (const e of events) {
    if (e.plural === 'namespaces') { if (e.type !== 'DELETED') names.add(e.object.metadata.name); continue }
    const m = e.object.metadata
    if ((e.plural === 'serviceaccounts' && m.name === 'default') || (e.plural === 'configmaps' && m.name === ROOT_CA_CONFIGMAP)) names.add(m.namespace ?? 'default')
  }
  for (const n of [...names].sort()) ensureNamespaceDefaults(c, n)
}

registerComponents(() => [{
  name: SA_CONTROLLER,
  watches: ['namespaces', 'serviceaccounts', 'configmaps'],
  accepts: (plural, obj) => plural === 'namespaces' || obj.metadata.name === 'default' || obj.metadata.name === ROOT_CA_CONFIGMAP,
  onEvents: onWatch,
}])
