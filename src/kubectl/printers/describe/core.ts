// `kubectl describe` for services, endpoints, namespaces, configmaps, secrets, and the generic
// describer used for every other kind. Source: kubernetes/kubectl pkg/describe/describe.go (v1.30)
// describeService, describeEndpoints, describeNamespace, describeConfigMap, describeSecret,
// GenericDescriberFor/printUnstructuredContent/smartLabelFor.
import type { Cluster, KObject } from '../../../engine'
import { formatEndpoints } from '../table/core'
import { formatLabels } from '../format'
import { describeEventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common'
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './writer'

 

export function describeService(c: Cluster, svc: KObject): string {
  return tabbedString((w) => {
    const spec = svc.spec ?? {}
    w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`)
    printLabelsMultiline(w, 'Labels', svc.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations)
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`)
    w.write(LEVEL_0, `Type:\t${spec.type ?? 'ClusterIP'}\n`)
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
    w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length ? spec.ipFamilies.join(',') : '<none>'}\n`)
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
    w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length ? spec.clusterIPs.join(',') : '<none>'}\n`)
    if ((spec.externalIPs ?? []).length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
    if (spec.loadBalancerIP) w.write(LEVEL_0, `IP:\t${spec.loadBalancerIP}\n`)
    if (spec.type === 'ExternalName') w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
    const ingress: any[] = svc.status?.loadBalancer?.ingress ?? []
    if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(', ')}\n`)
    const ep = c.api.get('endpoints', svc.metadata.namespace, svc.metadata.name)
    for (const sp of (spec.ports ?? []) as any[]) {
      const name = sp.name || '<unset>'
      const proto = sp.protocol ?? 'TCP'
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${proto}\n`)
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? sp.port}/${proto}\n`)
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`)
      w.write(LEVEL_0, `Endpoints:\t${ep ? formatEndpoints(ep, new Set([sp.name ?? ''])) : ''}\n`)
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`)
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
    describeEventsFor(c, svc, w)
  })
}

export function describeEndpoints(c: Cluster, ep: KObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace}\n`)
    printLabelsMultiline(w, 'Labels', ep.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations)
    w.write(LEVEL_0, 'Subsets:\n')
    for (const ss of ((ep as any).subsets ?? []) as any[]) {
      w.write(LEVEL_1, `Addresses:\t${(ss.addresses ?? []).map((a: any) => a.ip).join(',') || '<none>'}\n`)
      w.write(LEVEL_1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a: any) => a.ip).join(',') || '<none>'}\n`)
      if ((ss.ports ?? []).length) {
        w.write(LEVEL_1, 'Ports:\n')
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
        w.write(LEVEL_2, '----\t----\t--------\n')
        for (const p of ss.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`)
      }
      w.write(LEVEL_0, '\n')
    }
    describeEventsFor(c, ep, w)
  })
}

export function describeNamespace(c: Cluster, ns: KObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`)
    printLabelsMultiline(w, 'Labels', ns.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations)
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
    const quotas = c.api.list('resourcequotas', { namespace: ns.metadata.name })
    const limits = c.api.list('limitranges', { namespace: ns.metadata.name })
    w.write(LEVEL_0, '\n')
    if (quotas.length === 0) w.write(LEVEL_0, 'No resource quota.\n')
    else for (const q of quotas) w.write(LEVEL_0, `Resource Quotas\n  Name:\t${q.metadata.name}\n`)
    w.write(LEVEL_0, '\n')
    if (limits.length === 0) w.write(LEVEL_0, 'No LimitRange resource.\n')
    else for (const l of limits) w.write(LEVEL_0, `Resource Limits\n  Name:\t${l.metadata.name}\n`)
  })
}

export function describeConfigMap(c: Cluster, cm: KObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`)
    printLabelsMultiline(w, 'Labels', cm.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations)
    w.write(LEVEL_0, '\nData\n====\n')
    const data = (cm.data ?? {}) as Record<string, string>
    for (const k of Object.keys(data).sort()) {
      w.write(LEVEL_0, `${k}:\n----\n`)
      w.write(LEVEL_0, `${data[k]}\n`)
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n')
    const bin = (cm.binaryData ?? {}) as Record<string, string>
    for (const k of Object.keys(bin).sort()) w.write(LEVEL_0, `${k}: ${base64Len(bin[k])} bytes\n`)
    w.write(LEVEL_0, '\n')
    describeEventsFor(c, cm, w)
  })
}

function base64Len(s: string): number {
  const clean = String(s).replace(/=+$/, '')
  return Math.floor((clean.length * 3) / 4)
}

export function describeSecret(_c: Cluster, s: KObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`)
    printLabelsMultiline(w, 'Labels', s.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations)
    w.write(LEVEL_0, `\nType:\t${(s.type as string) ?? 'Opaque'}\n`)
    w.write(LEVEL_0, '\nData\n====\n')
    const data = (s.data ?? {}) as Record<string, string>
    for (const k of Object.keys(data).sort()) w.write(LEVEL_0, `${k}:\t${base64Len(data[k])} bytes\n`)
  })
}

/** describe.go smartLabelFor: camelCase field → "Title Case" words, common acronyms upper-cased. */
export function smartLabelFor(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-+/g) ?? [field]
  return parts
    .map((p) => (['API', 'URL', 'UID', 'OSB', 'GUID'].includes(p.toUpperCase()) ? p.toUpperCase() : p[0].toUpperCase() + p.slice(1)))
    .join(' ')
}

const goValue = (v: unknown): string => (v === null ? '<nil>' : String(v))

function printUnstructured(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string, skip: Set<string>): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    const expr = `${prefix}.${field}`
    if (skip.has(expr)) continue
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printUnstructured(w, level + 1, value as Record<string, unknown>, expr, skip)
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructured(w, level + 1, child as Record<string, unknown>, expr, skip)
        else w.write(level + 1, `${goValue(child)}\n`)
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`)
  }
}

const GENERIC_SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'])

export function describeGeneric(c: Cluster, obj: KObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', obj.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
    printUnstructured(w, LEVEL_0, obj as unknown as Record<string, unknown>, '', GENERIC_SKIP)
    describeEventsFor(c, obj, w)
  })
}
