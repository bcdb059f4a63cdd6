// Simple builtins and coreutils/busybox commands: echo, printf, test, sleep, cat, env, date, …
import type { Command, Ctx } from './types'
import { listDir, podHostname, readFile } from '../fs'
import { civil, unixMs } from '../../../sim/time'

const isBusybox = (ctx: Ctx) => ctx.info.tools.includes('ash')
/** "Forever" for sleep infinity / tail -f: a finite sim time (about 31 years) keeps the state plain JSON. */
export const FOREVER_MS = 1e12

/** Backslash escapes of echo -e / printf (\n \t \\ \c \0nnn). */
function unescape(s: string): { text: string; stop: boolean } {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) { out += s[i]; continue }
    const c = s[++i]
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' }
    if (c === 'c') return { text: out, stop: true }
    if (c in map) out += map[c]
    else if (c === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1)) as RegExpExecArray
      out += String.fromCharCode(parseInt(m[0] || '0', 8))
      i += m[0].length
    } else out += '\\' + c
  }
  return { text: out, stop: false }
}

const echo: Command = (ctx) => {
  let args = ctx.argv.slice(1)
  let newline = true
  let esc = false
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) { if (f === 'n') newline = false; else if (f === 'e') esc = true; else esc = false }
    args = args.slice(1)
  }
  let text = args.join(' ')
  if (esc) {
    const u = unescape(text)
    text = u.text
    if (u.stop) newline = false
  }
  ctx.out(text + (newline ? '\n' : ''))
  return { code: 0 }
}

const printf: Command = (ctx) => {
  const [fmt, ...rest] = ctx.argv.slice(1)
  if (fmt === undefined) { ctx.err('printf: usage: printf format [arguments]\n'); return { code: 2 } }
  let args = rest
  let out = ''
  do {
    let used = 0
    out += fmt.replace(/%([-0-9.]*)([sdiouxXcf%])/g, (_m, flags: string, conv: string) => {
      if (conv === '%') return '%'
      const a = args[used++] ?? ''
      let v: string
      if (conv === 's') v = a
      else if (conv === 'c') v = a.slice(0, 1)
      else if (conv === 'f') v = (Number(a) || 0).toFixed(flags.includes('.') ? Number(flags.split('.')[1]) : 6)
      else if (conv === 'x' || conv === 'X') v = (parseInt(a, 10) || 0).toString(16)
      else v = String(parseInt(a, 10) || 0)
      const w = parseInt(flags.replace(/\..*/, ''), 10)
      if (w) v = flags.startsWith('-') ? v.padEnd(w) : v.padStart(w, flags.startsWith('0') ? '0' : ' ')
      return v
    })
    args = args.slice(used)
    if (!used) break
  } while (args.length)
  ctx.out(unescape(out).text)
  return { code: 0 }
}

function testExpr(ctx: Ctx, a: string[]): boolean {
  if (a.length === 0) return false
  const oi = a.indexOf('-o')
  if (oi > 0) return testExpr(ctx, a.slice(0, oi)) || testExpr(ctx, a.slice(oi + 1))
  const ai = a.indexOf('-a')
  if (ai > 0) return testExpr(ctx, a.slice(0, ai)) && testExpr(ctx, a.slice(ai + 1))
  if (a[0] === '!') return !testExpr(ctx, a.slice(1))
  if (a.length === 1) return a[0] !== ''
  if (a.length === 2) {
    const [op, v] = a
    const file = () => readFile(ctx.host, ctx.info, ctx.st, v)
    switch (op) {
      case '-z': return v === ''
      case '-n': return v !== ''
      case '-e': case '-f': case '-r': return file() !== undefined
      case '-s': return (file() ?? '') !== ''
      case '-d': return listDir(ctx.st, v) !== undefined
      case '-x': case '-w': return file() !== undefined
      default: throw new Error(`${op}: unknown operand`)
    }
  }
  const [l, op, r] = a
  const n = (x: string) => {
    if (!/^\s*-?\d+\s*$/.test(x)) throw new Error(`${JSON.stringify(x).slice(1, -1)}: bad number`)
    return parseInt(x, 10)
  }
  switch (op) {
    case '=': case '==': return l === r
    case '!=': return l !== r
    case '-eq': return n(l) === n(r)
    case '-ne': return n(l) !== n(r)
    case '-lt': return n(l) < n(r)
    case '-le': return n(l) <= n(r)
    case '-gt': return n(l) > n(r)
    case '-ge': return n(l) >= n(r)
  }
  throw new Error(`${op}: unknown operand`)
}

