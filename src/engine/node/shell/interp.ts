// The shell model's interpreter: an explicit frame stack over the parsed script, so execution can
// stop when the script must wait (sleep, network latency, step budget) and resume later from the
// plain-JSON state. Every command costs sim time, so `while true; do …; done` advances the clock.
import type { Node, Program, Redir } from './ast'
import { parseScript, ShellSyntaxError } from './parse'
import { expandOne, expandWords, ExpansionError, type Expander } from './expand'
import type { Fd, Frame, ShellState, Sink } from './state'
import type { ImageInfo } from '../images/types'
import type { ProcessHost, ProcessStep } from '../process-types'
import { isServerCommand, serverLogs } from '../images/server'
import { COMMANDS } from './commands/index'
import type { Ctx } from './commands/types'

/** Sim time one command costs. */
export const COMMAND_MS = 1
/** The interpreter yields once it is this far ahead of the cluster clock. */
const MAX_DEBT_MS = 50
const MAX_PIPE_BYTES = 1 << 20
const MAX_FILE_BYTES = 1 << 16
/** Frame transitions per resume before a forced yield. */
const STEP_BUDGET = 5000

export interface ShellEnv {
  host: ProcessHost
  info: ImageInfo
}

/** Shell builtins of ash/dash/bash: available whenever the shell runs. */
const BUILTINS = new Set(['echo', 'printf', 'test', '[', 'true', 'false', ':', 'exit', 'export', 'unset', 'read', 'cd', 'pwd', 'set', 'shift', 'exec', 'kill', 'break', 'continue', 'wait', 'type', 'command', 'local', 'return', 'trap', 'umask', 'ulimit', 'hash', 'times', 'eval', '.', 'source'])

const programs: Record<string, Program> = {}
/** Parsed scripts, cached by source (pure derived data; the state keeps only `src`). */
function program(src: string): Program {
  return (programs[src] ??= parseScript(src))
}

export function newShellState(host: ProcessHost, src: string, args: string[], pid = 1): ShellState {
  return {
    src, args, vars: {}, exports: [], last: 0, clock: host.c.now, stack: [], fds: [{ out: { t: 'host', s: 'stdout' }, err: { t: 'host', s: 'stderr' }, in: null }],
    bufs: {}, nextBuf: 0, files: {}, sysctl: {}, pid,
  }
}

/** Name the shell uses in its error messages: ash "sh: x", dash "sh: 1: x", bash "bash: line 1: x". */
function errPrefix(env: ShellEnv, st: ShellState): string {
  const sh = (st.args[0] ?? 'sh').split('/').pop() as string
  if (sh === 'bash') return 'bash: line 1: '
  if (env.info.tools.includes('dash') && sh === 'sh') return 'sh: 1: '
  return `${sh}: `
}

function write(env: ShellEnv, st: ShellState, sink: Sink, text: string): void {
  if (!text) return
  switch (sink.t) {
    case 'host': env.host.write(sink.s, text); break
    // Caps keep the snapshot bounded: a pipe buffer stops growing (as a full pipe blocks the
    // writer), a file keeps its newest bytes.
    case 'buf': if ((st.bufs[sink.id] ?? '').length < MAX_PIPE_BYTES) st.bufs[sink.id] = (st.bufs[sink.id] ?? '') + text; break
    case 'file': st.files[sink.path] = ((st.files[sink.path] ?? '') + text).slice(-MAX_FILE_BYTES); break
    case 'null': break
  }
}

function top(st: ShellState): Fd {
  return st.fds[st.fds.length - 1]
}

function lookup(env: ShellEnv, st: ShellState, name: string): string | undefined {
  if (name === '?') return String(st.last)
  if (name === '$') return String(st.pid)
  if (name === '!') return ''
  if (name === '-') return ''
  if (name === '#') return String(Math.max(0, st.args.length - 1))
  if (name === '@' || name === '*') return st.args.slice(1).join(' ')
  if (/^\d+$/.test(name)) return st.args[Number(name)]
  if (name in st.vars) return st.vars[name]
  return env.host.env[name]
}

