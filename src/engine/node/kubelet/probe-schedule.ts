// Probe workers' timing (k/k pkg/kubelet/prober/worker.go): each probe of a started container
// runs every periodSeconds; results before initialDelaySeconds are not used. Defaults from
// SetDefaults_Probe (pkg/apis/core/v1/defaults.go): delay 0, timeout 1, period 10, success 1, failure 3.
import type { Cluster } from '../../cluster'
import type { ContainerRun, PodWorker } from './types'

 
type Json = any

export type ProbeKind = 'liveness' | 'readiness' | 'startup'

/** Worker start jitter the simulation fixes at 1 s. */
export const PROBE_FIRST_MS = 1000

export function probeOf(spec: Json, kind: ProbeKind): Json | undefined {
  return spec?.[`${kind}Probe`]
}

export function probeSettings(p: Json): { delayMs: number; timeoutMs: number; periodMs: number; success: number; failure: number } {
  return {
    delayMs: (p.initialDelaySeconds ?? 0) * 1000,
    timeoutMs: (p.timeoutSeconds ?? 1) * 1000,
    periodMs: Math.max(1, p.periodSeconds ?? 10) * 1000,
    success: Math.max(1, p.successThreshold ?? 1),
    failure: Math.max(1, p.failureThreshold ?? 3),
  }
}

export function scheduleProbes(c: Cluster, node: string, w: PodWorker, spec: Json, r: ContainerRun): void {
  for (const kind of ['startup', 'liveness', 'readiness'] as ProbeKind[]) {
    const p = probeOf(spec, kind)
    if (!p) continue
    r.probes[kind] = { successes: 0, failures: 0, ok: kind !== 'readiness' }
    const s = probeSettings(p)
    c.schedule(s.delayMs + PROBE_FIRST_MS, { type: 'kubelet.probe', node, podUid: w.uid, container: r.name, instance: r.instance, probe: kind })
  }
}
