// Seeded PRNG (mulberry32). Its whole state is one uint32 kept in the cluster state, so a
// snapshot carries the random stream with it and replay draws the same numbers.

export function seedRng(seed: number): number {
  // Mix the seed so that small seeds (1, 2, 3) start far apart.
  let s = (seed ^ 0x9e3779b9) >>> 0
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0
  return (s ^ (s >>> 16)) >>> 0
}

/** One step: returns the next state and a float in [0, 1). */
export function nextRng(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0
  let t = next
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296
  return [next, value]
}

/** Holder with the draw helpers; reads and writes the state through the given accessors. */
export interface RngHost {
  rng: number
}

export function random(host: RngHost): number {
  const [next, value] = nextRng(host.rng)
  host.rng = next
  return value
}

export function randomInt(host: RngHost, maxExclusive: number): number {
  return Math.floor(random(host) * maxExclusive)
}

/** k8s.io/apimachinery/pkg/util/rand: alphanums without vowels and confusable characters. */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

export function randomString(host: RngHost, n: number, alphabet = ALPHANUMS): string {
  let out = ''
  for (let i = 0; i < n; i++) out += alphabet[randomInt(host, alphabet.length)]
  return out
}

/** n hex digits, eight per draw (uids and event names are drawn often). */
export function randomHex(host: RngHost, n: number): string {
  let out = ''
  while (out.length < n) out += Math.floor(random(host) * 4294967296).toString(16).padStart(8, '0')
  return out.slice(0, n)
}