let lastExpander: { env: ShellEnv; st: ShellState; prog: Program; ex: Expander } | undefined
/** The expander of one shell (reused while the same shell runs: it only reads `st` through closures). */
function expander(env: ShellEnv, st: ShellState, prog: Program): Expander {
  const l = lastExpander
  if (l && l.env === env && l.st === st && l.prog === prog) return l.ex
  const ex = makeExpander(env, st, prog)
  lastExpander = { env, st, prog, ex }
  return ex
}

function makeExpander(env: ShellEnv, st: ShellState, prog: Program): Expander {
  return {
    lookup: (n) => lookup(env, st, n),
    assign: (n, v) => { st.vars[n] = v },
    sub: (node) => runSubstitution(env, st, prog, node),
  }
}

/** $(…): runs the sub-program to completion in a copy of the shell (a subshell); output captured. */
function runSubstitution(env: ShellEnv, st: ShellState, prog: Program, node: number): string {
  const id = st.nextBuf++
  const sub: ShellState = {
    ...st, vars: { ...st.vars }, exports: [...st.exports], stack: [],
    fds: [{ out: { t: 'buf', id }, err: top(st).err, in: null }], bufs: st.bufs, done: undefined,
  }
  pushNode(env, sub, prog, node)
  drive(env, sub, prog, false)
  st.clock = sub.clock
  st.cpuMs = sub.cpuMs
  st.files = sub.files
  st.last = sub.done ?? sub.last
  const out = st.bufs[id] ?? ''
  delete st.bufs[id]
  return out.replace(/\n+$/, '')
}

/** Opens the redirections on top of `base`; truncates files opened with `>`. */
function redirect(env: ShellEnv, st: ShellState, prog: Program, base: Fd, redirs: Redir[]): Fd | string {
  const fd: Fd = { ...base }
  const ex = expander(env, st, prog)
  for (const r of redirs) {
    const target = expandOne(ex, r.target)
    if (r.op === '<<') {
      if (r.fd === 0) fd.in = target
      continue
    }
    if (r.op === '<') {
      if (r.fd !== 0) continue
      const content = readFileFor(env, st, target)
      if (content === undefined) return `${target}: nonexistent directory`
      fd.in = content
      continue
    }
    let sink: Sink
    if (r.op === '>&') {
      if (target === '1') sink = fd.out
      else if (target === '2') sink = fd.err
      else if (target === '-') sink = { t: 'null' }
      else sink = fileSink(st, target, false)
    } else if (target === '/dev/null') sink = { t: 'null' }
    else if (target === '/dev/stdout') sink = fd.out
    else if (target === '/dev/stderr') sink = fd.err
    else sink = fileSink(st, target, r.op === '>>')
    if (r.op === '&>') { fd.out = sink; fd.err = sink } else if (r.fd === 2) fd.err = sink
    else if (r.fd === 1) fd.out = sink
  }
  return fd
}

function fileSink(st: ShellState, path: string, append: boolean): Sink {
  if (!append || !(path in st.files)) st.files[path] = ''
  return { t: 'file', path }
}

// Resolved lazily to avoid an import cycle with the commands that read files.
import { readFile } from './fs'
function readFileFor(env: ShellEnv, st: ShellState, path: string): string | undefined {
  return readFile(env.host, env.info, st, path)
}

