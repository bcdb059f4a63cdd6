// Blocks shared by the describers: labels, annotations, taints, tolerations, events, containers,
// volumes, pod templates. Source: kubernetes/kubectl pkg/describe/describe.go (v1.30).
import type { Cluster, KObject } from '../../../engine'
import { rfc1123z, unixMs } from '../../../engine/sim/time'
import { eventsFor } from '../../../engine/api/events'
import { since, timeOf } from '../duration'
import { printBool, quantityString } from '../format'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer'

 

/** time.Time.Format(time.RFC1123Z) of an RFC3339 timestamp; Go's zero time when unset. */
export function rfc1123(ts: unknown): string {
  const t = timeOf(ts)
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000'
  return rfc1123z(unixMs(t))
}

/** printLabelsMultilineWithIndent. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`)
    w.write(LEVEL_0, `${k}=${labels![k]}\n`)
  })
}

const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])
const MAX_ANNOTATION_LEN = 140
const shorten = (s: string, max: number) => (s.length > max ? s.slice(0, max) + '...' : s)

/** printAnnotationsMultiline. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  const indent = '\t'
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    const value = annotations![k].replace(/\n$/, '')
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`)
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`)
    } else w.write(LEVEL_0, `${k}: ${value}\n`)
  })
}

/** printTaintsMultilineWithIndent: sorted by "effect,key"; Taint.ToString. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: any[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const ts = [...(taints ?? [])]
  if (ts.length === 0) {
    w.writeLine('<none>')
    return
  }
  const key = (t: any) => `${t.effect ?? ''},${t.key ?? ''}`
  ts.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  ts.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${t.value ? `${t.key}=${t.value}` : t.key}:${t.effect}\n`)
  })
}

/** printTolerationsMultilineWithIndent: sorted by key; "key=value:effect op=Exists for 300s". */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: any[] | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`)
  const ts = [...(tolerations ?? [])]
  if (ts.length === 0) {
    w.writeLine('<none>')
    return
  }
  ts.sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
  ts.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`)
    let s = t.key ?? ''
    if (t.value) s += `=${t.value}`
    if (t.effect) s += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (typeof t.tolerationSeconds === 'number') s += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, s + '\n')
  })
}

/** DescribeEvents: sorted by lastTimestamp; Age "<last> (x<count> over <first>)" when count > 1. */
export function describeEvents(c: Cluster, events: KObject[], w: PrefixWriter): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  const sorted = events
    .map((e, i) => ({ e: e as any, i }))
    .sort((a, b) => (timeOf(a.e.lastTimestamp) ?? 0) - (timeOf(b.e.lastTimestamp) ?? 0) || a.i - b.i)
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const { e } of sorted) {
    const first = e.eventTime ? since(c, e.eventTime) : since(c, e.firstTimestamp)
    let interval = first
    if (e.series) interval = `${since(c, e.series.lastObservedTime)} (x${e.series.count} over ${first})`
    else if ((e.count ?? 0) > 1) interval = `${since(c, e.lastTimestamp)} (x${e.count} over ${first})`
    const source = e.source?.component || e.reportingController || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`)
  }
}

/** Events block for an object (kubectl describe fetches them by involvedObject). */
export function describeEventsFor(c: Cluster, obj: KObject, w: PrefixWriter): void {
  describeEvents(c, eventsFor(c, obj), w)
}

// ---- containers ----

/** DescribeProbe (v1.30 wording). */
export function describeProbe(p: any): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`
  if (p.httpGet) {
    const h = p.httpGet
    const scheme = String(h.scheme ?? 'HTTP').toLowerCase()
    const port = h.port === undefined ? '' : String(h.port)
    const host = h.host ?? ''
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host
    let path = h.path ?? ''
    if (path && !path.startsWith('/')) path = '/' + path
    return `http-get ${scheme}://${hostPort}${path} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function describeState(w: PrefixWriter, name: string, state: any): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${rfc1123(t.finishedAt)}\n`)
  } else w.write(LEVEL_2, `${name}:\tWaiting\n`)
}

function describeResources(w: PrefixWriter, res: any): void {
  for (const [title, list] of [['Limits', res?.limits], ['Requests', res?.requests]] as const) {
    const keys = Object.keys(list ?? {}).sort()
    if (keys.length > 0) w.write(LEVEL_2, `${title}:\n`)
    for (const k of keys) w.write(LEVEL_3, `${k}:\t${quantityString(list[k], k)}\n`)
  }
}

/** EnvValueRetriever for fieldRef env vars (the common downward-API fields). */
function fieldRefValue(pod: KObject | undefined, path: string): string {
  if (!pod) return ''
  const map: Record<string, unknown> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  }
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path)
  if (m) return (pod.metadata[m[1] as 'labels'] ?? {})[m[2]] ?? ''
  return String(map[path] ?? '')
}

