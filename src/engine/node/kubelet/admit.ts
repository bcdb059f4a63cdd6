// Kubelet admission of a pod bound to the node (k/k pkg/kubelet/lifecycle/predicate.go
// canAdmitPod → noderesources fit): a pod whose requests exceed what is left of the node's
// allocatable is rejected: phase Failed, reason OutOf<resource>.
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { bytes, milliCpu } from '../../api/quantity'

 
type Json = any

/** Effective requests: max(sum of app containers + sidecars, largest init container) (resource helpers PodRequests). */
export function podRequests(pod: KObject): { cpu: number; memory: number } {
  const spec = pod.spec ?? {}
  const req = (ct: Json) => ({ cpu: milliCpu(ct.resources?.requests?.cpu ?? 0), memory: bytes(ct.resources?.requests?.memory ?? 0) })
  let cpu = 0, memory = 0
  for (const ct of spec.containers ?? []) { const r = req(ct); cpu += r.cpu; memory += r.memory }
  let sideCpu = 0, sideMem = 0, initCpu = 0, initMem = 0
  for (const ic of spec.initContainers ?? []) {
    const r = req(ic)
    if (ic.restartPolicy === 'Always') { sideCpu += r.cpu; sideMem += r.memory; continue }
    initCpu = Math.max(initCpu, sideCpu + r.cpu)
    initMem = Math.max(initMem, sideMem + r.memory)
  }
  return { cpu: Math.max(cpu + sideCpu, initCpu), memory: Math.max(memory + sideMem, initMem) }
}

/** The rejection (reason, message) or undefined when the pod fits next to `others`. */
export function admitPod(c: Cluster, node: string, pod: KObject, others: KObject[]): { reason: string; message: string } | undefined {
  const n = c.api.get('nodes', undefined, node)
  const alloc = n?.status?.allocatable
  if (!alloc) return undefined
  if (others.length + 1 > Number(alloc.pods ?? 110)) {
    return { reason: 'OutOfpods', message: `Node didn't have enough resource: pods, requested: 1, used: ${others.length}, capacity: ${alloc.pods}` }
  }
  const want = podRequests(pod)
  let usedCpu = 0, usedMem = 0
  for (const o of others) { const r = podRequests(o); usedCpu += r.cpu; usedMem += r.memory }
  const capCpu = milliCpu(alloc.cpu), capMem = bytes(alloc.memory)
  if (want.cpu > 0 && usedCpu + want.cpu > capCpu) {
    return { reason: 'OutOfcpu', message: `Node didn't have enough resource: cpu, requested: ${want.cpu}, used: ${usedCpu}, capacity: ${capCpu}` }
  }
  if (want.memory > 0 && usedMem + want.memory > capMem) {
    return { reason: 'OutOfmemory', message: `Node didn't have enough resource: memory, requested: ${want.memory}, used: ${usedMem}, capacity: ${capMem}` }
  }
  return undefined
}
