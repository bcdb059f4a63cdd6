// A small POSIX sh parser (the subset scripts in pod specs use): lists, && ||, pipes, if/while/
// until/for, { } and ( ), quoting, $VAR/${VAR…}/$(…)/`…`/$((…)) and redirections.
// Grammar after POSIX XCU 2.10 "Shell Grammar"; error texts after busybox ash.
import type { Node, Part, Program, Redir, Word } from './ast'

type Tok =
  | { t: 'word'; w: Word; raw: string }
  | { t: 'op'; v: string }
  | { t: 'redir'; fd: number | null; op: string }
  | { t: 'nl' }
  | { t: 'eof' }

export class ShellSyntaxError extends Error {}

const OPS = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '<&', '&>', ';', '&', '|', '(', ')', '<', '>']
const META = ' \t\n;&|()<>'

/** Index of the `)` closing a `$(` whose body starts at `i` (quote-aware). */
function matchParen(src: string, i: number): number {
  let depth = 1
  while (i < src.length) {
    const ch = src[i]
    if (ch === '\\') { i += 2; continue }
    if (ch === "'") { const j = src.indexOf("'", i + 1); if (j < 0) break; i = j + 1; continue }
    if (ch === '"') {
      i++
      while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1
      i++
      continue
    }
    if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return i
    i++
  }
  throw new ShellSyntaxError('syntax error: unterminated quoted string')
}

/** A here-document waiting for its body (read after the next newline). */
interface PendingHeredoc { redir: Redir; delim: string; quoted: boolean; strip: boolean }

class Lexer {
  i = 0
  heredocs: PendingHeredoc[] = []
  constructor(private src: string, private nodes: Node[]) {}

  /** Reads the bodies of pending here-documents (POSIX 2.7.4), starting at the current line. */
  private readHeredocs(): void {
    for (const h of this.heredocs) {
      let body = ''
      while (this.i < this.src.length) {
        let end = this.src.indexOf('\n', this.i)
        if (end < 0) end = this.src.length
        let line = this.src.slice(this.i, end)
        this.i = Math.min(end + 1, this.src.length)
        if (h.strip) line = line.replace(/^\t+/, '')
        if (line === h.delim) break
        body += line + '\n'
      }
      h.redir.target = h.quoted ? [{ k: 'lit', s: body, q: true }] : this.bodyWord(body)
    }
    this.heredocs = []
  }

  /** An unquoted here-document body: parameter, command and arithmetic expansion; no quote removal. */
  private bodyWord(body: string): Word {
    const sub = new Lexer(body, this.nodes)
    const parts: Part[] = []
    while (sub.i < body.length) {
      const c = body[sub.i]
      if (c === '\\' && '$`\\\n'.includes(body[sub.i + 1] ?? '')) {
        if (body[sub.i + 1] !== '\n') parts.push({ k: 'lit', s: body[sub.i + 1], q: true })
        sub.i += 2
      } else if (c === '$' || c === '`') {
        const part = sub.readDollar(true)
        if (part) parts.push(part)
        else { parts.push({ k: 'lit', s: '$', q: true }); sub.i++ }
      } else { parts.push({ k: 'lit', s: c, q: true }); sub.i++ }
    }
    return parts
  }

  next(): Tok {
    const s = this.src
    while (this.i < s.length) {
      const ch = s[this.i]
      if (ch === ' ' || ch === '\t') this.i++
      else if (ch === '\\' && s[this.i + 1] === '\n') this.i += 2
      else if (ch === '#') { while (this.i < s.length && s[this.i] !== '\n') this.i++ }
      else break
    }
    if (this.i >= s.length) return { t: 'eof' }
    const ch = s[this.i]
    if (ch === '\n') {
      this.i++
      if (this.heredocs.length) this.readHeredocs()
      return { t: 'nl' }
    }
    // IO number: digits directly followed by < or >.
    const io = /^(\d)(?=[<>])/.exec(s.slice(this.i, this.i + 2))
    if (io) {
      this.i += 1
      const op = this.readOp() as string
      return { t: 'redir', fd: Number(io[1]), op }
    }
    const op = this.readOp()
    if (op) {
      if (op === '>' || op === '>>' || op === '<' || op === '>&' || op === '<&' || op === '&>' || op === '<<' || op === '<<-') return { t: 'redir', fd: null, op }
      return { t: 'op', v: op }
    }
    const start = this.i
    const w = this.readWord(META)
    return { t: 'word', w, raw: s.slice(start, this.i) }
  }

