// Splits one shell command (possibly continued over several lines) into words, pipes and a heredoc
// marker, with bash's quoting rules for the subset scenario scripts use.
// Anything beyond the subset (`;`, `&&`, redirections, `$VAR`, backticks) is rejected, not guessed.

export type Token =
  | { kind: 'word'; text: string }
  | { kind: 'pipe' }
  | { kind: 'heredoc'; delimiter: string; stripTabs: boolean }

export interface Lexed {
  tokens: Token[]
  /** Index of the last source line consumed (continuations and multi-line quotes). */
  lastLine: number
}

/** A lexing error at a 0-based line index. */
export class LexError extends Error {
  constructor(
    readonly lineIndex: number,
    readonly reason: string,
  ) {
    super(reason)
  }
}

const BLANK = /[ \t]/
const DQ_ESCAPABLE = new Set(['"', '\\', '$', '`'])

/** Lexes the command starting at `lines[start]`. */
export function lexCommand(lines: string[], start: number): Lexed {
  const tokens: Token[] = []
  let li = start
  let s = lines[li]
  let i = 0
  let word: string | null = null
  const flush = () => {
    if (word !== null) tokens.push({ kind: 'word', text: word })
    word = null
  }
  /** Moves to the next source line; false at end of input. */
  const nextLine = (): boolean => {
    if (li + 1 >= lines.length) return false
    li++
    s = lines[li]
    i = 0
    return true
  }
  const unsupported = (what: string) => new LexError(li, `unsupported shell syntax ${what} (scenario scripts run one command per line, optionally piped into grep/head/tail/wc)`)
  const checkDollar = (next: string | undefined) => {
    if (next !== undefined && /[A-Za-z_{(0-9@*#?$!-]/.test(next)) throw new LexError(li, 'shell variables and substitutions ($...) are not supported in scenario scripts')
  }

  for (;;) {
    if (i >= s.length) {
      flush()
      return { tokens, lastLine: li }
    }
    const ch = s[i]
    if (BLANK.test(ch)) {
      flush()
      i++
    } else if (ch === '#' && word === null) {
      // A comment runs to the end of the line.
      flush()
      return { tokens, lastLine: li }
    } else if (ch === '\\') {
      if (i + 1 >= s.length) {
        // Line continuation: the newline is removed, the word may go on.
        const startLine = li
        if (!nextLine()) throw new LexError(startLine, 'line continuation `\\` at the end of the script')
        continue
      }
      word = (word ?? '') + s[i + 1]
      i += 2
    } else if (ch === "'") {
      word = word ?? ''
      const open = li
      i++
      for (;;) {
        const end = s.indexOf("'", i)
        if (end >= 0) {
          word += s.slice(i, end)
          i = end + 1
          break
        }
        word += s.slice(i) + '\n'
        if (!nextLine()) throw new LexError(open, 'unterminated single quote')
      }
    } else if (ch === '"') {
      word = word ?? ''
      const open = li
      i++
      for (;;) {
        if (i >= s.length) {
          word += '\n'
          if (!nextLine()) throw new LexError(open, 'unterminated double quote')
          continue
        }
        const c = s[i]
        if (c === '"') {
          i++
          break
        }
        if (c === '\\') {
          if (i + 1 >= s.length) {
            // Backslash-newline inside double quotes is a continuation.
            if (!nextLine()) throw new LexError(open, 'unterminated double quote')
            continue
          }
          const n = s[i + 1]
          word += DQ_ESCAPABLE.has(n) ? n : '\\' + n
          i += 2
          continue
        }
        if (c === '`') throw unsupported('"`"')
        if (c === '$') checkDollar(s[i + 1])
        word += c
        i++
      }
    } else if (ch === '|') {
      if (s[i + 1] === '|') throw unsupported('"||"')
      flush()
      tokens.push({ kind: 'pipe' })
      i++
    } else if (ch === '<' && s[i + 1] === '<') {
      if (s[i + 2] === '<') throw unsupported('"<<<"')
      flush()
      i += 2
      let stripTabs = false
      if (s[i] === '-') {
        stripTabs = true
        i++
      }
      while (i < s.length && BLANK.test(s[i])) i++
      const m = /^(?:'([^']*)'|"([^"]*)"|([A-Za-z0-9_.-]+))/.exec(s.slice(i))
      if (!m) throw new LexError(li, 'heredoc without a delimiter word after <<')
      tokens.push({ kind: 'heredoc', delimiter: m[1] ?? m[2] ?? m[3], stripTabs })
      i += m[0].length
    } else if (ch === ';' || ch === '&' || ch === '<' || ch === '>' || ch === '`' || ch === '(' || ch === ')') {
      throw unsupported(`"${ch === '&' && s[i + 1] === '&' ? '&&' : ch}"`)
    } else {
      if (ch === '$') checkDollar(s[i + 1])
      word = (word ?? '') + ch
      i++
    }
  }
}
