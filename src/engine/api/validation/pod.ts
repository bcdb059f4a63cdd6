// Pod and PodSpec validation. k/k pkg/apis/core/validation/validation.go (ValidatePodSpec,
// validateContainers, validateInitContainers, validateContainerPorts, validateEnv, validateProbe,
// ValidateResourceRequirements, validateTolerations, ValidatePodCreate, ValidatePodUpdate,
// ValidatePodEphemeralContainersUpdate, validateEphemeralContainers).
import { parseQuantity } from '../quantity'
import { canonicalQuantity } from './quantity-format'
import { duplicate, forbidden, invalid_, notFound, notSupported, required, type FieldError } from './errors'
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names'
import { validateLabels } from './meta'
import { deepEqual, nonNegative, portNumOrName } from './util'
 

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError']
const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage']
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

/** Quantity.String() for a value as the user wrote it (canonical enough for messages). */
export function quantityString(q: unknown): string {
  return canonicalQuantity(q)
}

function validateResources(res: any, path: string, isEphemeral = false): FieldError[] {
  const errs: FieldError[] = []
  if (!res) return errs
  const limits = res.limits ?? {}
  const requests = res.requests ?? {}
  for (const [kind, list] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const name of Object.keys(list)) {
      // validateContainerResourceName: a bare name must be a standard container resource.
      if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.includes(name) && !name.startsWith('hugepages-')) {
        errs.push(invalid_(`${path}.${kind}[${name}]`, name, 'must be a standard resource for containers'))
      }
    }
  }
  for (const [name, q] of Object.entries(limits)) {
    if (parseQuantity(q as string) < 0) errs.push(invalid_(`${path}.limits[${name}]`, quantityString(q), 'must be greater than or equal to 0'))
  }
  for (const [name, q] of Object.entries(requests)) {
    const v = parseQuantity(q as string)
    if (v < 0) errs.push(invalid_(`${path}.requests[${name}]`, quantityString(q), 'must be greater than or equal to 0'))
    if (name in limits) {
      const lim = parseQuantity(limits[name] as string)
      if (v > lim + 1e-12) errs.push(invalid_(`${path}.requests`, quantityString(q), `must be less than or equal to ${name} limit of ${quantityString(limits[name])}`))
    }
  }
  void isEphemeral
  return errs
}

function handlerErrors(h: any, path: string): FieldError[] {
  const kinds = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'].filter((k) => h[k] !== undefined && h[k] !== null)
  const errs: FieldError[] = []
  if (kinds.length === 0) return [required(path, 'must specify a handler type')]
  for (const k of kinds.slice(1)) errs.push(forbidden(`${path}.${k}`, 'may not specify more than 1 handler type'))
  if (h.exec && !(h.exec.command?.length)) errs.push(required(`${path}.exec.command`))
  if (h.httpGet) errs.push(...portNumOrName(h.httpGet.port, `${path}.httpGet.port`))
  if (h.httpGet && h.httpGet.scheme && !['HTTP', 'HTTPS'].includes(h.httpGet.scheme)) errs.push(notSupported(`${path}.httpGet.scheme`, h.httpGet.scheme, ['HTTP', 'HTTPS']))
  if (h.tcpSocket) errs.push(...portNumOrName(h.tcpSocket.port, `${path}.tcpSocket.port`))
  if (h.grpc) errs.push(...portNumOrName(h.grpc.port, `${path}.grpc.port`))
  return errs
}

function validateProbe(p: any, path: string, mustBeOne: boolean): FieldError[] {
  if (!p) return []
  const errs = handlerErrors(p, path)
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) errs.push(...nonNegative(p[f], `${path}.${f}`))
  if (mustBeOne && p.successThreshold !== undefined && p.successThreshold !== 1) errs.push(invalid_(`${path}.successThreshold`, p.successThreshold, 'must be 1'))
  return errs
}

type Kind = 'init' | 'app' | 'ephemeral'

