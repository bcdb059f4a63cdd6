// Service validation and ClusterIP/NodePort allocation.
// k/k pkg/apis/core/validation/validation.go (ValidateService, validateServicePort, ValidateServiceUpdate),
// pkg/registry/core/service/storage/alloc.go (allocClusterIPs, allocNodePorts),
// pkg/registry/core/service/storage/storage.go (patchAllocatedValues), strategy.go (dropTypeDependentFields).
import type { Cluster } from '../../cluster'
import type { KObject } from '../types'
import { duplicate, forbidden, invalid_, notSupported, required, type FieldError } from './errors'
import { goStrings } from './gofmt'
import { isDNS1123Label, isValidPortNum } from './names'
import { validateLabels } from './meta'
import { deepEqual, portNumOrName } from './util'
import { allocateClusterIP, ipToInt, usedClusterIPs } from '../allocators/cluster-ip'
import { allocateNodePort, usedNodePorts } from '../allocators/node-port'
 

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']

const needsClusterIP = (spec: any): boolean => spec.type !== 'ExternalName'
const needsNodePort = (spec: any): boolean => spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)

function goServicePortKey(p: any): string {
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(p.protocol)}, AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`
}

export function validateService(svc: KObject): FieldError[] {
  const errs: FieldError[] = []
  const spec = svc.spec ?? {}
  if (!TYPES.includes(spec.type)) errs.push(notSupported('spec.type', spec.type, TYPES))
  const ports: any[] = spec.ports ?? []
  const headless = spec.clusterIP === 'None'
  if (spec.type === 'ExternalName') {
    if (!spec.externalName) errs.push(required('spec.externalName'))
    else for (const m of isDNS1123SubdomainLoose(spec.externalName)) errs.push(invalid_('spec.externalName', spec.externalName, m))
  } else if (!ports.length && !headless) errs.push(required('spec.ports'))
  const names: string[] = []
  const keys: string[] = []
  ports.forEach((p, i) => {
    const pp = `spec.ports[${i}]`
    if (ports.length > 1 && !p.name) errs.push(required(`${pp}.name`))
    if (p.name) {
      for (const m of isDNS1123Label(p.name)) errs.push(invalid_(`${pp}.name`, p.name, m))
      if (names.includes(p.name)) errs.push(duplicate(`${pp}.name`, p.name))
      names.push(p.name)
    }
    for (const m of isValidPortNum(p.port)) errs.push(invalid_(`${pp}.port`, p.port ?? 0, m))
    if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS))
    errs.push(...portNumOrName(p.targetPort, `${pp}.targetPort`))
    if (p.nodePort && spec.type === 'ClusterIP') errs.push(forbidden(`${pp}.nodePort`, "may not be used when `type` is 'ClusterIP'"))
    if (p.nodePort && spec.type === 'ExternalName') errs.push(forbidden(`${pp}.nodePort`, "may not be used when `type` is 'ExternalName'"))
    const key = `${p.protocol}/${p.port}`
    if (keys.includes(key)) errs.push(duplicate(pp, { go: goServicePortKey(p) }))
    keys.push(key)
  })
  const affinities = ['ClientIP', 'None']
  if (!affinities.includes(spec.sessionAffinity)) errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, affinities))
  ;(spec.clusterIPs ?? []).forEach((ip: string, i: number) => {
    if (ip === 'None') {
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') errs.push(invalid_(`spec.clusterIPs[${i}]`, ip, `may not be set to 'None' for ${spec.type} services`))
      return
    }
    if (ipToInt(ip) === undefined) errs.push(invalid_(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'))
  })
  if (spec.type === 'ExternalName' && spec.clusterIP && spec.clusterIP !== 'None') {
    errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'))
  }
  errs.push(...validateLabels(spec.selector, 'spec.selector'))
  return errs
}

function isDNS1123SubdomainLoose(v: string): string[] {
  // ExternalName must be a DNS-1123 subdomain (a trailing dot is accepted).
  const name = v.endsWith('.') ? v.slice(0, -1) : v
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name) && name.length <= 253
    ? []
    : ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
}

/** On update: keep allocated values the client did not send, drop values the new type does not use. */
export function prepareServiceUpdate(svc: KObject, old: KObject): void {
  const spec = svc.spec
  const o = old.spec ?? {}
  if (needsClusterIP(o) && needsClusterIP(spec)) {
    if (!spec.clusterIP && o.clusterIP) spec.clusterIP = o.clusterIP
    if (!spec.clusterIPs?.length && o.clusterIPs?.length) spec.clusterIPs = [...o.clusterIPs]
  }
  if (needsNodePort(o) && needsNodePort(spec)) {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue
      const prev = (o.ports ?? []).find((x: any) => x.port === p.port && x.protocol === (p.protocol || 'TCP'))
      if (prev?.nodePort) p.nodePort = prev.nodePort
    }
  }
  // dropTypeDependentFields: values left over from the old type, unchanged by the user, go away.
  if (needsClusterIP(o) && !needsClusterIP(spec) && spec.clusterIP === o.clusterIP) {
    delete spec.clusterIP
    delete spec.clusterIPs
    delete spec.ipFamilies
    delete spec.ipFamilyPolicy
  }
  if (needsNodePort(o) && !needsNodePort(spec)) {
    for (const p of spec.ports ?? []) {
      const prev = (o.ports ?? []).find((x: any) => x.port === p.port && x.protocol === (p.protocol || 'TCP'))
      if (p.nodePort && prev?.nodePort === p.nodePort) delete p.nodePort
    }
  }
  if (o.type !== spec.type && !externallyAccessibleType(spec.type) && spec.externalTrafficPolicy === o.externalTrafficPolicy) delete spec.externalTrafficPolicy
}

const externallyAccessibleType = (t: string): boolean => t === 'NodePort' || t === 'LoadBalancer'

/** Allocates the ClusterIP and NodePorts the service needs; returns the allocation errors. */
export function allocateService(c: Cluster, svc: KObject, old: KObject | undefined): FieldError[] {
  const spec = svc.spec
  const self = { namespace: svc.metadata.namespace, name: svc.metadata.name }
  if (needsClusterIP(spec)) {
    const had = old && needsClusterIP(old.spec ?? {}) ? old.spec?.clusterIP : undefined
    if (spec.clusterIP !== 'None' && !(had && spec.clusterIP === had)) {
      const r = allocateClusterIP(c, usedClusterIPs(c, self), spec.clusterIP || undefined)
      if (!r.ok) {
        const shown = spec.clusterIPs?.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : []
        return [invalid_('spec.clusterIPs', goStrings(shown), spec.clusterIP ? `failed to allocate IP ${spec.clusterIP}: ${r.error}` : `failed to allocate a serviceIP: ${r.error}`)]
      }
      spec.clusterIP = r.ip
      spec.clusterIPs = [r.ip]
    }
  }
  if (needsNodePort(spec)) {
    const used = usedNodePorts(c, self)
    const oldPorts = new Set<number>((old?.spec?.ports ?? []).map((p: any) => p.nodePort).filter(Boolean))
    const errs: FieldError[] = []
    ;(spec.ports ?? []).forEach((p: any, i: number) => {
      if (p.nodePort && oldPorts.has(p.nodePort)) {
        used.add(p.nodePort)
        return
      }
      const r = allocateNodePort(c, used, p.nodePort || undefined)
      if (!r.ok) {
        errs.push(p.nodePort ? invalid_(`spec.ports[${i}].nodePort`, p.nodePort, r.error) : invalid_(`spec.ports[${i}].nodePort`, 0, `failed to allocate a nodePort: ${r.error}`))
        return
      }
      p.nodePort = r.port
      used.add(r.port)
    })
    if (errs.length) return errs
  }
  return []
}

/** ValidateServiceUpdate: the primary ClusterIP may not change (unless to/from ExternalName). */
export function validateServiceUpdate(svc: KObject, old: KObject): FieldError[] {
  const spec = svc.spec ?? {}
  const o = old.spec ?? {}
  if (needsClusterIP(spec) && needsClusterIP(o) && o.clusterIPs?.length && spec.clusterIPs?.length && !deepEqual(spec.clusterIPs[0], o.clusterIPs[0])) {
    return [invalid_('spec.clusterIPs[0]', spec.clusterIPs[0], 'may not change once set')]
  }
  return []
}
