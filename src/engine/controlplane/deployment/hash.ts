// pod-template-hash: rand.SafeEncodeString(fmt.Sprint(fnv32a(DeepHashObject(template) [+ collisionCount])))
// (k/k pkg/controller/controller_utils.go ComputeHash; apimachinery util/rand SafeEncodeString).
// DeepHashObject prints the Go struct with spew; a canonical (sorted-key) JSON stands in for it,
// so names are stable per template but differ from a real cluster's.
import { fnv32a } from '../../sim/hash'
import { ALPHANUMS } from '../../sim/rng'

/** JSON with object keys sorted at every level. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  const o = v as Record<string, unknown>
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
}

/** SafeEncodeString: each character c → alphanums[c % len(alphanums)]. */
export function safeEncodeString(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length]
  return out
}

export function computeHash(template: unknown, collisionCount?: number): string {
  let text = canonicalJson(template ?? {})
  if (collisionCount !== undefined && collisionCount !== null) text += String(collisionCount)
  return safeEncodeString(String(fnv32a(text)))
}