/** Pushes the frame that runs `n`, applying a compound command's redirections. */
function pushNode(env: ShellEnv, st: ShellState, prog: Program, n: number): string | undefined {
  const node = prog.nodes[n]
  const fdBase = st.fds.length
  if (node.t !== 'seq' && node.t !== 'andor' && node.t !== 'pipe' && node.t !== 'cmd' && node.redirs.length) {
    const fd = redirect(env, st, prog, top(st), node.redirs)
    if (typeof fd === 'string') return fd
    st.fds.push(fd)
  }
  switch (node.t) {
    case 'seq': st.stack.push({ k: 'seq', n, i: 0 }); break
    case 'andor': st.stack.push({ k: 'andor', n, i: 0 }); break
    case 'pipe': st.stack.push({ k: 'pipe', n, i: 0, fdBase, buf: null, input: null }); break
    case 'if': st.stack.push({ k: 'if', n, ci: 0, ph: 'cond', fdBase }); break
    case 'loop': st.stack.push({ k: 'loop', n, ph: 'cond', status: 0, fdBase }); break
    case 'for': {
      const items = node.words ? expandWords(expander(env, st, prog), node.words) : st.args.slice(1)
      st.stack.push({ k: 'for', n, items, i: 0, fdBase })
      break
    }
    case 'case': st.stack.push({ k: 'case', n, ph: 0, fdBase }); break
    case 'group':
      st.stack.push({ k: 'group', n, ph: 0, fdBase, saved: node.sub ? { vars: { ...st.vars }, exports: [...st.exports] } : null })
      break
    case 'cmd': {
      const r = runSimple(env, st, prog, n)
      // set -e: a failing command outside a condition ends the script (POSIX 2.8.1 / set -e).
      if (st.errexit && st.last !== 0 && !pending && !inCondition(st, prog)) pending = { kind: 'exit', code: st.last }
      return r
    }
  }
  return undefined
}

/** Pops a frame, closing the streams it opened. */
function popFrame(st: ShellState): Frame {
  const f = st.stack.pop() as Frame
  if ('fdBase' in f && f.fdBase !== undefined) st.fds.length = Math.min(st.fds.length, f.fdBase)
  if (f.k === 'pipe' && f.buf !== null) delete st.bufs[f.buf]
  if (f.k === 'group' && f.saved) { st.vars = f.saved.vars; st.exports = f.saved.exports }
  return f
}

type Signal = { kind: 'exit'; code: number } | { kind: 'break' | 'continue'; n: number } | { kind: 'serve' }
let pending: Signal | undefined