function validateContainer(ct: any, path: string, kind: Kind, volumes: Set<string>, podRestartPolicy: string): FieldError[] {
  const errs: FieldError[] = []
  if (!ct.name) errs.push(required(`${path}.name`))
  else for (const m of isDNS1123Label(ct.name)) errs.push(invalid_(`${path}.name`, ct.name, m))
  if (!ct.image) errs.push(required(`${path}.image`))
  else if (ct.image !== String(ct.image).trim()) errs.push(invalid_(`${path}.image`, ct.image, 'must not have leading or trailing whitespace'))
  if (ct.imagePullPolicy && !PULL_POLICIES.includes(ct.imagePullPolicy)) errs.push(notSupported(`${path}.imagePullPolicy`, ct.imagePullPolicy, PULL_POLICIES))
  if (ct.terminationMessagePolicy && !TERMINATION_MESSAGE_POLICIES.includes(ct.terminationMessagePolicy)) {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, ct.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES))
  }
  // Ports
  const portNames: string[] = []
  ;(ct.ports ?? []).forEach((p: any, i: number) => {
    const pp = `${path}.ports[${i}]`
    if (p.name) {
      for (const m of isValidPortName(p.name)) errs.push(invalid_(`${pp}.name`, p.name, m))
      if (portNames.includes(p.name)) errs.push(duplicate(`${pp}.name`, p.name))
      portNames.push(p.name)
    }
    if (!p.containerPort) errs.push(required(`${pp}.containerPort`))
    else for (const m of isValidPortNum(p.containerPort)) errs.push(invalid_(`${pp}.containerPort`, p.containerPort, m))
    if (p.hostPort) for (const m of isValidPortNum(p.hostPort)) errs.push(invalid_(`${pp}.hostPort`, p.hostPort, m))
    if (!p.protocol) errs.push(required(`${pp}.protocol`))
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS))
  })
  // Env
  ;(ct.env ?? []).forEach((e: any, i: number) => {
    const ep = `${path}.env[${i}]`
    if (!e.name) errs.push(required(`${ep}.name`))
    else if (!ENV_VAR_NAME.test(e.name)) {
      errs.push(invalid_(`${ep}.name`, e.name, "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"))
    }
    if (e.valueFrom) {
      const srcs = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => e.valueFrom[k])
      if (e.value) errs.push(invalid_(`${ep}.valueFrom`, '', 'may not be specified when `value` is not empty'))
      if (srcs.length === 0) errs.push(invalid_(`${ep}.valueFrom`, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'))
      else if (srcs.length > 1) errs.push(invalid_(`${ep}.valueFrom`, '', 'may not have more than one field specified at a time'))
      for (const k of ['configMapKeyRef', 'secretKeyRef']) if (e.valueFrom[k] && !e.valueFrom[k].key) errs.push(required(`${ep}.valueFrom.${k}.key`))
      if (e.valueFrom.fieldRef && !e.valueFrom.fieldRef.fieldPath) errs.push(required(`${ep}.valueFrom.fieldRef.fieldPath`))
    }
  })
  // Volume mounts
  const mountPaths: string[] = []
  ;(ct.volumeMounts ?? []).forEach((m: any, i: number) => {
    const mp = `${path}.volumeMounts[${i}]`
    if (!m.name) errs.push(required(`${mp}.name`))
    else if (!volumes.has(m.name)) errs.push(notFound(`${mp}.name`, m.name))
    if (!m.mountPath) errs.push(required(`${mp}.mountPath`))
    else if (mountPaths.includes(m.mountPath)) errs.push(invalid_(`${mp}.mountPath`, m.mountPath, 'must be unique'))
    if (m.mountPath) mountPaths.push(m.mountPath)
    if (kind === 'ephemeral' && m.subPath) errs.push(forbidden(`${mp}.subPath`, 'cannot be set for an Ephemeral Container'))
    if (kind === 'ephemeral' && m.subPathExpr) errs.push(forbidden(`${mp}.subPathExpr`, 'cannot be set for an Ephemeral Container'))
  })
  errs.push(...validateResources(ct.resources, `${path}.resources`))
  // Probes and restartPolicy per container kind.
  const sidecar = kind === 'init' && ct.restartPolicy === 'Always'
  if (kind === 'app') {
    if (ct.restartPolicy !== undefined) errs.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'))
    errs.push(...validateProbe(ct.livenessProbe, `${path}.livenessProbe`, true))
    errs.push(...validateProbe(ct.readinessProbe, `${path}.readinessProbe`, false))
    errs.push(...validateProbe(ct.startupProbe, `${path}.startupProbe`, true))
    if (ct.lifecycle?.postStart) errs.push(...handlerErrors(ct.lifecycle.postStart, `${path}.lifecycle.postStart`))
    if (ct.lifecycle?.preStop) errs.push(...handlerErrors(ct.lifecycle.preStop, `${path}.lifecycle.preStop`))
  } else if (kind === 'init') {
    if (ct.restartPolicy !== undefined && ct.restartPolicy !== 'Always') errs.push(notSupported(`${path}.restartPolicy`, ct.restartPolicy, ['Always']))
    if (sidecar) {
      errs.push(...validateProbe(ct.livenessProbe, `${path}.livenessProbe`, true))
      errs.push(...validateProbe(ct.readinessProbe, `${path}.readinessProbe`, false))
      errs.push(...validateProbe(ct.startupProbe, `${path}.startupProbe`, true))
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (ct[f]) errs.push(forbidden(`${path}.${f}`, 'may not be set for init containers without restartPolicy=Always'))
      }
    }
  } else {
    for (const f of ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resizePolicy', 'restartPolicy']) {
      const v = ct[f]
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) errs.push(forbidden(`${path}.${f}`, 'cannot be set for an Ephemeral Container'))
    }
    const r = ct.resources
    if (r && (Object.keys(r.limits ?? {}).length || Object.keys(r.requests ?? {}).length || r.claims?.length)) {
      errs.push(forbidden(`${path}.resources`, 'cannot be set for an Ephemeral Container'))
    }
  }
  void podRestartPolicy
  return errs
}

