// Exact resource.Quantity conversions for the Metrics API and the HPA: canonical strings of
// integer nanocores, bytes and milli-values, and MilliValue (rounded up) of a quantity string.
// k8s.io/apimachinery/pkg/api/resource (quantity.go CanonicalizeBytes, MilliValue); Go's
// time.Duration.String for the Metrics API's `window`.

const DECIMAL: [number, string][] = [[18, 'E'], [15, 'P'], [12, 'T'], [9, 'G'], [6, 'M'], [3, 'k'], [0, ''], [-3, 'm'], [-6, 'u'], [-9, 'n']]
const BINARY: [number, string][] = [[60, 'Ei'], [50, 'Pi'], [40, 'Ti'], [30, 'Gi'], [20, 'Mi'], [10, 'Ki']]

/** DecimalSI canonical form of `value × 10^scale` (value an integer): the largest suffix with an integer mantissa. */
function decimalSI(value: number, scale: number): string {
  if (value === 0) return '0'
  const neg = value < 0
  const v = Math.abs(value)
  if (v > Number.MAX_SAFE_INTEGER) return decimalSIBig(BigInt(v) * (neg ? -1n : 1n), scale)
  for (const [exp, suffix] of DECIMAL) {
    if (exp < scale) break
    const unit = 10 ** (exp - scale)
    if (v % unit === 0) return `${neg ? '-' : ''}${v / unit}${suffix}`
  }
  return `${neg ? '-' : ''}${v}`
}

function decimalSIBig(value: bigint, scale: number): string {
  const neg = value < 0n
  const v = neg ? -value : value
  for (const [exp, suffix] of DECIMAL) {
    if (exp < scale) break
    const unit = 10n ** BigInt(exp - scale)
    if (v % unit === 0n) return `${neg ? '-' : ''}${v / unit}${suffix}`
  }
  return `${neg ? '-' : ''}${v}`
}

/** CPU in integer nanocores → "250m", "1234567n", "2" (NewScaledQuantity(n, Nano), DecimalSI). */
export function nanoCpuQuantity(nanocores: number): string {
  return decimalSI(Math.max(0, Math.trunc(nanocores)), -9)
}

/** NewMilliQuantity(m, DecimalSI).String(): 90 → "90m", 1000 → "1", 10485760000 → "10485760". */
export function milliQuantity(milli: number): string {
  return decimalSI(Math.trunc(milli), -3)
}

/** Bytes as BinarySI: "4Ki", "3Mi", or plain digits when no binary suffix divides exactly. */
export function bytesQuantity(n: number): string {
  const v = Math.max(0, Math.trunc(n))
  if (v === 0) return '0'
  for (const [shift, suffix] of BINARY) {
    const unit = 2 ** shift
    if (v % unit === 0) return `${v / unit}${suffix}`
  }
  return String(v)
}

const SUFFIX_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const SUFFIX_SHIFT: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }

/** The exact value of a quantity string in nano-units, or undefined if malformed. */
export function nanoValue(q: string): bigint | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(q.trim())
  if (!m || (m[2] === '' && !m[3])) return undefined
  const digits = BigInt((m[2] || '0') + (m[3] ?? ''))
  const fracLen = (m[3] ?? '').length
  const sign = m[1] === '-' ? -1n : 1n
  const suffix = m[5] ?? ''
  if (SUFFIX_SHIFT[suffix] !== undefined) {
    const num = digits * (1n << BigInt(SUFFIX_SHIFT[suffix])) * 10n ** 9n
    return (sign * num) / 10n ** BigInt(fracLen)
  }
  const exp = (m[4] ? Number(m[4].slice(1)) : SUFFIX_EXP[suffix]) + 9 - fracLen
  if (exp >= 0) return sign * digits * 10n ** BigInt(exp)
  // Below a nano-unit: rounded up, as Quantity keeps at most nano precision.
  const div = 10n ** BigInt(-exp)
  return sign * ((digits + div - 1n) / div)
}

const milliMemo = new Map<string, number>()

/** Quantity.MilliValue(): ceil(q × 1000). Memoised: the same few strings recur every sync. */
export function milliValue(q: string | number | undefined | null): number {
  if (q === undefined || q === null) return 0
  const text = String(q)
  const hit = milliMemo.get(text)
  if (hit !== undefined) return hit
  const n = nanoValue(text)
  const milli = n === undefined ? 0 : Number(n >= 0n ? (n + 999_999n) / 1_000_000n : n / 1_000_000n)
  if (milliMemo.size > 50_000) milliMemo.clear()
  milliMemo.set(text, milli)
  return milli
}

/** Go's time.Duration.String() for a whole number of milliseconds: "15s", "12.5s", "1m0s", "500ms". */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s'
  const neg = ms < 0
  let v = Math.abs(Math.round(ms))
  if (v < 1000) return `${neg ? '-' : ''}${v}ms`
  const h = Math.floor(v / 3_600_000)
  v -= h * 3_600_000
  const m = Math.floor(v / 60_000)
  v -= m * 60_000
  const s = Math.floor(v / 1000)
  const frac = v % 1000
  const secs = frac ? `${s}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s` : `${s}s`
  return `${neg ? '-' : ''}${h ? `${h}h${m}m` : m ? `${m}m` : ''}${secs}`
}

const durationMemo = new Map<string, number>()

/** Parses what goDurationString prints (and Go's other unit forms) back to milliseconds. */
export function parseGoDuration(s: string): number {
  const hit = durationMemo.get(s)
  if (hit !== undefined) return hit
  const v = parseDuration(s)
  if (durationMemo.size > 10_000) durationMemo.clear()
  durationMemo.set(s, v)
  return v
}

function parseDuration(s: string): number {
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, µs: 1e-3, ns: 1e-6 }
  let ms = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(s))) ms += Number(m[1]) * unit[m[2]]
  return Math.round(ms)
}
