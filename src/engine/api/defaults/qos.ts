// Pod QoS class. k/k pkg/apis/core/helper/qos/qos.go (GetPodQOS).
import { parseQuantity } from '../quantity'
 

const SUPPORTED = ['cpu', 'memory']

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort'

export function podQOS(spec: any): QOSClass {
  const requests: Record<string, number> = {}
  const limits: Record<string, number> = {}
  let guaranteed = true
  for (const ct of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
    for (const [name, q] of Object.entries(ct.resources?.requests ?? {})) {
      const v = parseQuantity(q as string)
      if (SUPPORTED.includes(name) && v > 0) requests[name] = (requests[name] ?? 0) + v
    }
    const found: string[] = []
    for (const [name, q] of Object.entries(ct.resources?.limits ?? {})) {
      const v = parseQuantity(q as string)
      if (SUPPORTED.includes(name) && v > 0) {
        found.push(name)
        limits[name] = (limits[name] ?? 0) + v
      }
    }
    if (!SUPPORTED.every((n) => found.includes(n))) guaranteed = false
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, req] of Object.entries(requests)) {
      if (limits[name] === undefined || Math.abs(limits[name] - req) > 1e-9) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && Object.keys(requests).length === Object.keys(limits).length ? 'Guaranteed' : 'Burstable'
}
