// The process model: what a container's process does over time, given its image and argv.
// Servers serve; shells run scripts in the shell model; a missing executable is the kubelet's
// business (hasExecutable). State is plain JSON, resumed by the kubelet at the requested time.
import type { ImageInfo } from './images/types'
import type { ProcessHost, ProcessState, ProcessStep, SigtermReaction } from './process-types'
import { isServerCommand, serverLogs } from './images/server'
import { startShell, runShell, type ShellEnv } from './shell/interp'
import type { ShellState } from './shell/state'
import { readFile } from './shell/fs'

type Proc =
  | { kind: 'server'; phase: 'starting' | 'up'; pending: string[] }
  | { kind: 'shell'; sh: ShellState }
  /** An interactive shell with stdin attached and nothing typed yet. */
  | { kind: 'idle' }
  | { kind: 'done'; code: number }

const SHELLS = ['sh', 'ash', 'bash', 'dash', 'zsh']
const SHELL_BUILTINS = ['echo', 'printf', 'test', '[', 'true', 'false', 'exit', 'export', 'cd', 'pwd', 'kill', 'read', 'set', 'exec', ':']
/** Tools an unknown image is assumed not to ship (slim application images). */
const DEBUG_TOOLS = ['curl', 'wget', 'nslookup', 'dig', 'ping', 'nc', 'ps', 'netstat', 'sysctl', 'telnet', 'ip', 'ifconfig', 'tcpdump', 'bash']

const base = (p: string) => p.split('/').pop() ?? p

/** k8s rules (containerd cri buildContainerSpec): command replaces ENTRYPOINT and drops CMD; args replaces CMD. */
export function containerArgv(info: ImageInfo, command?: string[], args?: string[]): string[] {
  if (command && command.length) return [...command, ...(args ?? [])]
  return [...info.entrypoint, ...(args && args.length ? args : info.cmd)]
}

export function hasExecutable(info: ImageInfo, argv0: string): boolean {
  const b = base(argv0)
  if (!b) return false
  if (info.tools.includes(b) || isServerCommand(info, argv0)) return true
  if ([...info.entrypoint.slice(0, 1), ...info.cmd.slice(0, 1)].some((x) => base(x) === b)) return true
  if (info.tools.includes('sh') && SHELL_BUILTINS.includes(b)) return true
  return !info.known && !DEBUG_TOOLS.includes(b)
}

/** Single-quotes an argument for the shell model. */
function quote(a: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`
}

function containerSpec(host: ProcessHost): { stdin?: boolean; tty?: boolean } | undefined {
  const spec = host.pod.spec ?? {}
  return [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].find((x: { name: string }) => x.name === host.container)
}

/** The image's default server (or an unknown image's program): serves its ports until stopped. */
function isServer(info: ImageInfo, argv: string[]): boolean {
  const b = base(argv[0])
  if (isServerCommand(info, argv[0])) {
    // docker-entrypoint.sh sh -c '…' runs the script, not the server.
    return !(argv.length > 1 && SHELLS.includes(base(argv[1])))
  }
  return !info.known && !SHELLS.includes(b) && !info.tools.includes(b)
}

function out(state: Proc, step: ProcessStep): { state: ProcessState; step: ProcessStep } {
  return { state: state as unknown as ProcessState, step }
}

export function startProcess(host: ProcessHost, info: ImageInfo, argv: string[]): { state: ProcessState; step: ProcessStep } {
  if (!argv.length) return out({ kind: 'done', code: 128 }, { kind: 'exit', code: 128 })
  const env: ShellEnv = { host, info }
  const cmdline = argv.join(' ')
  if (isServer(info, argv)) {
    const logs = serverLogs(info, host.c.now)
    for (const l of logs.slice(0, -1)) host.write('stdout', l + '\n')
    const pending = logs.slice(-1)
    if (info.startupMs > 0) return out({ kind: 'server', phase: 'starting', pending }, { kind: 'wait', until: host.c.now + info.startupMs })
    for (const l of pending) host.write('stdout', l + '\n')
    return out({ kind: 'server', phase: 'up', pending: [] }, { kind: 'serve' })
  }
  const b = base(argv[0])
  if (SHELLS.includes(b)) {
    // sh [-flags] -c SCRIPT [$0 [$1…]]: flags may be clustered (-ec, -xc).
    let i = 1
    let script: string | undefined
    let flags = ''
    while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '-') {
      if (!argv[i].startsWith('--')) flags += argv[i].slice(1)
      if (argv[i].slice(1).includes('c') && !argv[i].startsWith('--')) { script = argv[i + 1] ?? ''; i += 2; break }
      i++
    }
    if (script !== undefined) {
      const args = [argv[i] ?? argv[0], ...argv.slice(i + 1)]
      const r = startShell(env, script, args, { cmdline, flags })
      return out({ kind: 'shell', sh: r.state }, r.step)
    }
    if (i < argv.length) {
      // sh FILE: a script file (only files the process could have written exist in the model).
      const file = argv[i]
      const content = readFile(host, info, { files: {}, sysctl: {} } as unknown as ShellState, file)
      if (content === undefined) {
        host.write('stderr', b === 'bash' ? `bash: ${file}: No such file or directory\n` : `${b}: can't open '${file}': No such file or directory\n`)
        return out({ kind: 'done', code: b === 'bash' ? 127 : 2 }, { kind: 'exit', code: b === 'bash' ? 127 : 2 })
      }
      const r = startShell(env, content, [file, ...argv.slice(i + 1)], { cmdline })
      return out({ kind: 'shell', sh: r.state }, r.step)
    }
    // An interactive shell: without stdin it reads EOF and exits 0; with stdin it waits for input.
    const spec = containerSpec(host)
    if (spec?.stdin || spec?.tty) return out({ kind: 'idle' }, { kind: 'serve' })
    return out({ kind: 'done', code: 0 }, { kind: 'exit', code: 0 })
  }
  // Any other program: one simple command in the shell model (sleep, wget, cp, …).
  const r = startShell(env, argv.map(quote).join(' '), [argv[0]], { cmdline })
  return out({ kind: 'shell', sh: r.state }, r.step)
}

