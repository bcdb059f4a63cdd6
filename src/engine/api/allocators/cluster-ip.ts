// Service ClusterIP allocation from the service CIDR (kubeadm default 10.96.0.0/12). The store is the
// source of truth: addresses in use are the clusterIPs of the stored services, so deleting a
// service frees its address. k/k pkg/registry/core/service/ipallocator/bitmap.go (Range, Allocate,
// AllocateNext), interfaces.go (error texts).
import type { Cluster } from '../../cluster'
import type { KObject } from '../types'
import { allocateIndex, ipRangeOffset } from './band'

export const SERVICE_CIDR = '10.96.0.0/12'

export function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.')
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0)
}

export function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

interface IpRange {
  cidr: string
  /** First usable address (network + 1). */
  base: number
  /** Number of usable addresses (network and broadcast excluded). */
  max: number
}

export function parseCidr(cidr: string): IpRange {
  const [ip, bits] = cidr.split('/')
  const net = ipToInt(ip) as number
  const size = 2 ** (32 - Number(bits))
  return { cidr, base: net + 1, max: size - 2 }
}

export const ErrAllocated = 'provided IP is already allocated'
export const ErrFull = 'range is full'
/** ErrNotInRange.Error() (v1.27+ text, carries the IP). */
export const errNotInRange = (ip: string, cidr: string): string => `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`

/** ClusterIPs of the stored services, except the one being written. */
export function usedClusterIPs(c: Cluster, except?: { namespace?: string; name: string }): Set<string> {
  const used = new Set<string>()
  for (const svc of Object.values(c.state.store.objects.services ?? {}) as KObject[]) {
    if (except && svc.metadata.namespace === except.namespace && svc.metadata.name === except.name) continue
    for (const ip of svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])) if (ip && ip !== 'None') used.add(ip)
  }
  return used
}

export type IpResult = { ok: true; ip: string } | { ok: false; error: string }

/** Allocates `requested` (when given) or a random free address, upper band first. */
export function allocateClusterIP(c: Cluster, used: Set<string>, requested?: string, cidr = SERVICE_CIDR): IpResult {
  const range = parseCidr(cidr)
  if (requested) {
    const n = ipToInt(requested)
    if (n === undefined || n < range.base || n >= range.base + range.max) return { ok: false, error: errNotInRange(requested, cidr) }
    if (used.has(requested)) return { ok: false, error: ErrAllocated }
    return { ok: true, ip: requested }
  }
  const usedIdx = new Set<number>()
  for (const ip of used) {
    const n = ipToInt(ip)
    if (n !== undefined && n >= range.base && n < range.base + range.max) usedIdx.add(n - range.base)
  }
  const idx = allocateIndex(c.state, range.max, ipRangeOffset(range.max), usedIdx)
  if (idx === undefined) return { ok: false, error: ErrFull }
  return { ok: true, ip: intToIp(range.base + idx) }
}
