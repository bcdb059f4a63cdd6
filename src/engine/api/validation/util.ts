// Small helpers for validators: semantic equality and numeric checks with upstream texts.
import { invalid_, type FieldError } from './errors'

/** JSON with sorted keys, so that key order does not matter (apiequality.Semantic.DeepEqual on decoded values). */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v ?? null)
}

/** Fast path first: objects cloned from one another usually keep their key order. */
export const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b) || canonical(a) === canonical(b)

/** ValidateNonnegativeField: `must be greater than or equal to 0`. */
export function nonNegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid_(path, value, 'must be greater than or equal to 0')] : []
}

/** validation.IsInRange → `must be between a and b, inclusive`. */
export function inRange(value: unknown, lo: number, hi: number, path: string): FieldError[] {
  return typeof value === 'number' && (value < lo || value > hi) ? [invalid_(path, value, `must be between ${lo} and ${hi}, inclusive`)] : []
}

/** Port number or IANA name (ValidatePortNumOrName). */
export function portNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return port >= 1 && port <= 65535 ? [] : [invalid_(path, port, 'must be between 1 and 65535, inclusive')]
  if (typeof port === 'string') {
    if (/^\d+$/.test(port)) return portNumOrName(Number(port), path)
    return isValidPortNameErrs(port, path)
  }
  return []
}

function isValidPortNameErrs(v: string, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (v.length > 15) errs.push(invalid_(path, v, 'must be no more than 15 characters'))
  if (!/^[-a-z0-9]+$/.test(v)) errs.push(invalid_(path, v, 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'))
  if (!/[a-z]/.test(v)) errs.push(invalid_(path, v, 'must contain at least one letter (a-z)'))
  return errs
}
