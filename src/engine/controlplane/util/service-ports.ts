// Service port → pod port resolution (k/k pkg/api/v1/pod/util.go FindPort) and the pod filter
// of the endpoint controllers (k/k pkg/controller/util/endpoint/controller_utils.go ShouldPodBeInEndpoints).
import type { KObject } from '../../api/types'
import { isTerminal } from './pods'

export interface ServicePort { name?: string; port: number; targetPort?: number | string; protocol?: string; appProtocol?: string; nodePort?: number }

/** The container port a service port targets on this pod, or undefined when a named port is missing. */
export function findPort(pod: KObject, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port
  if (typeof tp === 'number') return tp
  if (/^\d+$/.test(tp)) return Number(tp)
  const proto = sp.protocol ?? 'TCP'
  for (const ct of (pod.spec?.containers ?? []) as { ports?: { name?: string; containerPort: number; protocol?: string }[] }[]) {
    for (const p of ct.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === proto) return p.containerPort
  }
  return undefined
}

export function shouldPodBeInEndpoints(pod: KObject, includeTerminating: boolean): boolean {
  if (isTerminal(pod)) return false
  if (!pod.status?.podIP) return false
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false
  return true
}

export function servicePorts(svc: KObject): ServicePort[] {
  return (svc.spec?.ports ?? []) as ServicePort[]
}
