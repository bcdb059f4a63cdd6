// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): text with {actions}; actions are
// paths (.a.b, ['a'], [0], [*], [1:3], ..name, [?(@.x=="y")], unions [a,b]), string literals
// ({"\n"}) and {range path}…{end}. Several results of one action are joined by a space; maps and
// slices print as compact JSON. Missing keys print nothing (kubectl's allowMissingKeys default).
// Source: client-go util/jsonpath parser.go, jsonpath.go (PrintResults, evalFilter).
import { toCompactJson } from './json'

 

type Step =
  | { t: 'field'; name: string }
  | { t: 'recursive'; name: string }
  | { t: 'index'; indices: (number | string)[] }
  | { t: 'slice'; start?: number; end?: number; step?: number }
  | { t: 'wildcard' }
  | { t: 'filter'; left: Step[]; op?: string; right?: Step[] | { lit: unknown } }

type Node =
  | { t: 'text'; text: string }
  | { t: 'path'; paths: Step[][] }
  | { t: 'range'; path: Step[]; body: Node[] }

export class JsonPathError extends Error {}

/** Splits the template into text and {action} pieces. */
function lex(tpl: string): { text?: string; action?: string }[] {
  const out: { text?: string; action?: string }[] = []
  let i = 0
  while (i < tpl.length) {
    const open = tpl.indexOf('{', i)
    if (open < 0) {
      out.push({ text: tpl.slice(i) })
      break
    }
    if (open > i) out.push({ text: tpl.slice(i, open) })
    // find the matching close brace, skipping quoted strings
    let j = open + 1
    let depth = 1
    let quote: string | null = null
    for (; j < tpl.length; j++) {
      const ch = tpl[j]
      if (quote) {
        if (ch === '\\') j++
        else if (ch === quote) quote = null
        continue
      }
      if (ch === '"' || ch === "'") quote = ch
      else if (ch === '{') depth++
      else if (ch === '}' && --depth === 0) break
    }
    if (j >= tpl.length) throw new JsonPathError('unclosed action')
    out.push({ action: tpl.slice(open + 1, j).trim() })
    i = j + 1
  }
  return out
}

function parseLiteral(s: string): unknown {
  const t = s.trim()
  if (/^".*"$/s.test(t)) return JSON.parse(t)
  if (/^'.*'$/s.test(t)) return t.slice(1, -1)
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t)
  if (t === 'true' || t === 'false') return t === 'true'
  throw new JsonPathError(`unrecognized literal ${t}`)
}

/** Parses one path (".a[0].b", "@.a", "$.a", "..x") into steps. */
function parsePath(src: string): Step[] {
  let s = src.trim()
  if (s.startsWith('$') || s.startsWith('@')) s = s.slice(1)
  const steps: Step[] = []
  let i = 0
  const ident = () => {
    let j = i
    while (j < s.length && /[A-Za-z0-9_\-/\\]/.test(s[j])) {
      if (s[j] === '\\') j++
      j++
    }
    const name = s.slice(i, j).replace(/\\(.)/g, '$1')
    i = j
    return name
  }
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      i += 2
      steps.push({ t: 'recursive', name: ident() })
    } else if (s[i] === '.') {
      i++
      if (s[i] === '*') {
        i++
        steps.push({ t: 'wildcard' })
        continue
      }
      const name = ident()
      if (name) steps.push({ t: 'field', name })
    } else if (s[i] === '[') {
      let depth = 0
      let j = i
      let quote: string | null = null
      for (; j < s.length; j++) {
        const ch = s[j]
        if (quote) {
          if (ch === quote) quote = null
          continue
        }
        if (ch === '"' || ch === "'") quote = ch
        else if (ch === '[') depth++
        else if (ch === ']' && --depth === 0) break
      }
      if (j >= s.length) throw new JsonPathError('unterminated array')
      const inner = s.slice(i + 1, j).trim()
      i = j + 1
      steps.push(parseBracket(inner))
    } else if (/\s/.test(s[i])) i++
    else {
      const name = ident()
      if (!name) throw new JsonPathError(`unrecognized character in action: ${s[i]}`)
      steps.push({ t: 'field', name })
    }
  }
  return steps
}

function parseBracket(inner: string): Step {
  if (inner === '*') return { t: 'wildcard' }
  if (inner.startsWith('?')) {
    const m = /^\?\((.*)\)$/s.exec(inner)
    if (!m) throw new JsonPathError(`invalid filter ${inner}`)
    const body = m[1].trim()
    const op = /(==|!=|<=|>=|<|>)/.exec(body)
    if (!op) return { t: 'filter', left: parsePath(body) }
    const l = body.slice(0, op.index).trim()
    const r = body.slice(op.index + op[0].length).trim()
    const right = r.startsWith('@') || r.startsWith('$') ? parsePath(r) : { lit: parseLiteral(r) }
    return { t: 'filter', left: parsePath(l), op: op[0], right }
  }
  if (/^-?\d*:-?\d*(:-?\d*)?$/.test(inner)) {
    const [a, b, c] = inner.split(':')
    const num = (x?: string) => (x === undefined || x === '' ? undefined : Number(x))
    return { t: 'slice', start: num(a), end: num(b), step: num(c) }
  }
  const parts = inner.split(',').map((p) => p.trim())
  return {
    t: 'index',
    indices: parts.map((p) => {
      if (/^-?\d+$/.test(p)) return Number(p)
      if (/^'.*'$/.test(p) || /^".*"$/.test(p)) return p.slice(1, -1)
      throw new JsonPathError(`invalid array index ${p}`)
    }),
  }
}

