// Read-only views of pods: ready or not, their addresses, which container listens on a port.
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'
import { lookupImage, type ImageInfo } from '../node/images/catalog'
import { isServerCommand } from '../node/images/server'
import { simTimeOf } from '../sim/time'

type Json = any

export function isPodReady(pod: KObject): boolean {
  return !pod.metadata.deletionTimestamp && (pod.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True')
}

export function podIPs(pod: KObject): string[] {
  const ips: string[] = (pod.status?.podIPs ?? []).map((p: Json) => p.ip)
  if (pod.status?.podIP && !ips.includes(pod.status.podIP)) ips.unshift(pod.status.podIP)
  return ips
}

/** A running container of `pod` whose process answers on `port` (catalog ports; containerPorts for unknown images). */
export function listenerOn(c: Cluster, pod: KObject, port: number): { container: string; info: ImageInfo } | undefined {
  const spec = pod.spec ?? {}
  const candidates: Json[] = [...(spec.containers ?? []), ...(spec.initContainers ?? []).filter((x: Json) => x.restartPolicy === 'Always')]
  const statuses: Json[] = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]
  for (const ct of candidates) {
    const running = statuses.find((s) => s.name === ct.name)?.state?.running
    if (!running) continue
    const look = lookupImage(ct.image ?? '')
    if (!look.ok) continue
    const info = look.info
    if (info.known) {
      if (!info.ports.includes(port)) continue
      // A command override that is not the image's server (e.g. nginx running `sleep`) serves nothing.
      if (ct.command?.length && !isServerCommand(info, ct.command[0])) continue
      const started = running.startedAt ? simTimeOf(running.startedAt) : 0
      // startedAt has one-second resolution: allow the truncated part.
      if (Number.isFinite(started) && started + info.startupMs > c.now + 999) continue
    } else if (!(ct.ports ?? []).some((p: Json) => p.containerPort === port)) continue
    return { container: ct.name, info }
  }
  return undefined
}