const test: Command = (ctx) => {
  let args = ctx.argv.slice(1)
  if (ctx.argv[0] === '[') {
    if (args[args.length - 1] !== ']') { ctx.err("[: missing ]\n"); return { code: 2 } }
    args = args.slice(0, -1)
  }
  try {
    return { code: testExpr(ctx, args) ? 0 : 1 }
  } catch (e) {
    ctx.err(`sh: ${(e as Error).message}\n`)
    return { code: 2 }
  }
}

/** sleep N[smhd]… (fractions allowed, arguments add up: busybox FANCY_SLEEP, coreutils). */
const sleep: Command = (ctx) => {
  const args = ctx.argv.slice(1)
  if (!args.length) { ctx.err(isBusybox(ctx) ? 'BusyBox v1.36.1 multi-call binary.\n\nUsage: sleep [N]...\n' : 'sleep: missing operand\n'); return { code: 1 } }
  let ms = 0
  for (const a of args) {
    // coreutils and busybox ≥ 1.31 (strtod) accept "inf"/"infinity": sleep forever.
    if (/^inf(inity)?$/i.test(a) && !/^1\.[12]\d/.test(ctx.info.tag)) return { code: 0, ms: FOREVER_MS }
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a)
    if (!m) {
      ctx.err(isBusybox(ctx) ? `sleep: invalid number '${a}'\n` : `sleep: invalid time interval '${a}'\n`)
      return { code: 1 }
    }
    const mult = { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
    ms += Number(m[1]) * mult
  }
  // The command's own 1 ms is already counted by the interpreter.
  return { code: 0, ms: Math.max(0, Math.round(ms) - 1) }
}

const cat: Command = (ctx) => {
  const files = ctx.argv.slice(1).filter((a) => a !== '-u')
  if (!files.length) { ctx.out(ctx.stdin); return { code: 0 } }
  let code = 0
  for (const f of files) {
    if (f === '-') { ctx.out(ctx.stdin); continue }
    const content = readFile(ctx.host, ctx.info, ctx.st, f)
    if (content === undefined) {
      ctx.err(isBusybox(ctx) ? `cat: can't open '${f}': No such file or directory\n` : `cat: ${f}: No such file or directory\n`)
      code = 1
    } else ctx.out(content)
  }
  return { code }
}

const env: Command = (ctx) => {
  ctx.out(Object.entries(ctx.env()).map(([k, v]) => `${k}=${v}\n`).join(''))
  return { code: 0 }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const p2 = (n: number) => String(n).padStart(2, '0')

/** date [+FORMAT]: UTC (containers have no TZ), default format "Sat Mar  1 09:00:05 UTC 2025". */
const date: Command = (ctx) => {
  const unix = unixMs(ctx.st.clock)
  const t = civil(unix)
  const fmt = ctx.argv.slice(1).find((a) => a.startsWith('+'))?.slice(1) ?? '%a %b %e %H:%M:%S %Z %Y'
  const out = fmt.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'Y': return String(t.year)
      case 'm': return p2(t.month)
      case 'd': return p2(t.day)
      case 'e': return String(t.day).padStart(2, ' ')
      case 'H': return p2(t.hour)
      case 'M': return p2(t.minute)
      case 'S': return p2(t.second)
      case 's': return String(Math.floor(unix / 1000))
      case 'T': return `${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)}`
      case 'F': return `${t.year}-${p2(t.month)}-${p2(t.day)}`
      case 'a': return DAYS[t.weekday]
      case 'b': return MONTHS[t.month - 1]
      case 'Z': return 'UTC'
      case 'z': return '+0000'
      case 'N': return String(t.ms * 1000000).padStart(9, '0')
      case '%': return '%'
      default: return '%' + c
    }
  })
  ctx.out(out + '\n')
  return { code: 0 }
}

const uname: Command = (ctx) => {
  const f = ctx.argv.slice(1).join('')
  const parts = { s: 'Linux', n: podHostname(ctx.host), r: '5.15.0-105-generic', v: '#115-Ubuntu SMP Mon Apr 15 09:52:04 UTC 2024', m: 'x86_64', o: 'GNU/Linux' }
  if (f.includes('a')) ctx.out(`${parts.s} ${parts.n} ${parts.r} ${parts.v} ${parts.m} ${parts.o}\n`)
  else {
    const keys = (f.replace(/-/g, '') || 's').split('') as (keyof typeof parts)[]
    ctx.out(keys.map((k) => parts[k] ?? '').join(' ') + '\n')
  }
  return { code: 0 }
}