function validateVolumes(vols: any[], path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = []
  const names = new Set<string>()
  vols.forEach((v, i) => {
    const vp = `${path}[${i}]`
    if (!v.name) errs.push(required(`${vp}.name`))
    else {
      for (const m of isDNS1123Label(v.name)) errs.push(invalid_(`${vp}.name`, v.name, m))
      if (names.has(v.name)) errs.push(duplicate(`${vp}.name`, v.name))
      names.add(v.name)
    }
    const sources = Object.keys(v).filter((k) => k !== 'name')
    if (sources.length === 0) errs.push(required(vp, 'must specify a volume type'))
    for (const s of sources.slice(1)) errs.push(forbidden(`${vp}.${s}`, 'may not specify more than 1 volume type'))
    if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errs.push(required(`${vp}.persistentVolumeClaim.claimName`))
    if (v.hostPath && !v.hostPath.path) errs.push(required(`${vp}.hostPath.path`))
    if (v.configMap && !v.configMap.name) errs.push(required(`${vp}.configMap.name`))
    if (v.secret && !v.secret.secretName) errs.push(required(`${vp}.secret.secretName`))
  })
  return { errs, names }
}

function validateTolerations(tols: any[], path: string): FieldError[] {
  const errs: FieldError[] = []
  tols.forEach((t, i) => {
    const tp = `${path}[${i}]`
    const op = t.operator ?? 'Equal'
    if (!['Equal', 'Exists'].includes(op)) errs.push(notSupported(`${tp}.operator`, op, ['Equal', 'Exists']))
    if (!t.key && op !== 'Exists') errs.push(invalid_(`${tp}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    if (op === 'Exists' && t.value) errs.push(invalid_(`${tp}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''))
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) errs.push(notSupported(`${tp}.effect`, t.effect, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']))
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') errs.push(invalid_(`${tp}.effect`, t.effect ?? '', 'effect must be \'NoExecute\' when `tolerationSeconds` is set'))
  })
  return errs
}

