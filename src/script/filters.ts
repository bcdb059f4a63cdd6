// The filter stages a scenario script may pipe into (grep, head, tail, wc -l): parsing their
// arguments like GNU coreutils/grep do, and applying them to lines of output.
import type { Filter } from './types'

/** Thrown for bad filter arguments; the parser adds the file and line. */
export class FilterError extends Error {}

function intArg(tool: string, flag: string, v: string | undefined): number {
  if (v === undefined || !/^\d+$/.test(v)) throw new FilterError(`${tool}: invalid ${flag} argument ${v === undefined ? '(missing)' : JSON.stringify(v)}`)
  return Number(v)
}

export function parseGrep(args: string[]): Filter {
  const f = { kind: 'grep' as const, pattern: '', count: false, ignoreCase: false, invert: false, extended: false, fixed: false, word: false, after: 0, before: 0 }
  let pattern: string | undefined
  const rest: string[] = []
  for (let k = 0; k < args.length; k++) {
    const a = args[k]
    if (a === '--') {
      rest.push(...args.slice(k + 1))
      break
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a)
      continue
    }
    const long: Record<string, keyof typeof f> = { '--count': 'count', '--ignore-case': 'ignoreCase', '--invert-match': 'invert', '--extended-regexp': 'extended', '--fixed-strings': 'fixed', '--word-regexp': 'word' }
    if (a.startsWith('--')) {
      const key = long[a]
      if (!key) throw new FilterError(`grep: unsupported option ${a} (supported: -c -i -v -E -F -w -A N -B N -C N -e PATTERN)`)
      ;(f as Record<string, unknown>)[key] = true
      continue
    }
    // Short options, possibly combined (-ci) and with attached values (-A3, -epattern).
    for (let j = 1; j < a.length; j++) {
      const o = a[j]
      const attached = a.slice(j + 1)
      const value = () => (attached ? attached : args[++k])
      if (o === 'c') f.count = true
      else if (o === 'i') f.ignoreCase = true
      else if (o === 'v') f.invert = true
      else if (o === 'E') f.extended = true
      else if (o === 'F') f.fixed = true
      else if (o === 'w') f.word = true
      else if (o === 'A' || o === 'B' || o === 'C') {
        const n = intArg('grep', `-${o}`, value())
        if (o !== 'B') f.after = n
        if (o !== 'A') f.before = n
        break
      } else if (o === 'e') {
        pattern = value()
        if (pattern === undefined) throw new FilterError('grep: option -e needs a pattern')
        break
      } else throw new FilterError(`grep: unsupported option -${o} (supported: -c -i -v -E -F -w -A N -B N -C N -e PATTERN)`)
    }
  }
  if (pattern === undefined) pattern = rest.shift()
  if (pattern === undefined) throw new FilterError('grep: missing pattern')
  if (rest.length) throw new FilterError(`grep: reads only its input here; unexpected argument ${JSON.stringify(rest[0])}`)
  f.pattern = pattern
  toRegExp(f) // fail at parse time on a bad pattern
  return f
}

function parseCount(tool: 'head' | 'tail', args: string[]): { n: number; from?: number } {
  let spec: string | undefined
  for (let k = 0; k < args.length; k++) {
    const a = args[k]
    if (a === '-n' || a === '--lines') spec = args[++k] ?? ''
    else if (a.startsWith('--lines=')) spec = a.slice(8)
    else if (a.startsWith('-n')) spec = a.slice(2)
    else if (/^-\d+$/.test(a)) spec = a.slice(1)
    else throw new FilterError(`${tool}: unsupported argument ${JSON.stringify(a)} (use ${tool} -n N or ${tool} -N)`)
  }
  if (spec === undefined) return { n: 10 }
  const m = /^([+-]?)(\d+)$/.exec(spec)
  if (!m) throw new FilterError(`${tool}: invalid number of lines: ${JSON.stringify(spec)}`)
  const n = Number(m[2])
  if (tool === 'tail' && m[1] === '+') return { n: 0, from: n }
  if (tool === 'head' && m[1] === '-') return { n: -n }
  return { n }
}