export function resumeProcess(host: ProcessHost, info: ImageInfo, state: ProcessState): { state: ProcessState; step: ProcessStep } {
  const p = state as unknown as Proc
  switch (p.kind) {
    case 'server': {
      if (p.phase === 'starting') {
        for (const l of p.pending) host.write('stdout', l + '\n')
        return out({ kind: 'server', phase: 'up', pending: [] }, { kind: 'serve' })
      }
      return out(p, { kind: 'serve' })
    }
    case 'shell': {
      const step = runShell({ host, info }, p.sh)
      return out(p, step)
    }
    case 'idle': return out(p, { kind: 'serve' })
    case 'done': return out(p, { kind: 'exit', code: p.code })
  }
  return out({ kind: 'done', code: 0 }, { kind: 'exit', code: 0 })
}

export function sigtermReaction(info: ImageInfo, state: ProcessState): SigtermReaction {
  const p = state as unknown as Proc
  if (p.kind === 'server') return info.sigterm
  if (p.kind === 'shell' && p.sh.serving) return info.sigterm
  if (p.kind === 'done') return { afterMs: 0, code: p.code }
  // sh / sleep as PID 1 install no SIGTERM handler and the kernel does not deliver it → SIGKILL at the deadline.
  return null
}

const SERVING = Object.freeze({ serving: true, cpuMs: 0 })
const IDLE = Object.freeze({ serving: false, cpuMs: 0 })

/**
 * What the metrics usage model needs from a process at `now`: whether it is a server (idle CPU
 * plus CPU per request served) and the CPU time its shell commands used so far (busy loops,
 * yes, dd), leaving out the part of a CPU-bound run that lies after `now`.
 */
export function processActivity(state: ProcessState, now: number): { serving: boolean; cpuMs: number } {
  const p = state as unknown as Proc
  if (p.kind === 'server') return p.phase === 'up' ? SERVING : IDLE
  if (p.kind !== 'shell') return IDLE
  const sh = p.sh
  const ahead = sh.busyUntil !== undefined ? Math.max(0, sh.busyUntil - Math.max(now, sh.busyFrom ?? now)) : 0
  return { serving: !!sh.serving, cpuMs: Math.max(0, (sh.cpuMs ?? 0) - ahead) }
}

export function listeningPorts(info: ImageInfo, state: ProcessState): number[] {
  const p = state as unknown as Proc
  if ((p.kind === 'server' && p.phase === 'up') || (p.kind === 'shell' && p.sh.serving)) return [...info.ports]
  return []
}
