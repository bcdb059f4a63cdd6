// resource.Quantity.String(): the canonical form error messages print (e.g. "0.5" → "500m",
// "1024Mi" → "1Gi", "2000" → "2k"). k8s.io/apimachinery/pkg/api/resource/quantity.go (CanonicalizeBytes).
import { parseQuantity } from '../quantity'

const BINARY = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']
const DECIMAL: [number, string][] = [
  [18, 'E'],
  [15, 'P'],
  [12, 'T'],
  [9, 'G'],
  [6, 'M'],
  [3, 'k'],
  [0, ''],
  [-3, 'm'],
  [-6, 'u'],
  [-9, 'n'],
]

function decimalSI(v: number): string {
  const sign = v < 0 ? '-' : ''
  const nanos = Math.ceil(Math.abs(v) * 1e9 - 1e-6) // values below 1n round up, as upstream does
  if (nanos === 0) return '0'
  for (const [exp, suffix] of DECIMAL) {
    const unit = 10 ** (exp + 9)
    if (nanos % unit === 0) return `${sign}${nanos / unit}${suffix}`
  }
  return `${sign}${nanos}n`
}

export function canonicalQuantity(q: unknown): string {
  if (typeof q === 'number') return decimalSI(q)
  if (typeof q !== 'string') return String(q)
  const v = parseQuantity(q)
  if (Number.isNaN(v)) return q
  if (/[eE][+-]?\d+$/.test(q.trim())) return q.trim() // DecimalExponent keeps its form
  if (/(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(q.trim()) && Number.isInteger(v) && v >= 0) {
    let k = 0
    let n = v
    while (k < BINARY.length - 1 && n >= 1024 && n % 1024 === 0) {
      n /= 1024
      k++
    }
    return `${n}${BINARY[k]}`
  }
  return decimalSI(v)
}
