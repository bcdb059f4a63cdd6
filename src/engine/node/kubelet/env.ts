// The environment a container sees: spec env (values and simple valueFrom), Service link
// variables of the namespace (k/k pkg/kubelet/envvars/envvars.go FromServices), HOSTNAME and
// the kubernetes Service variables.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'

 
type Json = any

function envName(svc: string): string {
  return svc.toUpperCase().replace(/-/g, '_')
}

function serviceVars(svc: KObject, out: Record<string, string>): void {
  const ip = svc.spec?.clusterIP
  if (!ip || ip === 'None') return
  const ports: Json[] = svc.spec?.ports ?? []
  if (!ports.length) return
  const n = envName(svc.metadata.name)
  out[`${n}_SERVICE_HOST`] = ip
  out[`${n}_SERVICE_PORT`] = String(ports[0].port)
  for (const p of ports) if (p.name) out[`${n}_SERVICE_PORT_${envName(p.name)}`] = String(p.port)
  const proto0 = (ports[0].protocol ?? 'TCP').toLowerCase()
  out[`${n}_PORT`] = `${proto0}://${ip}:${ports[0].port}`
  for (const p of ports) {
    const proto = p.protocol ?? 'TCP'
    const pre = `${n}_PORT_${p.port}_${proto}`
    out[pre] = `${proto.toLowerCase()}://${ip}:${p.port}`
    out[`${pre}_PROTO`] = proto.toLowerCase()
    out[`${pre}_PORT`] = String(p.port)
    out[`${pre}_ADDR`] = ip
  }
}

function fieldRef(pod: KObject, path: string, node: string, hostIP: string): string {
  switch (path) {
    case 'metadata.name': return pod.metadata.name
    case 'metadata.namespace': return pod.metadata.namespace ?? 'default'
    case 'metadata.uid': return pod.metadata.uid
    case 'spec.nodeName': return node
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? 'default'
    case 'status.podIP': return pod.status?.podIP ?? ''
    case 'status.hostIP': return hostIP
  }
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path)
  if (m) return (pod.metadata[m[1] as 'labels' | 'annotations'] ?? {})[m[2]] ?? ''
  return ''
}

export function containerEnv(c: Cluster, pod: KObject, container: Json, node: string, hostIP: string, podIP?: string): Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default'
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.spec?.hostname ?? pod.metadata.name,
  }
  if (pod.spec?.enableServiceLinks !== false) {
    for (const svc of c.api.list('services', { namespace: ns })) if (svc.metadata.name !== 'kubernetes') serviceVars(svc, env)
  }
  const k = c.api.get('services', 'default', 'kubernetes')
  const kip = k?.spec?.clusterIP ?? '10.96.0.1'
  Object.assign(env, {
    KUBERNETES_SERVICE_HOST: kip,
    KUBERNETES_SERVICE_PORT: '443',
    KUBERNETES_SERVICE_PORT_HTTPS: '443',
    KUBERNETES_PORT: `tcp://${kip}:443`,
    KUBERNETES_PORT_443_TCP: `tcp://${kip}:443`,
    KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
    KUBERNETES_PORT_443_TCP_PORT: '443',
    KUBERNETES_PORT_443_TCP_ADDR: kip,
  })
  const withIP = podIP ? { ...pod, status: { ...(pod.status ?? {}), podIP } } : pod
  for (const e of (container.env ?? []) as Json[]) {
    const secret: Json = e?.valueFrom?.secretKeyRef ? c.api.get('secrets', ns, e.valueFrom.secretKeyRef.name) : undefined
    if (!e?.name) continue
    if (e.value !== undefined) env[e.name] = String(e.value).replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m: string, v: string) => env[v] ?? m)
    else if (e.valueFrom?.fieldRef) env[e.name] = fieldRef(withIP, e.valueFrom.fieldRef.fieldPath, node, hostIP)
    else if (e.valueFrom?.configMapKeyRef) {
      const cm: Json = c.api.get('configmaps', ns, e.valueFrom.configMapKeyRef.name)
      env[e.name] = cm?.data?.[e.valueFrom.configMapKeyRef.key] ?? ''
    }
    else if (e.valueFrom?.secretKeyRef) {
      const key: string = e.valueFrom.secretKeyRef.key
      const v: string | undefined = secret?.data?.[key]
      env[e.name] = v ? decodeBase64(v) : (secret?.stringData?.[key] ?? '')
    }
  }
  return env
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
function decodeBase64(s: string): string {
  let bits = 0, val = 0, out = ''
  for (const ch of s.replace(/=+$/, '')) {
    const i = B64.indexOf(ch)
    if (i < 0) continue
    val = (val << 6) | i
    bits += 6
    if (bits >= 8) { bits -= 8; out += String.fromCharCode((val >> bits) & 0xff) }
  }
  return out
}
