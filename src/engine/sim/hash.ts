// State hash: 53-bit cyrb53 over a canonical JSON text. Key order in our state is insertion
// order, which is itself deterministic, so plain JSON.stringify is canonical enough.

export function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  return n.toString(16).padStart(14, '0')
}

export function hashState(state: unknown): string {
  return cyrb53(JSON.stringify(state))
}

/** FNV-32a, as k8s ComputeHash uses for the pod-template-hash (hash/fnv New32a). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    // Hash the UTF-16 units' low bytes; templates are ASCII in practice.
    h ^= text.charCodeAt(i) & 0xff
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}
