// Word expansion (POSIX XCU 2.6): parameters, command substitution, arithmetic, then field
// splitting of unquoted results on IFS whitespace. No pathname expansion (globs stay literal).
import type { Word } from './ast'
import { evalArith } from './arith'

export interface Expander {
  /** Value of a parameter, undefined when unset. */
  lookup(name: string): string | undefined
  assign(name: string, value: string): void
  /** Runs a command substitution; its output without trailing newlines. */
  sub(node: number): string
}

export class ExpansionError extends Error {}

function paramValue(ex: Expander, part: Extract<Word[number], { k: 'var' }>): string {
  const v = ex.lookup(part.name)
  switch (part.op) {
    case undefined: return v ?? ''
    case '#': return String((v ?? '').length)
    case ':-': return v ? v : expandOne(ex, part.arg ?? [])
    case '-': return v !== undefined ? v : expandOne(ex, part.arg ?? [])
    case ':=':
    case '=': {
      if (part.op === ':=' ? !v : v === undefined) {
        const d = expandOne(ex, part.arg ?? [])
        ex.assign(part.name, d)
        return d
      }
      return v ?? ''
    }
    case ':+': return v ? expandOne(ex, part.arg ?? []) : ''
    case '+': return v !== undefined ? expandOne(ex, part.arg ?? []) : ''
    case ':?':
    case '?':
      if (part.op === ':?' ? !v : v === undefined) {
        const msg = expandOne(ex, part.arg ?? [])
        throw new ExpansionError(`${part.name}: ${msg || 'parameter not set'}`)
      }
      return v ?? ''
    default: return v ?? ''
  }
}

function partValue(ex: Expander, part: Word[number]): string {
  switch (part.k) {
    case 'lit': return part.s
    case 'var': return paramValue(ex, part)
    case 'sub': return ex.sub(part.node)
    case 'arith':
      try {
        return String(evalArith(part.expr, (n) => ex.lookup(n) ?? ''))
      } catch (e) {
        throw new ExpansionError((e as Error).message)
      }
  }
}

/** Expands words into fields (argv). */
export function expandWords(ex: Expander, words: Word[]): string[] {
  const fields: string[] = []
  for (const w of words) {
    let cur = ''
    let has = false
    for (const part of w) {
      const v = partValue(ex, part)
      if (part.k === 'lit' || part.q) {
        cur += v
        has = has || part.q || v !== ''
        continue
      }
      const pieces = v.split(/[ \t\n]+/)
      pieces.forEach((piece, j) => {
        if (j > 0 && has) { fields.push(cur); cur = ''; has = false }
        cur += piece
        has = has || piece !== ''
      })
    }
    if (has) fields.push(cur)
  }
  return fields
}

/** Expands one word without field splitting (assignments, redirection targets, case words). */
export function expandOne(ex: Expander, w: Word): string {
  return w.map((p) => partValue(ex, p)).join('')
}