  private readOp(): string | undefined {
    for (const op of OPS) if (this.src.startsWith(op, this.i)) { this.i += op.length; return op }
    return undefined
  }

  /** Reads one word up to an unquoted character of `stop`. */
  readWord(stop: string): Word {
    const s = this.src
    const parts: Part[] = []
    const lit = (text: string, q: boolean) => {
      const last = parts[parts.length - 1]
      if (last && last.k === 'lit' && last.q === q) last.s += text
      else parts.push({ k: 'lit', s: text, q })
    }
    while (this.i < s.length && !stop.includes(s[this.i])) {
      const ch = s[this.i]
      if (ch === "'") {
        const j = s.indexOf("'", this.i + 1)
        if (j < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string')
        lit(s.slice(this.i + 1, j), true)
        this.i = j + 1
      } else if (ch === '"') {
        this.i++
        lit('', true) // "" is an (empty) quoted field
        while (true) {
          if (this.i >= s.length) throw new ShellSyntaxError('syntax error: unterminated quoted string')
          const c = s[this.i]
          if (c === '"') { this.i++; break }
          if (c === '\\' && '$`"\\\n'.includes(s[this.i + 1] ?? '')) {
            if (s[this.i + 1] !== '\n') lit(s[this.i + 1], true)
            this.i += 2
          } else if (c === '$' || c === '`') {
            const p = this.readDollar(true)
            if (p) parts.push(p)
            else { lit('$', true); this.i++ }
          } else { lit(c, true); this.i++ }
        }
      } else if (ch === '\\') {
        if (s[this.i + 1] !== '\n' && this.i + 1 < s.length) lit(s[this.i + 1], true)
        this.i += 2
      } else if (ch === '$' || ch === '`') {
        const p = this.readDollar(false)
        if (p) parts.push(p)
        else { lit('$', false); this.i++ }
      } else { lit(ch, false); this.i++ }
    }
    return parts
  }

  /** At `$` or a backtick: an expansion part, or undefined for a literal `$`. */
  readDollar(q: boolean): Part | undefined {
    const s = this.src
    if (s[this.i] === '`') {
      let j = this.i + 1
      while (j < s.length && s[j] !== '`') j += s[j] === '\\' ? 2 : 1
      if (j >= s.length) throw new ShellSyntaxError('syntax error: unterminated quoted string')
      const inner = s.slice(this.i + 1, j).replace(/\\([`$\\])/g, '$1')
      this.i = j + 1
      return { k: 'sub', node: parseInto(inner, this.nodes), q }
    }
    const rest = s.slice(this.i + 1)
    if (rest.startsWith('((')) {
      const end = matchParen(s, this.i + 3)
      if (s[end + 1] !== ')') throw new ShellSyntaxError('syntax error: missing ))')
      const expr = s.slice(this.i + 3, end)
      this.i = end + 2
      return { k: 'arith', expr, q }
    }
    if (rest.startsWith('(')) {
      const end = matchParen(s, this.i + 2)
      const inner = s.slice(this.i + 2, end)
      this.i = end + 1
      return { k: 'sub', node: parseInto(inner, this.nodes), q }
    }
    if (rest.startsWith('{')) {
      const end = s.indexOf('}', this.i + 2)
      if (end < 0) throw new ShellSyntaxError('syntax error: bad substitution')
      const body = s.slice(this.i + 2, end)
      this.i = end + 1
      const m = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!])(?:(:?[-=+?])([\s\S]*))?$/.exec(body)
      if (!m) throw new ShellSyntaxError(`syntax error: bad substitution`)
      if (m[1]) return { k: 'var', name: m[2], q, op: '#' }
      if (m[3] !== undefined) {
        const sub = new Lexer(m[4], this.nodes)
        return { k: 'var', name: m[2], q, op: m[3], arg: sub.readWord('') }
      }
      return { k: 'var', name: m[2], q }
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(rest)
    if (!m) return undefined
    this.i += 1 + m[1].length
    return { k: 'var', name: m[1], q }
  }
}

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'for', 'do', 'done', 'case', 'esac', '{', '}', '!', 'in'])

class Parser {
  private tok: Tok
  private lex: Lexer
  constructor(src: string, private nodes: Node[]) {
    this.lex = new Lexer(src, nodes)
    this.tok = this.lex.next()
  }

  private add(n: Node): number {
    this.nodes.push(n)
    return this.nodes.length - 1
  }

  private advance(): Tok {
    const t = this.tok
    this.tok = this.lex.next()
    return t
  }

  private kw(): string | undefined {
    const t = this.tok
    if (t.t !== 'word' || !KEYWORDS.has(t.raw)) return undefined
    return t.raw
  }

  private skipNl(): void {
    while (this.tok.t === 'nl') this.advance()
  }

  private describe(): string {
    const t = this.tok
    if (t.t === 'eof') return 'end of file'
    if (t.t === 'nl') return 'newline'
    if (t.t === 'word') return `"${t.raw}"`
    if (t.t === 'redir') return `redirection`
    return `"${t.v}"`
  }

  private unexpected(expecting?: string): never {
    const what = this.describe()
    throw new ShellSyntaxError(`syntax error: unexpected ${what}${expecting ? ` (expecting "${expecting}")` : ''}`)
  }

  private expectKw(k: string): void {
    if (this.kw() !== k) this.unexpected(k)
    this.advance()
  }

  program(): number {
    this.skipNl()
    const root = this.list([])
    if (this.tok.t !== 'eof') this.unexpected()
    return root
  }

  /** A sequence of and-or lists, up to one of the terminating keywords. */
  private list(terms: string[]): number {
    const items: number[] = []
    while (true) {
      this.skipNl()
      const k = this.kw()
      if (this.tok.t === 'eof' || (k && terms.includes(k)) || (this.tok.t === 'op' && (this.tok.v === ')' || this.tok.v === ';;'))) break
      items.push(this.andor())
      if (this.tok.t === 'op' && (this.tok.v === ';' || this.tok.v === '&')) this.advance()
      else if (this.tok.t === 'nl') this.advance()
      else break
    }
    return this.add({ t: 'seq', items })
  }

  private andor(): number {
    const first = this.pipeline()
    const rest: { op: '&&' | '||'; node: number }[] = []
    while (this.tok.t === 'op' && (this.tok.v === '&&' || this.tok.v === '||')) {
      const op = this.advance() as { v: '&&' | '||' }
      this.skipNl()
      rest.push({ op: op.v, node: this.pipeline() })
    }
    return rest.length ? this.add({ t: 'andor', first, rest }) : first
  }

  private pipeline(): number {
    let bang = false
    if (this.kw() === '!') { this.advance(); bang = true }
    const cmds = [this.command()]
    while (this.tok.t === 'op' && this.tok.v === '|') {
      this.advance()
      this.skipNl()
      cmds.push(this.command())
    }
    return cmds.length > 1 || bang ? this.add({ t: 'pipe', cmds, bang }) : cmds[0]
  }

  private redirs(): Redir[] {
    const out: Redir[] = []
    while (this.tok.t === 'redir') out.push(this.redir())
    return out
  }

  private redir(): Redir {
    const r = this.advance() as { fd: number | null; op: string }
    const target = this.tok
    if (target.t !== 'word') this.unexpected()
    if (r.op === '<<' || r.op === '<<-') {
      // The delimiter's quoting decides whether the body is expanded; the body follows the next newline.
      const redir: Redir = { fd: r.fd ?? 0, op: '<<', target: [] }
      const quoted = target.w.some((p) => p.k === 'lit' && p.q)
      const delim = target.w.map((p) => (p.k === 'lit' ? p.s : '')).join('')
      this.lex.heredocs.push({ redir, delim, quoted, strip: r.op === '<<-' })
      this.advance()
      return redir
    }
    this.advance()
    return { fd: r.fd ?? (r.op === '<' || r.op === '<&' ? 0 : 1), op: r.op === '<&' ? '<' : r.op, target: target.w }
  }

  private command(): number {
    const k = this.kw()
    if (k === 'if') {
      this.advance()
      const clauses: { cond: number; body: number }[] = []
      let cond = this.list(['then'])
      this.expectKw('then')
      clauses.push({ cond, body: this.list(['elif', 'else', 'fi']) })
      let els: number | null = null
      while (this.kw() === 'elif') {
        this.advance()
        cond = this.list(['then'])
        this.expectKw('then')
        clauses.push({ cond, body: this.list(['elif', 'else', 'fi']) })
      }
      if (this.kw() === 'else') { this.advance(); els = this.list(['fi']) }
      this.expectKw('fi')
      return this.add({ t: 'if', clauses, else: els, redirs: this.redirs() })
    }
    if (k === 'while' || k === 'until') {
      this.advance()
      const cond = this.list(['do'])
      this.expectKw('do')
      const body = this.list(['done'])
      this.expectKw('done')
      return this.add({ t: 'loop', until: k === 'until', cond, body, redirs: this.redirs() })
    }
    if (k === 'for') {
      this.advance()
      const name = this.tok
      if (name.t !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw)) this.unexpected()
      this.advance()
      let words: Word[] | null = null
      this.skipNl()
      if (this.kw() === 'in') {
        this.advance()
        words = []
        while (this.tok.t === 'word') words.push((this.advance() as { w: Word }).w)
      }
      if (this.tok.t === 'op' && this.tok.v === ';') this.advance()
      this.skipNl()
      this.expectKw('do')
      const body = this.list(['done'])
      this.expectKw('done')
      return this.add({ t: 'for', name: name.raw, words, body, redirs: this.redirs() })
    }
    if (k === 'case') {
      this.advance()
      const w = this.tok
      if (w.t !== 'word') this.unexpected()
      this.advance()
      this.skipNl()
      this.expectKw('in')
      const items: { pats: Word[]; body: number }[] = []
      while (true) {
        this.skipNl()
        if (this.kw() === 'esac') break
        const open = this.tok as Tok
        if (open.t === 'op' && open.v === '(') this.advance()
        const pats: Word[] = []
        while (true) {
          const t = this.tok as Tok
          if (t.t !== 'word') this.unexpected(')')
          pats.push(t.w)
          this.advance()
          const sep = this.tok as Tok
          if (sep.t === 'op' && sep.v === '|') { this.advance(); continue }
          if (sep.t === 'op' && sep.v === ')') { this.advance(); break }
          this.unexpected(')')
        }
        const body = this.list(['esac'])
        items.push({ pats, body })
        const end = this.tok as Tok
        if (end.t === 'op' && end.v === ';;') { this.advance(); continue }
        if (this.kw() !== 'esac') this.unexpected('esac')
      }
      this.expectKw('esac')
      return this.add({ t: 'case', word: w.w, items, redirs: this.redirs() })
    }
    if (k === '{') {
      this.advance()
      const body = this.list(['}'])
      this.expectKw('}')
      return this.add({ t: 'group', body, sub: false, redirs: this.redirs() })
    }
    if (this.tok.t === 'op' && this.tok.v === '(') {
      this.advance()
      const body = this.list([])
      const close = this.tok as Tok
      if (!(close.t === 'op' && close.v === ')')) this.unexpected(')')
      this.advance()
      return this.add({ t: 'group', body, sub: true, redirs: this.redirs() })
    }
    if (k && k !== '!' && k !== '{' && k !== 'in') this.unexpected()
    return this.simple()
  }

  private simple(): number {
    const assigns: { name: string; value: Word }[] = []
    const words: Word[] = []
    const redirs: Redir[] = []
    while (true) {
      const t = this.tok
      if (t.t === 'redir') { redirs.push(this.redir()); continue }
      if (t.t !== 'word') break
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw)
      if (words.length === 0 && m && t.w[0]?.k === 'lit' && !t.w[0].q) {
        const value: Word = structuredClone(t.w)
        const first = value[0] as { s: string }
        first.s = first.s.slice(m[0].length)
        assigns.push({ name: m[1], value })
      } else words.push(t.w)
      this.advance()
    }
    if (!assigns.length && !words.length && !redirs.length) this.unexpected()
    return this.add({ t: 'cmd', assigns, words, redirs })
  }
}

function parseInto(src: string, nodes: Node[]): number {
  return new Parser(src, nodes).program()
}

/** Parses a script; throws ShellSyntaxError. */
export function parseScript(src: string): Program {
  const nodes: Node[] = []
  const root = parseInto(src, nodes)
  return { nodes, root }
}
