// A pod's effective requests: max(Σ app containers + sidecars, max over init containers)
// (k/k pkg/api/v1/resource/helpers.go PodRequests, incl. restartable init containers).
// `nonZero` fills missing cpu/memory requests with 100m / 200Mi, as scoring does
// (pkg/scheduler/util/pod_resources.go DefaultMilliCPURequest, DefaultMemoryRequest).
import type { KObject } from '../../api/types'
import { bytes, milliCpu } from '../../api/quantity'

export const DEFAULT_MILLI_CPU_REQUEST = 100
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

export interface Req { cpu: number; mem: number }

interface Container { resources?: { requests?: Record<string, string>; limits?: Record<string, string> }; restartPolicy?: string }

function containerReq(ct: Container, nonZero: boolean): Req {
  // Defaulting copies limits into missing requests; do the same here in case it has not run.
  const req = ct.resources?.requests ?? {}
  const lim = ct.resources?.limits ?? {}
  const cpuQ = req.cpu ?? lim.cpu
  const memQ = req.memory ?? lim.memory
  let cpu = cpuQ === undefined ? 0 : milliCpu(cpuQ)
  let mem = memQ === undefined ? 0 : bytes(memQ)
  if (nonZero) {
    if (cpuQ === undefined) cpu = DEFAULT_MILLI_CPU_REQUEST
    if (memQ === undefined) mem = DEFAULT_MEMORY_REQUEST
  }
  return { cpu, mem }
}

/** Both the actual and the non-zero request (one call per pod in the hot path). */
export function podRequestsBoth(pod: KObject): { req: Req; nz: Req } {
  return { req: podRequests(pod), nz: podRequests(pod, true) }
}

export function podRequests(pod: KObject, nonZero = false): Req {
  const out: Req = { cpu: 0, mem: 0 }
  for (const ct of (pod.spec?.containers ?? []) as Container[]) {
    const r = containerReq(ct, nonZero)
    out.cpu += r.cpu
    out.mem += r.mem
  }
  const sidecars: Req = { cpu: 0, mem: 0 }
  const initMax: Req = { cpu: 0, mem: 0 }
  for (const ct of (pod.spec?.initContainers ?? []) as Container[]) {
    const r = containerReq(ct, nonZero)
    let eff: Req
    if (ct.restartPolicy === 'Always') {
      out.cpu += r.cpu
      out.mem += r.mem
      sidecars.cpu += r.cpu
      sidecars.mem += r.mem
      eff = { ...sidecars }
    } else {
      eff = { cpu: r.cpu + sidecars.cpu, mem: r.mem + sidecars.mem }
    }
    initMax.cpu = Math.max(initMax.cpu, eff.cpu)
    initMax.mem = Math.max(initMax.mem, eff.mem)
  }
  out.cpu = Math.max(out.cpu, initMax.cpu)
  out.mem = Math.max(out.mem, initMax.mem)
  const overhead = pod.spec?.overhead as Record<string, string> | undefined
  if (overhead) {
    out.cpu += overhead.cpu ? milliCpu(overhead.cpu) : 0
    out.mem += overhead.memory ? bytes(overhead.memory) : 0
  }
  return out
}
