// Pod and pod-template defaulting. k/k pkg/apis/core/v1/defaults.go (SetDefaults_Pod,
// SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction,
// SetDefaults_Volume & volume-source defaults) and the v1↔core PodSpec conversion (serviceAccount).
 

type Obj = Record<string, any>

/** parsers.ParseImageName's tag: "latest" when there is neither a tag nor a digest. */
export function imageTag(image: string): string {
  const [ref, digest] = image.split('@')
  const lastSlash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  if (colon > lastSlash) return ref.slice(colon + 1)
  return digest ? '' : 'latest'
}

function defaultHandler(h: Obj | undefined): void {
  if (!h?.httpGet) return
  h.httpGet.path ??= '/' // SetDefaults_HTTPGetAction
  h.httpGet.scheme ??= 'HTTP'
}

export function defaultProbe(p: Obj | undefined): void {
  if (!p) return
  p.timeoutSeconds ??= 1
  p.periodSeconds ??= 10
  p.successThreshold ??= 1
  p.failureThreshold ??= 3
  defaultHandler(p)
}

/** SetDefaults_Container (also used for ephemeral containers). */
export function defaultContainer(ct: Obj): void {
  if (!ct.imagePullPolicy && typeof ct.image === 'string') ct.imagePullPolicy = imageTag(ct.image) === 'latest' ? 'Always' : 'IfNotPresent'
  ct.terminationMessagePath ??= '/dev/termination-log'
  ct.terminationMessagePolicy ??= 'File'
  ct.resources ??= {}
  for (const port of ct.ports ?? []) port.protocol ??= 'TCP' // SetDefaults_ContainerPort
  for (const e of ct.env ?? []) if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1' // SetDefaults_ObjectFieldSelector
  defaultProbe(ct.livenessProbe)
  defaultProbe(ct.readinessProbe)
  defaultProbe(ct.startupProbe)
  defaultHandler(ct.lifecycle?.postStart)
  defaultHandler(ct.lifecycle?.preStop)
}

const MODE_420 = 420 // v1.SecretVolumeSourceDefaultMode etc. (0644)

export function defaultVolume(v: Obj): void {
  const sources = Object.keys(v).filter((k) => k !== 'name')
  if (sources.length === 0) v.emptyDir = {} // SetDefaults_Volume
  if (v.secret) v.secret.defaultMode ??= MODE_420
  if (v.configMap) v.configMap.defaultMode ??= MODE_420
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= MODE_420
    for (const item of v.downwardAPI.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ??= 'v1'
  }
  if (v.projected) {
    v.projected.defaultMode ??= MODE_420
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600 // SetDefaults_ServiceAccountTokenProjection
      for (const item of s.downwardAPI?.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ??= 'v1'
    }
  }
  if (v.hostPath) v.hostPath.type ??= '' // SetDefaults_HostPathVolumeSource
}

/** SetDefaults_PodSpec (+ conversion of the deprecated serviceAccount field). Used for pods and templates. */
export function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ||= 'Always'
  spec.dnsPolicy ||= 'ClusterFirst'
  spec.securityContext ??= {}
  spec.terminationGracePeriodSeconds ??= 30
  spec.schedulerName ||= 'default-scheduler'
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName
  for (const ct of spec.initContainers ?? []) defaultContainer(ct)
  for (const ct of spec.containers ?? []) defaultContainer(ct)
  for (const ct of spec.ephemeralContainers ?? []) defaultContainer(ct)
  for (const v of spec.volumes ?? []) defaultVolume(v)
}

/** SetDefaults_Pod: pod-only defaults on top of the spec's (not applied to templates). */
export function defaultPod(pod: Obj): void {
  pod.spec ??= {}
  const spec = pod.spec
  defaultPodSpec(spec)
  for (const ct of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    // Requests default to limits (pods only, not templates).
    const lim = ct.resources?.limits
    if (!lim) continue
    ct.resources.requests ??= {}
    for (const k of Object.keys(lim)) if (!(k in ct.resources.requests)) ct.resources.requests[k] = lim[k]
  }
  spec.enableServiceLinks ??= true
  if (spec.hostNetwork) {
    // defaultHostNetworkPorts: hostPort = containerPort
    for (const ct of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) for (const p of ct.ports ?? []) p.hostPort ??= p.containerPort
  }
}

/** Template of a workload: metadata + spec defaulted like a pod spec. */
export function defaultPodTemplate(tpl: Obj | undefined): void {
  if (!tpl) return
  tpl.spec ??= {}
  defaultPodSpec(tpl.spec)
}
