// resource.Quantity parsing and formatting (k8s.io/apimachinery/pkg/api/resource).
// CPU is handled in millicores, memory and others in bytes (integers).

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 }
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 }

/** Parsed quantity strings: a pure function's memo (manifests repeat the same few values). */
const memo: Record<string, number> = {}
let memoSize = 0

/** The quantity as a number of base units (cores, bytes), or NaN if malformed. */
export function parseQuantity(q: string | number | undefined | null): number {
  if (q === undefined || q === null) return NaN
  if (typeof q === 'number') return q
  const hit = memo[q]
  if (hit !== undefined) return hit
  const v = parseQuantityText(q)
  if (memoSize < 4096) { memo[q] = v; memoSize++ }
  return v
}

function parseQuantityText(q: string): number {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(q.trim())
  if (!m) return NaN
  const n = Number(m[1])
  if (m[2]) return n * Math.pow(10, Number(m[2].slice(1)))
  const suffix = m[3] ?? ''
  return n * (BINARY[suffix] ?? DECIMAL[suffix])
}

export function isValidQuantity(q: unknown): boolean {
  return (typeof q === 'string' || typeof q === 'number') && !Number.isNaN(parseQuantity(q))
}

/** CPU quantity → integer millicores (rounded up, as MilliValue does). */
export function milliCpu(q: string | number | undefined | null): number {
  const v = parseQuantity(q)
  return Number.isNaN(v) ? 0 : Math.ceil(Math.round(v * 1e6) / 1e3)
}

/** Memory (or any integer) quantity → bytes (rounded up). */
export function bytes(q: string | number | undefined | null): number {
  const v = parseQuantity(q)
  return Number.isNaN(v) ? 0 : Math.ceil(v)
}

/** Millicores → canonical CPU string: 2000 → "2", 1500 → "1500m". */
export function formatMilliCpu(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`
}

/** Bytes → canonical binary string where exact: 4294967296 → "4Gi", else "Ki" or plain. */
export function formatBytes(b: number): string {
  for (const s of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) if (b !== 0 && b % BINARY[s] === 0) return `${b / BINARY[s]}${s}`
  return String(b)
}