/** Runs one simple command to completion (its time cost is added to the clock). */
function runSimple(env: ShellEnv, st: ShellState, prog: Program, n: number): undefined {
  const node = prog.nodes[n] as Extract<Node, { t: 'cmd' }>
  const ex = expander(env, st, prog)
  st.clock += COMMAND_MS
  st.cpuMs = (st.cpuMs ?? 0) + COMMAND_MS
  const fail = (msg: string, code: number) => {
    write(env, st, top(st).err, `${errPrefix(env, st)}${msg}\n`)
    st.last = code
  }
  let argv: string[]
  const assigns: Record<string, string> = {}
  try {
    const prev = st.last
    for (const a of node.assigns) assigns[a.name] = expandOne(ex, a.value)
    argv = expandWords(ex, node.words)
    // POSIX 2.9.1: without a command name, the status is the last command substitution's, else 0.
    const hadSub = node.assigns.some((a) => a.value.some((p) => p.k === 'sub'))
    st.last = argv.length ? prev : hadSub ? st.last : 0
  } catch (e) {
    if (e instanceof ExpansionError) { fail(e.message, 2); return }
    throw e
  }
  const fd = redirect(env, st, prog, top(st), node.redirs)
  if (typeof fd === 'string') { fail(fd, 1); return }
  if (!argv.length) {
    Object.assign(st.vars, assigns)
    return
  }
  // exec CMD replaces the shell: when CMD ends, so does the script (with CMD's status).
  const replaces = argv[0] === 'exec' && argv.length > 1
  if (replaces) argv = argv.slice(1)
  if (st.xtrace) write(env, st, top(st).err, `+ ${argv.join(' ')}\n`)
  const name = argv[0]
  const base = name.split('/').pop() as string
  const out = (t: string) => write(env, st, fd.out, t)
  const err = (t: string) => write(env, st, fd.err, t)
  // Control builtins that act on the interpreter itself.
  switch (name) {
    case 'exit': {
      const code = argv[1] !== undefined ? Number(argv[1]) & 255 : st.last
      pending = { kind: 'exit', code: Number.isFinite(code) ? code : 2 }
      return
    }
    case 'break':
    case 'continue':
      pending = { kind: name, n: Math.max(1, Number(argv[1] ?? 1) || 1) }
      st.last = 0
      return
    case 'export':
      for (const a of argv.slice(1)) {
        const eq = a.indexOf('=')
        const key = eq >= 0 ? a.slice(0, eq) : a
        if (eq >= 0) st.vars[key] = a.slice(eq + 1)
        if (!st.exports.includes(key)) st.exports.push(key)
      }
      st.last = 0
      return
    case 'unset':
      for (const a of argv.slice(1)) delete st.vars[a]
      st.last = 0
      return
    case 'set':
      for (const a of argv.slice(1)) {
        if (!/^[-+][a-z]+$/.test(a)) continue
        const on = a[0] === '-'
        if (a.includes('e')) st.errexit = on
        if (a.includes('x')) st.xtrace = on
      }
      st.last = 0
      return
    case 'cd':
    case 'trap':
    case 'umask':
    case 'ulimit':
    case 'hash':
    case 'wait':
      st.last = 0
      return
    case 'shift': {
      const k = Number(argv[1] ?? 1)
      st.args = [st.args[0], ...st.args.slice(1 + k)]
      st.last = 0
      return
    }
    case 'read': {
      const cur = top(st)
      const input = cur.in ?? ''
      if (!input) { st.last = 1; return }
      const nl = input.indexOf('\n')
      const line = nl >= 0 ? input.slice(0, nl) : input
      cur.in = nl >= 0 ? input.slice(nl + 1) : ''
      const names = argv.slice(1).filter((a) => !a.startsWith('-'))
      const fields = line.trim().split(/[ \t]+/)
      names.forEach((v, i) => { st.vars[v] = i === names.length - 1 ? fields.slice(i).join(' ') : fields[i] ?? '' })
      if (!names.length) st.vars.REPLY = line
      st.last = 0
      return
    }
  }
  const isBuiltin = BUILTINS.has(name)
  const available = isBuiltin || env.info.tools.includes(base) || isServerCommand(env.info, name) || (!env.info.known && !COMMANDS[base])
  if (!available) {
    // ash: "sh: curl: not found" (exit 127).
    fail((st.args[0] ?? '').endsWith('bash') ? `${name}: command not found` : `${name}: not found`, 127)
    return
  }
  if (isServerCommand(env.info, name) || (!env.info.known && !COMMANDS[base])) {
    // A foreground server: it runs until the container is stopped.
    for (const line of serverLogs(env.info, st.clock)) out(line + '\n')
    pending = { kind: 'serve' }
    return
  }
  const impl = COMMANDS[base]
  if (!impl) { st.last = 0; return }
  const environ = () => {
    const e: Record<string, string> = { ...env.host.env }
    for (const k of st.exports) if (k in st.vars) e[k] = st.vars[k]
    return Object.assign(e, assigns)
  }
  const ctx: Ctx = { host: env.host, info: env.info, st, argv, stdin: fd.in ?? '', env: environ, out, err, pipe: fd.out.t === 'buf' }
  const res = impl(ctx)
  if (res.busy) {
    // A CPU-bound command: all of its run time is CPU time.
    st.busyFrom = st.clock
    st.busyUntil = st.clock + (res.ms ?? 0)
    st.cpuMs += res.ms ?? 0
  }
  st.clock += res.ms ?? 0
  st.last = res.code
  if (replaces) pending = { kind: 'exit', code: res.code }
  return
}