function uid(ctx: Ctx): number {
  const c = [...(ctx.host.pod.spec?.containers ?? []), ...(ctx.host.pod.spec?.initContainers ?? []), ...(ctx.host.pod.spec?.ephemeralContainers ?? [])].find((x: { name: string }) => x.name === ctx.host.container)
  return c?.securityContext?.runAsUser ?? ctx.host.pod.spec?.securityContext?.runAsUser ?? 0
}

const whoami: Command = (ctx) => {
  const u = uid(ctx)
  if (u !== 0) { ctx.err(`whoami: unknown uid ${u}\n`); return { code: 1 } }
  ctx.out('root\n')
  return { code: 0 }
}

const id: Command = (ctx) => {
  const u = uid(ctx)
  ctx.out(u === 0 ? 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n' : `uid=${u} gid=0(root)\n`)
  return { code: 0 }
}

const hostname: Command = (ctx) => {
  // hostname -i: the addresses the hostname resolves to (/etc/hosts → the pod IP).
  if (ctx.argv[1] === '-i') { ctx.out((ctx.host.pod.status?.podIP ?? '127.0.0.1') + '\n'); return { code: 0 } }
  ctx.out(podHostname(ctx.host) + '\n')
  return { code: 0 }
}

const ls: Command = (ctx) => {
  const paths = ctx.argv.slice(1).filter((a) => !a.startsWith('-'))
  let code = 0
  for (const p of paths.length ? paths : ['/']) {
    const entries = listDir(ctx.st, p)
    if (entries) ctx.out(entries.map((e) => e + '\n').join(''))
    else if (readFile(ctx.host, ctx.info, ctx.st, p) !== undefined) ctx.out(p + '\n')
    else {
      ctx.err(isBusybox(ctx) ? `ls: ${p}: No such file or directory\n` : `ls: cannot access '${p}': No such file or directory\n`)
      code = isBusybox(ctx) ? 1 : 2
    }
  }
  return { code }
}

const touch: Command = (ctx) => {
  for (const f of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) if (!(f in ctx.st.files)) ctx.st.files[f] = ''
  return { code: 0 }
}

const rm: Command = (ctx) => {
  for (const f of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) delete ctx.st.files[f]
  return { code: 0 }
}

/** cp SRC DST: copies a simulated file; image files we do not model count as present. */
const cp: Command = (ctx) => {
  const [src, dst] = ctx.argv.slice(1).filter((a) => !a.startsWith('-'))
  if (!src || !dst) { ctx.err('cp: missing file operand\n'); return { code: 1 } }
  const content = readFile(ctx.host, ctx.info, ctx.st, src)
  if (content !== undefined) ctx.st.files[dst] = content
  return { code: 0 }
}

const tee: Command = (ctx) => {
  const append = ctx.argv.includes('-a')
  for (const f of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) ctx.st.files[f] = (append ? ctx.st.files[f] ?? '' : '') + ctx.stdin
  ctx.out(ctx.stdin)
  return { code: 0 }
}

const seq: Command = (ctx) => {
  const n = ctx.argv.slice(1).map(Number)
  const [first, step, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]]
  let out = ''
  for (let i = first, k = 0; step > 0 ? i <= last : i >= last; i += step, k++) { if (k > 100000) break; out += `${i}\n` }
  ctx.out(out)
  return { code: 0 }
}

const basename: Command = (ctx) => {
  ctx.out((ctx.argv[1] ?? '').replace(/\/+$/, '').split('/').pop() + '\n')
  return { code: 0 }
}

export const BASIC: Record<string, Command> = {
  echo, printf, test, '[': test, sleep, cat, env, printenv: env, date, uname, whoami, id, hostname, ls, touch, rm, cp, tee, seq, basename,
  true: () => ({ code: 0 }),
  false: () => ({ code: 1 }),
  ':': () => ({ code: 0 }),
  pwd: (ctx) => { ctx.out('/\n'); return { code: 0 } },
  mkdir: () => ({ code: 0 }),
  kill: () => ({ code: 0 }),
}