function describeEnv(w: PrefixWriter, ctr: any, pod: KObject | undefined): void {
  const env: any[] = ctr.env ?? []
  if ((ctr.envFrom ?? []).length > 0) {
    w.write(LEVEL_2, 'Environment Variables from:\n')
    for (const ef of ctr.envFrom) {
      const from = ef.configMapRef ? 'ConfigMap' : 'Secret'
      const ref = ef.configMapRef ?? ef.secretRef ?? {}
      const optional = ref.optional === true ? 'true' : 'false'
      if (ef.prefix) w.write(LEVEL_3, `${ref.name}\t${from} with prefix '${ef.prefix}'\tOptional: ${optional}\n`)
      else w.write(LEVEL_3, `${ref.name}\t${from}\tOptional: ${optional}\n`)
    }
  }
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
      continue
    }
    const vf = e.valueFrom
    if (vf.fieldRef) w.write(LEVEL_3, `${e.name}:\t${fieldRefValue(pod, vf.fieldRef.fieldPath)} (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`)
    else if (vf.resourceFieldRef) w.write(LEVEL_3, `${e.name}:\t${vf.resourceFieldRef.resource}\n`)
    else if (vf.secretKeyRef) w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`)
    else if (vf.configMapKeyRef) w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`)
  }
}

function describeMounts(w: PrefixWriter, ctr: any): void {
  const mounts: any[] = [...(ctr.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw']
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`)
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
}

/** describeContainers: one block per container; statuses only for pods (not templates). */
export function describeContainers(w: PrefixWriter, label: string, containers: any[], statuses: any[] | undefined, pod: KObject | undefined, space = ''): void {
  const byName: Record<string, any> = {}
  for (const s of statuses ?? []) byName[s.name] = s
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const ctr of containers) {
    const st = statuses ? byName[ctr.name] : undefined
    w.write(LEVEL_1, `${space ? ' ' : ''}${ctr.name}:\n`)
    if (st) w.write(LEVEL_2, `Container ID:\t${st.containerID ?? ''}\n`)
    w.write(LEVEL_2, `Image:\t${ctr.image ?? ''}\n`)
    if (st) w.write(LEVEL_2, `Image ID:\t${st.imageID ?? ''}\n`)
    const ports: any[] = ctr.ports ?? []
    const portStr = ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')
    const hostStr = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ')
    w.write(LEVEL_2, portStr.includes(',') ? `Ports:\t${portStr}\n` : `Port:\t${portStr || '<none>'}\n`)
    w.write(LEVEL_2, hostStr.includes(',') ? `Host Ports:\t${hostStr}\n` : `Host Port:\t${hostStr || '<none>'}\n`)
    for (const [title, list] of [['Command', ctr.command], ['Args', ctr.args]] as const) {
      if (!list || list.length === 0) continue
      w.write(LEVEL_2, `${title}:\n`)
      for (const c of list as string[]) for (const s of String(c).split('\n')) w.write(LEVEL_3, `${s}\n`)
    }
    if (st) {
      describeState(w, 'State', st.state)
      if (st.lastState?.terminated) describeState(w, 'Last State', st.lastState)
      w.write(LEVEL_2, `Ready:\t${printBool(st.ready)}\n`)
      w.write(LEVEL_2, `Restart Count:\t${st.restartCount ?? 0}\n`)
    }
    describeResources(w, ctr.resources)
    if (ctr.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(ctr.livenessProbe)}\n`)
    if (ctr.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(ctr.readinessProbe)}\n`)
    if (ctr.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(ctr.startupProbe)}\n`)
    describeEnv(w, ctr, pod)
    describeMounts(w, ctr)
  }
}

/** describeVolumes. */
export function describeVolumes(w: PrefixWriter, volumes: any[] | undefined, space = ''): void {
  const vols = volumes ?? []
  if (vols.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const v of vols) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`)
    if (v.hostPath) {
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`)
    } else if (v.emptyDir) {
      const limit = v.emptyDir.sizeLimit ? String(v.emptyDir.sizeLimit) : '<unset>'
      w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`)
    } else if (v.configMap) {
      w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`)
    } else if (v.secret) {
      w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`)
    } else if (v.persistentVolumeClaim) {
      w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`)
    } else if (v.projected) {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
      for (const s of v.projected.sources ?? []) {
        const opt = (o: unknown) => (o === undefined || o === null ? '<nil>' : String(o))
        if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name}\n    SecretOptionalName:\t${opt(s.secret.optional)}\n`)
        else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
        else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name}\n    ConfigMapOptional:\t${opt(s.configMap.optional)}\n`)
        else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`)
      }
    } else if (v.downwardAPI) {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
      for (const it of v.downwardAPI.items ?? []) {
        if (it.fieldRef) w.write(LEVEL_3, `${it.fieldRef.fieldPath} -> ${it.path}\n`)
        else if (it.resourceFieldRef) w.write(LEVEL_3, `${it.resourceFieldRef.resource} -> ${it.path}\n`)
      }
    } else w.write(LEVEL_1, '<unknown>\n')
  }
}

/** DescribePodTemplate. */
export function describePodTemplate(w: PrefixWriter, template: any): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) {
    w.write(LEVEL_1, '<unset>')
    return
  }
  const spec = template.spec ?? {}
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations)
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ')
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, undefined, '  ')
  describeVolumes(w, spec.volumes, '  ')
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations)
}

/** printController: "Kind/name" of the controller owner, '' if none. */
export function controlledBy(obj: KObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller)
  return ref ? `${ref.kind}/${ref.name}` : ''
}
