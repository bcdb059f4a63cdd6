// Compares a command's output with its `#>` expectations, exactly as tests/golden/README.md says:
// whitespace collapsed per line, `*` = any one token, `/regex/` = one token matching the whole
// regex (`\/` is a slash), `...` = any number of lines, trailing empty output lines ignored.

export function normalize(line: string): string {
  return line.trim().replace(/\s+/g, ' ')
}

const regexCache = new Map<string, RegExp | null>()

/** The regex of a `/regex/` token, or null when the token is not one (or does not compile). */
export function tokenRegex(token: string): RegExp | null {
  if (token.length < 3 || token[0] !== '/' || token[token.length - 1] !== '/') return null
  // The closing slash must not itself be escaped (`/a\/` is not a regex token).
  let bs = 0
  for (let k = token.length - 2; k >= 1 && token[k] === '\\'; k--) bs++
  if (bs % 2 === 1) return null
  let re = regexCache.get(token)
  if (re === undefined) {
    const body = token.slice(1, -1).replace(/\\\//g, '/')
    try {
      re = new RegExp(`^(?:${body})$`)
    } catch {
      re = null
    }
    regexCache.set(token, re)
  }
  return re
}

export function matchToken(pattern: string, actual: string): boolean {
  if (pattern === '*' || pattern === actual) return true
  const re = tokenRegex(pattern)
  return re !== null && re.test(actual)
}

/** One expectation line (without `#>`) against one output line. */
export function matchLine(pattern: string, actual: string): boolean {
  const p = normalize(pattern)
  const a = normalize(actual)
  if (p === a) return true
  const pt = p === '' ? [] : p.split(' ')
  const at = a === '' ? [] : a.split(' ')
  if (pt.length !== at.length) return false
  return pt.every((t, k) => matchToken(t, at[k]))
}

export const isWildcard = (pattern: string) => normalize(pattern) === '...'

export function trimTrailingEmpty(lines: string[]): string[] {
  let n = lines.length
  while (n > 0 && normalize(lines[n - 1]) === '') n--
  return lines.slice(0, n)
}

export interface MatchResult {
  ok: boolean
  /** On failure: the expectation and output line where matching got furthest (0-based). */
  expectIndex: number
  actualIndex: number
}

/** Matches expectation lines against output lines, backtracking over `...` lines. */
export function matchLines(expected: string[], actualRaw: string[]): MatchResult {
  const actual = trimTrailingEmpty(actualRaw)
  const memo = new Map<number, boolean>()
  let best = { e: 0, a: 0 }
  const W = actual.length + 1
  const go = (e: number, a: number): boolean => {
    const key = e * W + a
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    let r: boolean
    if (e === expected.length) r = a === actual.length
    else if (isWildcard(expected[e])) r = go(e + 1, a) || (a < actual.length && go(e, a + 1))
    else r = a < actual.length && matchLine(expected[e], actual[a]) && go(e + 1, a + 1)
    if (!r && (e > best.e || (e === best.e && a > best.a))) best = { e, a }
    memo.set(key, r)
    return r
  }
  const ok = go(0, 0)
  return ok ? { ok, expectIndex: -1, actualIndex: -1 } : { ok, expectIndex: best.e, actualIndex: best.a }
}

/** A readable diff: expectations, then actual output, `>` marking the first mismatching line. */
export function formatDiff(expected: string[], actual: string[], m: MatchResult, indent = '  '): string {
  const out: string[] = []
  const mark = (on: boolean) => (on ? '> ' : '  ')
  out.push(`${indent}expected:`)
  expected.forEach((l, k) => out.push(`${indent}${mark(k === m.expectIndex)}${l.trim() === '' ? '(empty line)' : l.trim()}`))
  if (m.expectIndex >= expected.length) out.push(`${indent}> (end of expected output)`)
  const act = trimTrailingEmpty(actual)
  out.push(`${indent}actual:`)
  if (act.length === 0 && m.actualIndex <= 0) out.push(`${indent}> (no output)`)
  act.forEach((l, k) => out.push(`${indent}${mark(k === m.actualIndex)}${l.trim() === '' ? '(empty line)' : l}`))
  if (act.length > 0 && m.actualIndex >= act.length) out.push(`${indent}> (end of output)`)
  return out.join('\n')
}