/** Shell pattern matching (POSIX 2.13): * ? and [...] brackets. */
export function globMatch(pattern: string, value: string): boolean {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '*') re += '.*'
    else if (ch === '?') re += '.'
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2)
      if (end < 0) { re += '\\['; continue }
      re += '[' + pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']'
      i = end
    } else if (ch === '\\' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    else re += ch.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`, 's').test(value)
}

/** Is the running command part of a condition, a non-final && / || operand, or a negated or non-final pipeline element? */
function inCondition(st: ShellState, prog: Program): boolean {
  for (let k = st.stack.length - 1; k >= 0; k--) {
    const f = st.stack[k]
    if ((f.k === 'if' || f.k === 'loop') && f.ph === 'test') return true
    if (f.k === 'andor' && f.i <= (prog.nodes[f.n] as Extract<Node, { t: 'andor' }>).rest.length) return true
    if (f.k === 'pipe') {
      const n = prog.nodes[f.n] as Extract<Node, { t: 'pipe' }>
      if (n.bang || f.i < n.cmds.length) return true
    }
  }
  return false
}

/** Unwinds frames for exit/break/continue; true when the whole shell exited. */
function unwind(st: ShellState, sig: Signal): boolean {
  if (sig.kind === 'exit') {
    while (st.stack.length) {
      const f = popFrame(st)
      if (f.k === 'group' && f.saved) { st.last = sig.code; return false }
    }
    st.last = sig.code
    st.done = sig.code
    return true
  }
  if (sig.kind === 'serve') return false
  let levels = sig.n
  while (st.stack.length) {
    const f = st.stack[st.stack.length - 1]
    if (f.k === 'loop' || f.k === 'for') {
      if (--levels === 0) {
        if (sig.kind === 'break') popFrame(st)
        else if (f.k === 'loop') f.ph = 'cond'
        return false
      }
      popFrame(st)
      continue
    }
    popFrame(st)
  }
  return false
}

/** One transition of the top frame. */
function stepFrame(env: ShellEnv, st: ShellState, prog: Program): void {
  const f = st.stack[st.stack.length - 1]
  const node = f.n >= 0 ? prog.nodes[f.n] : undefined
  const push = (n: number) => {
    const e = pushNode(env, st, prog, n)
    if (e) { write(env, st, top(st).err, `${errPrefix(env, st)}${e}\n`); st.last = 1 }
  }
  switch (f.k) {
    case 'seq': {
      const items = (node as Extract<Node, { t: 'seq' }>).items
      if (f.i < items.length) push(items[f.i++])
      else popFrame(st)
      return
    }
    case 'andor': {
      const n = node as Extract<Node, { t: 'andor' }>
      if (f.i === 0) { f.i = 1; push(n.first); return }
      if (f.i > n.rest.length) { popFrame(st); return }
      const r = n.rest[f.i - 1]
      f.i++
      if ((r.op === '&&') === (st.last === 0)) push(r.node)
      return
    }
    case 'pipe': {
      const n = node as Extract<Node, { t: 'pipe' }>
      if (st.fds.length > f.fdBase) {
        // The previous element finished: its captured output feeds the next one.
        st.fds.length = f.fdBase
        if (f.buf !== null) { f.input = st.bufs[f.buf] ?? ''; delete st.bufs[f.buf]; f.buf = null }
      }
      if (f.i >= n.cmds.length) {
        if (n.bang) st.last = st.last === 0 ? 1 : 0
        popFrame(st)
        return
      }
      const last = f.i === n.cmds.length - 1
      const cur = top(st)
      let out = cur.out
      if (!last) { f.buf = st.nextBuf++; st.bufs[f.buf] = ''; out = { t: 'buf', id: f.buf } }
      st.fds.push({ out, err: cur.err, in: f.i === 0 ? cur.in : f.input ?? '' })
      push(n.cmds[f.i++])
      return
    }
    case 'if': {
      const n = node as Extract<Node, { t: 'if' }>
      if (f.ph === 'cond') { f.ph = 'test'; push(n.clauses[f.ci].cond); return }
      if (f.ph === 'test') {
        if (st.last === 0) { f.ph = 'done'; push(n.clauses[f.ci].body); return }
        f.ci++
        if (f.ci < n.clauses.length) { f.ph = 'cond'; return }
        f.ph = 'done'
        if (n.else !== null) push(n.else)
        else st.last = 0
        return
      }
      popFrame(st)
      return
    }
    case 'loop': {
      const n = node as Extract<Node, { t: 'loop' }>
      // status -1 marks "the body just ran": capture its exit status (the loop's, POSIX 2.9.4).
      if (f.ph === 'cond') { if (f.status < 0) f.status = st.last; f.ph = 'test'; push(n.cond); return }
      if ((st.last === 0) !== n.until) { f.ph = 'cond'; f.status = -1; push(n.body); return }
      popFrame(st)
      st.last = Math.max(0, f.status)
      return
    }
    case 'for': {
      const n = node as Extract<Node, { t: 'for' }>
      if (f.i < f.items.length) { st.vars[n.name] = f.items[f.i++]; push(n.body); return }
      popFrame(st)
      return
    }
    case 'case': {
      const n = node as Extract<Node, { t: 'case' }>
      if (f.ph === 1) { popFrame(st); return }
      const ex = expander(env, st, prog)
      const value = expandOne(ex, n.word)
      const item = n.items.find((it) => it.pats.some((p) => globMatch(expandOne(ex, p), value)))
      f.ph = 1
      if (item) push(item.body)
      else st.last = 0
      return
    }
    case 'group': {
      const n = node as Extract<Node, { t: 'group' }>
      if (f.ph === 0) { f.ph = 1; push(n.body); return }
      const last = st.last
      popFrame(st)
      st.last = last
      return
    }
  }
}

/** Runs frames until the script ends, serves, or (when allowed) must wait; returns why it stopped. */
function drive(env: ShellEnv, st: ShellState, prog: Program, mayYield: boolean): 'done' | 'yield' | 'serve' {
  let budget = STEP_BUDGET
  while (st.stack.length) {
    if (mayYield && (budget-- <= 0 || st.clock - env.host.c.now >= MAX_DEBT_MS)) return 'yield'
    if (!mayYield && budget-- <= -20 * STEP_BUDGET) { st.done = 124; return 'done' }
    stepFrame(env, st, prog)
    const sig = pending
    pending = undefined
    if (sig) {
      if (sig.kind === 'serve') { st.serving = true; return 'serve' }
      if (unwind(st, sig)) return 'done'
    }
  }
  if (st.done === undefined) st.done = st.last
  return 'done'
}

/** Starts or resumes a shell; returns what the process does next. */
export function runShell(env: ShellEnv, st: ShellState): ProcessStep {
  if (st.done !== undefined) return { kind: 'exit', code: st.done }
  if (st.serving) return { kind: 'serve' }
  st.clock = Math.max(st.clock, env.host.c.now)
  let prog: Program
  try {
    prog = program(st.src)
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e
    env.host.write('stderr', `${errPrefix(env, st)}${e.message}\n`)
    st.done = 2
    return { kind: 'exit', code: 2 }
  }
  const why = drive(env, st, prog, true)
  if (why === 'serve') return { kind: 'serve' }
  if (why === 'done') return { kind: 'exit', code: st.done ?? st.last }
  return { kind: 'wait', until: Math.max(st.clock, env.host.c.now + 1) }
}

/** Creates a shell for `src` positioned at the program start. */
export function startShell(env: ShellEnv, src: string, args: string[], opts: { pid?: number; cmdline?: string; flags?: string } = {}): { state: ShellState; step: ProcessStep } {
  const st = newShellState(env.host, src, args, opts.pid ?? 1)
  if (opts.cmdline !== undefined) st.cmdline = opts.cmdline
  if (opts.flags?.includes('e')) st.errexit = true
  if (opts.flags?.includes('x')) st.xtrace = true
  try {
    const prog = program(src)
    pushNode(env, st, prog, prog.root)
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e
    env.host.write('stderr', `${errPrefix(env, st)}${e.message}\n`)
    st.done = 2
    return { state: st, step: { kind: 'exit', code: 2 } }
  }
  return { state: st, step: runShell(env, st) }
}