function parseTemplate(tpl: string): Node[] {
  const root: Node[] = []
  const stack: Node[][] = [root]
  for (const piece of lex(tpl)) {
    const cur = stack[stack.length - 1]
    if (piece.text !== undefined) {
      cur.push({ t: 'text', text: piece.text })
      continue
    }
    const a = piece.action!
    if (a === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end')
      stack.pop()
    } else if (a.startsWith('range ') || a === 'range') {
      const node: Node = { t: 'range', path: parsePath(a.slice(5)), body: [] }
      cur.push(node)
      stack.push(node.body)
    } else if (/^".*"$/s.test(a) || /^'.*'$/s.test(a)) {
      cur.push({ t: 'text', text: String(parseLiteral(a)) })
    } else if (a === '') {
      continue
    } else {
      cur.push({ t: 'path', paths: splitTopLevel(a).map(parsePath) })
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range')
  return root
}

/** Splits "a,b" at top-level commas (not inside brackets or quotes). */
function splitTopLevel(s: string): string[] {
  const out: string[] = []
  let depth = 0
  let quote: string | null = null
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (quote) {
      if (ch === quote) quote = null
      continue
    }
    if (ch === '"' || ch === "'") quote = ch
    else if (ch === '[' || ch === '(') depth++
    else if (ch === ']' || ch === ')') depth--
    else if (ch === ',' && depth === 0) {
      out.push(s.slice(start, i))
      start = i + 1
    }
  }
  out.push(s.slice(start))
  return out
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

function recursive(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) for (const x of v) recursive(x, name, out)
  else if (isObj(v)) {
    if (name && name in v) out.push(v[name])
    for (const k of Object.keys(v)) recursive(v[k], name, out)
  }
}

function evalSteps(values: unknown[], steps: Step[]): unknown[] {
  let cur = values
  for (const st of steps) {
    const next: unknown[] = []
    for (const v of cur) {
      switch (st.t) {
        case 'field':
          if (isObj(v) && st.name in v && v[st.name] !== undefined) next.push(v[st.name])
          break
        case 'recursive':
          recursive(v, st.name, next)
          break
        case 'wildcard':
          if (Array.isArray(v)) next.push(...v)
          else if (isObj(v)) for (const k of Object.keys(v).sort()) next.push(v[k])
          break
        case 'index':
          for (const ix of st.indices) {
            if (typeof ix === 'number' && Array.isArray(v)) {
              const i = ix < 0 ? v.length + ix : ix
              if (i < 0 || i >= v.length) throw new JsonPathError(`array index out of bounds: index ${ix}, length ${v.length}`)
              next.push(v[i])
            } else if (typeof ix === 'string' && isObj(v) && ix in v) next.push(v[ix])
          }
          break
        case 'slice':
          if (Array.isArray(v)) {
            const len = v.length
            const norm = (x: number | undefined, d: number) => (x === undefined ? d : x < 0 ? Math.max(0, len + x) : Math.min(x, len))
            const a = norm(st.start, 0)
            const b = norm(st.end, len)
            const stepN = st.step ?? 1
            for (let i = a; i < b; i += stepN > 0 ? stepN : 1) next.push(v[i])
          }
          break
        case 'filter':
          if (Array.isArray(v)) for (const el of v) if (filterMatches(el, st)) next.push(el)
          break
      }
    }
    cur = next
  }
  return cur
}

function filterMatches(el: unknown, f: Extract<Step, { t: 'filter' }>): boolean {
  const left = evalSteps([el], f.left)
  if (!f.op) return left.length > 0
  if (left.length === 0) return false
  const rights = f.right && 'lit' in f.right ? [f.right.lit] : evalSteps([el], (f.right as Step[]) ?? [])
  if (rights.length === 0) return false
  const a = left[0] as any
  const b = rights[0] as any
  switch (f.op) {
    case '==': return a === b || (typeof a === 'number' && String(a) === String(b))
    case '!=': return !(a === b)
    case '<': return a < b
    case '>': return a > b
    case '<=': return a <= b
    case '>=': return a >= b
  }
  return false
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'object') return toCompactJson(v)
  return String(v)
}

function run(nodes: Node[], data: unknown, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.text)
    else if (n.t === 'path') {
      const results = n.paths.flatMap((p) => evalSteps([data], p))
      out.push(results.map(text).join(' '))
    } else {
      for (const item of evalSteps([data], n.path)) run(n.body, item, out)
    }
  }
}

/** Evaluates a kubectl JSONPath template against `data`. */
export function jsonpath(template: string, data: unknown): { ok: true; text: string } | { ok: false; message: string } {
  let nodes: Node[]
  try {
    nodes = parseTemplate(template)
  } catch (e) {
    return { ok: false, message: `error parsing jsonpath ${template}, ${(e as Error).message}` }
  }
  try {
    const out: string[] = []
    run(nodes, data, out)
    return { ok: true, text: out.join('') }
  } catch (e) {
    return { ok: false, message: `error executing jsonpath ${JSON.stringify(template)}: ${(e as Error).message}` }
  }
}

/** Results of one path expression (for custom-columns). */
export function jsonpathValues(expr: string, data: unknown): unknown[] {
  const nodes = parseTemplate(expr)
  const out: unknown[] = []
  for (const n of nodes) if (n.t === 'path') out.push(...n.paths.flatMap((p) => evalSteps([data], p)))
  return out
}
