// IPv4 addresses and prefixes as plain numbers, and the deterministic MAC addresses of the
// simulated devices (real ones are random; ours are hashed from stable names so runs repeat).
import { fnv32a } from '../sim/hash'

export const isIPv4 = (s: string): boolean => /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s) && s.split('.').every((o) => Number(o) <= 255)

const parsed = new Map<string, number>()

/** Dotted quad → uint32 (memoised: the packet walker compares the same addresses constantly). */
export function ipToInt(ip: string): number {
  const hit = parsed.get(ip)
  if (hit !== undefined) return hit
  const p = ip.split('.')
  const n = ((Number(p[0]) << 24) | (Number(p[1]) << 16) | (Number(p[2]) << 8) | Number(p[3])) >>> 0
  if (parsed.size > 50_000) parsed.clear()
  parsed.set(ip, n)
  return n
}

export function intToIp(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`
}

export interface Prefix {
  base: number
  bits: number
}

/** "10.244.1.0/24" → {base, bits}; a bare address is a /32. */
export function parseCidr(cidr: string): Prefix | undefined {
  const [ip, len] = cidr.split('/')
  if (!isIPv4(ip)) return undefined
  const bits = len === undefined ? 32 : Number(len)
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return undefined
  return { base: (ipToInt(ip) & maskOf(bits)) >>> 0, bits }
}

export function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
}

export function inPrefix(ip: string | number, p: Prefix): boolean {
  const n = typeof ip === 'number' ? ip : ipToInt(ip)
  return ((n & maskOf(p.bits)) >>> 0) === p.base
}

export function inCidr(ip: string, cidr: string): boolean {
  const p = parseCidr(cidr)
  return !!p && isIPv4(ip) && inPrefix(ip, p)
}

export function cidrText(p: Prefix): string {
  return `${intToIp(p.base)}/${p.bits}`
}

/** The n-th address of a prefix (10.244.1.0/24, 1 → 10.244.1.1). */
export function nthAddress(p: Prefix, n: number): string {
  return intToIp((p.base + n) >>> 0)
}

function hexBytes(n: number, count: number): string[] {
  const out: string[] = []
  for (let i = count - 1; i >= 0; i--) out.push(((n >>> (i * 8)) & 255).toString(16).padStart(2, '0'))
  return out
}

/** A locally administered unicast MAC (what the kernel/flannel generate for bridges, veths, VTEPs). */
export function localMac(seed: string): string {
  const a = fnv32a(seed)
  const b = fnv32a(seed + '#')
  const first = (((a >>> 24) & 0xfe) | 0x02).toString(16).padStart(2, '0')
  return [first, ...hexBytes(a, 3), ...hexBytes(b, 2)].join(':')
}

/** A VirtualBox NIC MAC (08:00:27:…): the underlay 192.168.56.0/24 is VirtualBox's host-only network. */
export function nicMac(seed: string): string {
  return ['08', '00', '27', ...hexBytes(fnv32a(seed), 3)].join(':')
}

/** The host side of a pod's veth pair: "veth" + 8 hex digits (the CNI bridge plugin names it randomly). */
export function vethName(podUid: string): string {
  return 'veth' + fnv32a('veth:' + podUid).toString(16).padStart(8, '0')
}

/** The reverse-lookup name of an address: 10.96.0.10 → 10.0.96.10.in-addr.arpa */
export function arpaName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`
}
