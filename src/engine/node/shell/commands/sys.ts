// System inspection: sysctl (busybox procps/sysctl.c messages), ps, netstat.
import type { Command, Ctx } from './types'
import { SYSCTL_DEFAULTS, sysctlValue } from '../fs'
import { lookupImage } from '../../images/catalog'
import { containerArgv } from '../../process'

const sysctl: Command = (ctx) => {
  const args = ctx.argv.slice(1)
  const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('')
  const keys = args.filter((a) => !/^-[a-zA-Z]+$/.test(a))
  const valueOnly = flags.includes('n')
  const quiet = flags.includes('q')
  if (flags.includes('a') || flags.includes('A')) {
    const all = new Set([...Object.keys(SYSCTL_DEFAULTS), ...Object.keys(ctx.st.sysctl)])
    ctx.out([...all].sort().map((k) => `${k} = ${sysctlValue(ctx.host, ctx.st, k)}\n`).join(''))
    return { code: 0 }
  }
  if (!keys.length) { ctx.err('BusyBox v1.36.1 multi-call binary.\n\nUsage: sysctl -p [-enq] [FILE...] / [-enqaw] [KEY[=VALUE]]...\n'); return { code: 1 } }
  let code = 0
  for (const arg of keys) {
    const eq = arg.indexOf('=')
    const key = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/\//g, '.')
    const known = sysctlValue(ctx.host, ctx.st, key) !== undefined
    if (eq >= 0) {
      const value = arg.slice(eq + 1)
      // /proc/sys is mounted read-only unless the container is privileged.
      if (!known) { ctx.err(`sysctl: error setting key '${key}': No such file or directory\n`); code = 1; continue }
      if (!ctx.host.privileged) { ctx.err(`sysctl: error setting key '${key}': Read-only file system\n`); code = 1; continue }
      ctx.st.sysctl[key] = value
      if (!quiet) ctx.out(valueOnly ? `${value}\n` : `${key} = ${value}\n`)
    } else {
      if (!known) { ctx.err(`sysctl: error reading key '${key}': No such file or directory\n`); code = 1; continue }
      const v = sysctlValue(ctx.host, ctx.st, key) as string
      ctx.out(valueOnly ? `${v}\n` : `${key} = ${v}\n`)
    }
  }
  return { code }
}

/** Main-process command lines of containers sharing this container's PID namespace. */
function sharedProcesses(ctx: Ctx): string[] {
  const spec = ctx.host.pod.spec ?? {}
  const eph = (spec.ephemeralContainers ?? []).find((e: { name: string }) => e.name === ctx.host.container)
  const names: string[] = spec.shareProcessNamespace
    ? [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((x: { name: string }) => x.name).filter((n: string) => n !== ctx.host.container)
    : eph?.targetContainerName ? [eph.targetContainerName] : []
  const out: string[] = spec.shareProcessNamespace ? ['/pause'] : []
  for (const n of names) {
    const ct = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].find((x: { name: string }) => x.name === n)
    const running = [...(ctx.host.pod.status?.containerStatuses ?? []), ...(ctx.host.pod.status?.initContainerStatuses ?? [])].find((x: { name: string }) => x.name === n)?.state?.running
    const img = ct ? lookupImage(ct.image ?? '') : undefined
    if (!ct || !running || !img?.ok) continue
    out.push(containerArgv(img.info, ct.command, ct.args).join(' '))
  }
  return out
}

/** busybox ps: "PID   USER     TIME  COMMAND", then "%5u %-8.8s %5s %s" per process. */
const ps: Command = (ctx) => {
  const row = (pid: number, cmd: string) => `${String(pid).padStart(5)} ${'root'.padEnd(8)} ${'0:00'.padStart(5)} ${cmd}\n`
  let out = 'PID   USER     TIME  COMMAND\n'
  // A shared PID namespace (kubectl debug --target, shareProcessNamespace) shows the other containers' processes first.
  const shared = sharedProcesses(ctx)
  shared.forEach((cmd, i) => { out += row(i + 1, cmd) })
  const self = shared.length ? 7 * shared.length + ctx.st.pid : ctx.st.pid
  out += row(self, ctx.st.cmdline ?? ctx.st.args.join(' '))
  out += row(self + 6, ctx.argv.join(' '))
  ctx.out(out)
  return { code: 0 }
}

/** Ports every running container of the pod listens on (containers share the pod's network namespace). */
export function podListeningPorts(ctx: Ctx): number[] {
  const ports = new Set<number>()
  const statuses: { name: string; state?: { running?: unknown } }[] = [
    ...(ctx.host.pod.status?.containerStatuses ?? []), ...(ctx.host.pod.status?.initContainerStatuses ?? []),
  ]
  const specs: { name: string; image: string; ports?: { containerPort: number }[] }[] = [...(ctx.host.pod.spec?.containers ?? []), ...(ctx.host.pod.spec?.initContainers ?? [])]
  for (const s of specs) {
    if (!statuses.find((x) => x.name === s.name)?.state?.running) continue
    const img = lookupImage(s.image)
    if (!img.ok) continue
    const list = img.info.known ? img.info.ports : (s.ports ?? []).map((p) => p.containerPort)
    for (const p of list) ports.add(p)
  }
  return [...ports].sort((a, b) => a - b)
}

const netstat: Command = (ctx) => {
  let out = 'Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n'
  for (const p of podListeningPorts(ctx)) out += `tcp        0      0 ${`0.0.0.0:${p}`.padEnd(23)} ${'0.0.0.0:*'.padEnd(23)} LISTEN      \n`
  ctx.out(out)
  return { code: 0 }
}

export const SYS: Record<string, Command> = { sysctl, ps, netstat }