export function parseFilter(program: string, args: string[]): Filter {
  if (program === 'grep') return parseGrep(args)
  if (program === 'head') return { kind: 'head', ...parseCount('head', args) }
  if (program === 'tail') return { kind: 'tail', ...parseCount('tail', args) }
  if (program === 'wc') {
    if (args.length !== 1 || args[0] !== '-l') throw new FilterError('wc: only `wc -l` is supported')
    return { kind: 'wc-l' }
  }
  throw new FilterError(`unsupported command "${program}"`)
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', word: 'A-Za-z0-9_',
}

/** Translates a POSIX basic or extended regex (GNU flavour) into JavaScript regex source. */
export function posixToJs(pattern: string, extended: boolean): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '[') {
      // Bracket expression: copied, with [:class:] expanded; `]` first is literal.
      let j = i + 1
      let body = ''
      if (pattern[j] === '^') {
        body += '^'
        j++
      }
      if (pattern[j] === ']') {
        body += '\\]'
        j++
      }
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        const cls = /^\[:([a-z]+):\]/.exec(pattern.slice(j))
        if (cls && POSIX_CLASSES[cls[1]]) {
          body += POSIX_CLASSES[cls[1]]
          j += cls[0].length - 1
        } else if (pattern[j] === '\\') body += '\\\\'
        else body += pattern[j]
      }
      if (j >= pattern.length) throw new FilterError(`grep: Unmatched [, [^, [:, [., or [=`)
      out += `[${body}]`
      i = j
    } else if (ch === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]
      if (!extended && '(){}|+?'.includes(n)) out += n
      else if ('<>'.includes(n)) out += '\\b'
      else out += '\\' + n
    } else if (!extended && '(){}|+?'.includes(ch)) out += '\\' + ch
    else out += ch
  }
  return out
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

export function toRegExp(f: Extract<Filter, { kind: 'grep' }>): RegExp {
  let src = f.fixed ? escapeRe(f.pattern) : posixToJs(f.pattern, f.extended)
  if (f.word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`
  try {
    return new RegExp(src, f.ignoreCase ? 'i' : '')
  } catch (e) {
    throw new FilterError(`grep: invalid pattern ${JSON.stringify(f.pattern)}: ${(e as Error).message}`)
  }
}

function grep(f: Extract<Filter, { kind: 'grep' }>, lines: string[]): string[] {
  const re = toRegExp(f)
  const hit = lines.map((l) => re.test(l) !== f.invert)
  if (f.count) return [String(hit.filter(Boolean).length)]
  if (f.after === 0 && f.before === 0) return lines.filter((_, i) => hit[i])
  // Context lines, with GNU grep's `--` between non-adjacent groups.
  const show = new Array<boolean>(lines.length).fill(false)
  hit.forEach((h, i) => {
    if (!h) return
    for (let k = Math.max(0, i - f.before); k <= Math.min(lines.length - 1, i + f.after); k++) show[k] = true
  })
  const out: string[] = []
  let last = -1
  show.forEach((s, i) => {
    if (!s) return
    if (last >= 0 && i > last + 1) out.push('--')
    out.push(lines[i])
    last = i
  })
  return out
}

export function applyFilter(f: Filter, lines: string[]): string[] {
  switch (f.kind) {
    case 'grep':
      return grep(f, lines)
    case 'head':
      return f.n >= 0 ? lines.slice(0, f.n) : lines.slice(0, Math.max(0, lines.length + f.n))
    case 'tail':
      if (f.from !== undefined) return lines.slice(Math.max(0, f.from - 1))
      return f.n === 0 ? [] : lines.slice(-f.n)
    case 'wc-l':
      return [String(lines.length)]
  }
}

/** Runs the filters in order on text (a final newline ends the last line, as for the shell). */
export function applyFilters(filters: Filter[], text: string): string[] {
  let lines = splitLines(text)
  for (const f of filters) lines = applyFilter(f, lines)
  return lines
}

export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}
