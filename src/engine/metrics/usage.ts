// The usage model: what each running container consumes, as cumulative counters like the
// kubelet's resource metrics (container_cpu_usage_seconds_total ≈ usageCoreNanoSeconds,
// container_memory_working_set_bytes). Integrated lazily from the last sample to now:
//   CPU demand = idle (servers) + requests served × CPU per request (image catalog)
//              + CPU time of the process's own commands (busy loops, yes, dd)
//   capped at the container's CPU limit (CFS quota: the excess is throttled, not done);
//   memory     = the image's idle working set + one worker per request in flight.
// Pure arithmetic here; kubelet-stats.ts decides when to integrate and owns the state.
import type { ImageInfo } from '../node/images/types'

/** A container's counters at one sample. */
export interface Counters {
  /** Cumulative CPU since start, in nanocore-seconds. */
  cpu: number
  /** Cumulative CPU demand above the limit that the quota refused, in nanocore-seconds. */
  throttled: number
  /** Working set bytes. */
  mem: number
  /** CPU time of the process's commands already counted (ms). */
  busyMs: number
  /** Over the interval that ended at this sample: CPU used and CPU asked for (millicores). */
  rate: number
  demand: number
}

/** What the usage of one interval depends on. */
export interface UsageInput {
  info: Pick<ImageInfo, 'idleCpuMilli' | 'cpuPerRequestMilli' | 'idleMemoryBytes'>
  /** The process is the image's server (idle CPU applies) rather than a shell. */
  serving: boolean
  /** Requests served during the interval (discrete + flow). */
  requests: number
  /** The process's command CPU time so far (ms), from the process model. */
  processCpuMs: number
  /** resources.limits, when set: millicores and bytes. */
  limitMilli?: number
  limitBytes?: number
}

/** Working set of one request in flight (a worker's buffers and stack). */
export const WORKER_BYTES = 8 * 1024 * 1024
const PAGE = 4096

/** Nanocore-seconds from millicores over `ms` milliseconds: m/1000 cores × ms/1000 s × 1e9. */
export const milliMsToNano = (milli: number, ms: number): number => milli * ms * 1000

export const zeroCounters = (): Counters => ({ cpu: 0, throttled: 0, mem: 0, busyMs: 0, rate: 0, demand: 0 })

/**
 * The counters `dt` ms after `prev`, written into `out` (which may be `prev`): the samples are
 * columns of numbers, so nothing is allocated here.
 */
export function integrate(prev: Counters, dt: number, input: UsageInput, out: Counters): Counters {
  const busyMs = prev.busyMs > input.processCpuMs ? prev.busyMs : input.processCpuMs
  const processMs = busyMs - prev.busyMs
  if (dt <= 0) {
    out.cpu = prev.cpu
    out.throttled = prev.throttled
    out.mem = prev.mem
    out.busyMs = busyMs
    out.rate = prev.rate
    out.demand = prev.demand
    return out
  }
  const info = input.info
  const idle = input.serving ? info.idleCpuMilli : 0
  // A request of p ms of CPU time is p × 1e6 nanocore-seconds.
  const demand = milliMsToNano(idle, dt) + input.requests * info.cpuPerRequestMilli * 1e6 + processMs * 1e6
  const used = input.limitMilli !== undefined && input.limitMilli > 0 ? Math.min(demand, milliMsToNano(input.limitMilli, dt)) : demand
  // Little's law: requests in flight = arrival rate × time each spends (its CPU time).
  const inFlight = (input.requests * info.cpuPerRequestMilli) / dt
  let mem = info.idleMemoryBytes + Math.ceil((inFlight * WORKER_BYTES) / PAGE) * PAGE
  if (input.limitBytes !== undefined && input.limitBytes > 0 && mem > input.limitBytes) mem = input.limitBytes
  out.cpu = prev.cpu + used
  out.throttled = prev.throttled + demand - used
  out.mem = mem
  out.busyMs = busyMs
  out.rate = used / dt / 1000
  out.demand = demand / dt / 1000
  return out
}