/** ValidatePodSpec for pods and templates; `path` is `spec` or `spec.template.spec`. */
export function validatePodSpec(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!spec) return [required(path)]
  const vol = validateVolumes(spec.volumes ?? [], `${path}.volumes`)
  errs.push(...vol.errs)
  const seen: string[] = []
  const checkName = (ct: any, p: string): void => {
    if (!ct.name) return
    if (seen.includes(ct.name)) errs.push(duplicate(`${p}.name`, ct.name))
    seen.push(ct.name)
  }
  // Upstream order: app containers, then init containers (duplicates reported on the init side).
  if (!spec.containers?.length) errs.push(required(`${path}.containers`))
  ;(spec.containers ?? []).forEach((ct: any, i: number) => {
    errs.push(...validateContainer(ct, `${path}.containers[${i}]`, 'app', vol.names, spec.restartPolicy))
    checkName(ct, `${path}.containers[${i}]`)
  })
  ;(spec.initContainers ?? []).forEach((ct: any, i: number) => {
    errs.push(...validateContainer(ct, `${path}.initContainers[${i}]`, 'init', vol.names, spec.restartPolicy))
    checkName(ct, `${path}.initContainers[${i}]`)
  })
  errs.push(...validateEphemeralList(spec, path, vol.names, seen))
  if (!spec.restartPolicy) errs.push(required(`${path}.restartPolicy`))
  else if (!RESTART_POLICIES.includes(spec.restartPolicy)) errs.push(notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES))
  if (spec.dnsPolicy && !DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES))
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`))
  if (spec.serviceAccountName) for (const m of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(invalid_(`${path}.serviceAccountName`, spec.serviceAccountName, m))
  if (spec.hostname) for (const m of isDNS1123Label(spec.hostname)) errs.push(invalid_(`${path}.hostname`, spec.hostname, m))
  if (spec.subdomain) for (const m of isDNS1123Label(spec.subdomain)) errs.push(invalid_(`${path}.subdomain`, spec.subdomain, m))
  if (spec.nodeName) for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(invalid_(`${path}.nodeName`, spec.nodeName, m))
  errs.push(...nonNegative(spec.terminationGracePeriodSeconds, `${path}.terminationGracePeriodSeconds`))
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > 2147483647)) {
    errs.push(invalid_(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'))
  }
  errs.push(...validateTolerations(spec.tolerations ?? [], `${path}.tolerations`))
  return errs
}

/** validateEphemeralContainers: names unique across every container, forbidden fields, target exists. */
function validateEphemeralList(spec: any, path: string, volumes: Set<string>, seen: string[]): FieldError[] {
  const errs: FieldError[] = []
  const others = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c: any) => c.name)
  ;(spec.ephemeralContainers ?? []).forEach((ct: any, i: number) => {
    const p = `${path}.ephemeralContainers[${i}]`
    errs.push(...validateContainer(ct, p, 'ephemeral', volumes, spec.restartPolicy))
    if (ct.name) {
      if (seen.includes(ct.name)) errs.push(duplicate(`${p}.name`, ct.name))
      seen.push(ct.name)
    }
    if (ct.targetContainerName && !others.includes(ct.targetContainerName)) errs.push(notFound(`${p}.targetContainerName`, ct.targetContainerName))
  })
  return errs
}

/** ValidatePodCreate additions. */
export function validatePodCreate(pod: any): FieldError[] {
  const errs = validatePodSpec(pod.spec, 'spec')
  if (pod.spec?.ephemeralContainers?.length) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'))
  return errs
}

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

/** ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations (and a first nodeName, see below) may change. */
export function validatePodUpdate(pod: any, old: any): FieldError[] {
  const spec = pod.spec ?? {}
  const oldSpec = old.spec ?? {}
  // ValidateContainerUpdates: same containers, images still set.
  const errs: FieldError[] = []
  for (const [field, label] of [
    ['containers', 'spec.containers'],
    ['initContainers', 'spec.initContainers'],
  ] as const) {
    if ((spec[field] ?? []).length !== (oldSpec[field] ?? []).length) return [forbidden(label, 'pod updates may not add or remove containers')]
    ;(spec[field] ?? []).forEach((ct: any, i: number) => {
      if (!ct.image) errs.push(required(`${label}[${i}].image`))
    })
  }
  const munged = { ...spec }
  for (const field of ['containers', 'initContainers'] as const) {
    if (munged[field]) munged[field] = munged[field].map((ct: any, i: number) => ({ ...ct, image: oldSpec[field][i].image }))
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds
  if (munged.activeDeadlineSeconds === undefined) delete munged.activeDeadlineSeconds
  const oldTols: any[] = oldSpec.tolerations ?? []
  const newTols: any[] = spec.tolerations ?? []
  if (oldTols.every((t) => newTols.some((n) => deepEqual(n, t)))) munged.tolerations = oldSpec.tolerations
  if (munged.tolerations === undefined) delete munged.tolerations
  if (typeof oldSpec.terminationGracePeriodSeconds === 'number' && oldSpec.terminationGracePeriodSeconds < 0 && spec.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds
  }
  // The store has no pods/binding subresource: the scheduler binds by setting a first nodeName.
  const oldCmp = { ...oldSpec }
  if (!oldSpec.nodeName && spec.nodeName) {
    delete munged.nodeName
    delete oldCmp.nodeName
  }
  if (!deepEqual(munged, oldCmp)) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN))
  // The rest of the spec is unchanged (already validated at create); validate only what may change.
  if (errs.length === 0 && typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > 2147483647)) {
    errs.push(invalid_('spec.activeDeadlineSeconds', spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'))
  }
  if (errs.length === 0) errs.push(...validateTolerations(spec.tolerations ?? [], 'spec.tolerations'))
  return errs
}

/** ValidatePodEphemeralContainersUpdate (the `ephemeralcontainers` subresource). */
export function validateEphemeralContainersUpdate(pod: any, old: any): FieldError[] {
  const spec = pod.spec ?? {}
  const seen = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c: any) => c.name)
  const volumes = new Set<string>((spec.volumes ?? []).map((v: any) => v.name))
  const errs = validateEphemeralList(spec, 'spec', volumes, seen)
  const byName: Record<string, any> = {}
  for (const ct of spec.ephemeralContainers ?? []) byName[ct.name] = ct
  for (const o of old.spec?.ephemeralContainers ?? []) {
    const n = byName[o.name]
    if (!n) errs.push(forbidden('spec.ephemeralContainers', `existing ephemeral containers ${JSON.stringify(o.name)} may not be removed`))
    else if (!deepEqual(n, o)) errs.push(forbidden('spec.ephemeralContainers', `existing ephemeral containers ${JSON.stringify(o.name)} may not be changed`))
  }
  return errs
}
