// Text filters for pipes: grep, head, tail, wc, sort, tr, cut (the options scripts use).
import type { Command, Ctx } from './types'
import { readFile } from '../fs'
import { FOREVER_MS } from './basic'

function lines(text: string): string[] {
  if (!text) return []
  const l = text.split('\n')
  if (l[l.length - 1] === '') l.pop()
  return l
}

/** Input: the named files, or stdin. */
function input(ctx: Ctx, files: string[]): { text: string; missing?: string } {
  if (!files.length) return { text: ctx.stdin }
  let text = ''
  for (const f of files) {
    const c = f === '-' ? ctx.stdin : readFile(ctx.host, ctx.info, ctx.st, f)
    if (c === undefined) return { text, missing: f }
    text += c
  }
  return { text }
}

/** Parses -n N / -N / -nN for head and tail. */
function countArg(args: string[]): { n: number; rest: string[] } {
  let n = 10
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-n') n = parseInt(args[++i], 10)
    else if (/^-n-?\d+$/.test(a)) n = parseInt(a.slice(2), 10)
    else if (/^-\d+$/.test(a)) n = parseInt(a.slice(1), 10)
    else rest.push(a)
  }
  return { n, rest }
}

const grep: Command = (ctx) => {
  const flags = new Set<string>()
  const rest: string[] = []
  let pattern: string | undefined
  const args = ctx.argv.slice(1)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-e') pattern = args[++i]
    else if (/^-[a-zA-Z]+$/.test(a)) for (const f of a.slice(1)) flags.add(f)
    else if (pattern === undefined) pattern = a
    else rest.push(a)
  }
  if (pattern === undefined) { ctx.err('Usage: grep [-cioqvE] PATTERN [FILE]...\n'); return { code: 2 } }
  const src = input(ctx, rest)
  if (src.missing) { ctx.err(`grep: ${src.missing}: No such file or directory\n`); return { code: 2 } }
  let re: RegExp
  try {
    // Basic regular expressions: \| \( \) are the operators, bare | ( ) are literals.
    const js = flags.has('E') ? pattern : pattern.replace(/\\([|()])|([|()+?{}])/g, (_m, esc: string, lit: string) => (esc ? esc : '\\' + lit))
    re = new RegExp(js, flags.has('i') ? 'i' : '')
  } catch {
    ctx.err(`grep: bad regex '${pattern}'\n`)
    return { code: 2 }
  }
  const hits = lines(src.text).filter((l) => re.test(l) !== flags.has('v'))
  if (flags.has('q')) return { code: hits.length ? 0 : 1 }
  if (flags.has('c')) ctx.out(`${hits.length}\n`)
  else ctx.out(hits.map((l) => l + '\n').join(''))
  return { code: hits.length ? 0 : 1 }
}

const head: Command = (ctx) => {
  const { n, rest } = countArg(ctx.argv.slice(1))
  const l = lines(input(ctx, rest).text)
  ctx.out((n >= 0 ? l.slice(0, n) : l.slice(0, n)).map((x) => x + '\n').join(''))
  return { code: 0 }
}

const tail: Command = (ctx) => {
  const args = ctx.argv.slice(1)
  const follow = args.some((a) => /^-[a-zA-Z]*f/.test(a))
  const { n, rest } = countArg(args.filter((a) => !/^-[a-zA-Z]*f$/.test(a)))
  const l = lines(input(ctx, rest).text)
  ctx.out((n === 0 ? [] : l.slice(-n)).map((x) => x + '\n').join(''))
  // tail -f (the `tail -f /dev/null` keep-alive): nothing more is ever appended; it blocks forever.
  return follow ? { code: 0, ms: FOREVER_MS } : { code: 0 }
}

const wc: Command = (ctx) => {
  const flags = ctx.argv.slice(1).filter((a) => a.startsWith('-')).join('')
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-'))
  const text = input(ctx, files).text
  const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: text.length }
  const which = (['l', 'w', 'c'] as const).filter((k) => flags.includes(k))
  const shown = which.length ? which : (['l', 'w', 'c'] as const)
  const pad = shown.length > 1 ? 7 : 0
  ctx.out(shown.map((k) => String(counts[k]).padStart(pad)).join(' ') + (files.length ? ` ${files.join(' ')}` : '') + '\n')
  return { code: 0 }
}

const sort: Command = (ctx) => {
  const args = ctx.argv.slice(1)
  const l = lines(input(ctx, args.filter((a) => !a.startsWith('-'))).text)
  const numeric = args.some((a) => a.startsWith('-') && a.includes('n'))
  l.sort(numeric ? (a, b) => parseFloat(a) - parseFloat(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (args.some((a) => a.startsWith('-') && a.includes('r'))) l.reverse()
  ctx.out(l.map((x) => x + '\n').join(''))
  return { code: 0 }
}

const tr: Command = (ctx) => {
  const args = ctx.argv.slice(1)
  const expand = (s: string) => s.replace(/(\w)-(\w)/g, (_m, a: string, b: string) => {
    let r = ''
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) r += String.fromCharCode(c)
    return r
  }).replace(/\\n/g, '\n')
  if (args[0] === '-d') {
    const set = expand(args[1] ?? '')
    ctx.out([...ctx.stdin].filter((ch) => !set.includes(ch)).join(''))
    return { code: 0 }
  }
  const from = expand(args[0] ?? '')
  const to = expand(args[1] ?? '')
  ctx.out([...ctx.stdin].map((ch) => { const i = from.indexOf(ch); return i < 0 ? ch : to[Math.min(i, to.length - 1)] ?? ch }).join(''))
  return { code: 0 }
}

const cut: Command = (ctx) => {
  const args = ctx.argv.slice(1)
  let delim = '\t'
  let fields: number[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-d') delim = args[++i]
    else if (a.startsWith('-d')) delim = a.slice(2)
    else if (a === '-f') fields = args[++i].split(',').map(Number)
    else if (a.startsWith('-f')) fields = a.slice(2).split(',').map(Number)
  }
  ctx.out(lines(ctx.stdin).map((l) => l.split(delim).filter((_x, i) => fields.includes(i + 1)).join(delim) + '\n').join(''))
  return { code: 0 }
}

export const TEXT: Record<string, Command> = { grep, head, tail, wc, sort, tr, cut }
