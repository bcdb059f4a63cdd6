// CPU-bound commands: `yes` and `dd if=/dev/zero`, the classic ways to load a CPU in a
// tutorial. They keep one core busy until they end or are killed; the usage model reads the
// time as CPU (busy: true). Messages: coreutils src/yes.c, src/dd.c; busybox coreutils/dd.c.
import type { Command, Ctx } from './types'
import { FOREVER_MS } from './basic'

const isBusybox = (ctx: Ctx) => ctx.info.tools.includes('ash')
/** A reader of a pipe stops after this much: `yes | head` ends when head has read its lines. */
const PIPE_BYTES = 64 * 1024
/** /dev/zero → /dev/null copy speed of one core. */
const DD_BYTES_PER_MS = 2 * 1024 * 1024

/** yes [STRING…]: prints the line forever. */
const yes: Command = (ctx) => {
  const line = (ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y') + '\n'
  const chunk = line.repeat(Math.max(1, Math.floor(PIPE_BYTES / line.length)))
  ctx.out(chunk)
  // Into a pipe, the reader closing ends it (SIGPIPE); otherwise it runs until killed.
  if (ctx.pipe) return { code: 0 }
  return { code: 0, ms: FOREVER_MS, busy: true }
}

const UNITS: Record<string, number> = { '': 1, c: 1, w: 2, b: 512, k: 1024, K: 1024, M: 1024 ** 2, G: 1024 ** 3, kB: 1000, MB: 1000 ** 2, GB: 1000 ** 3 }

function size(v: string): number | undefined {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(v)
  if (!m || UNITS[m[2]] === undefined) return undefined
  return Number(m[1]) * UNITS[m[2]]
}

const SI = ['kB', 'MB', 'GB', 'TB']
const IEC = ['KiB', 'MiB', 'GiB', 'TiB']

/** coreutils human_readable with autoscale and round-to-nearest: "1.0 GB", "105 MB". */
function human(x: number, base: number, units: string[]): string {
  let v = x
  let i = -1
  while (v >= base && i < units.length - 1) {
    v /= base
    i++
  }
  if (i < 0) return `${Math.round(v)} B`
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`
}

/** dd if=/dev/zero|/dev/urandom [of=/dev/null] [bs=N] [count=N]. */
const dd: Command = (ctx) => {
  const ops: Record<string, string> = {}
  for (const a of ctx.argv.slice(1)) {
    const eq = a.indexOf('=')
    if (eq <= 0) {
      ctx.err(isBusybox(ctx) ? `dd: invalid argument '${a}'\n` : `dd: unrecognized operand '${a}'\n`)
      return { code: 1 }
    }
    ops[a.slice(0, eq)] = a.slice(eq + 1)
  }
  const input = ops.if
  if (input !== undefined && !['/dev/zero', '/dev/urandom', '/dev/random'].includes(input)) {
    ctx.err(isBusybox(ctx) ? `dd: can't open '${input}': No such file or directory\n` : `dd: failed to open '${input}': No such file or directory\n`)
    return { code: 1 }
  }
  const bs = size(ops.bs ?? '512')
  const count = ops.count === undefined ? undefined : size(ops.count)
  if (bs === undefined || (ops.count !== undefined && count === undefined)) {
    const bad = bs === undefined ? ops.bs : ops.count
    ctx.err(isBusybox(ctx) ? `dd: invalid number '${bad}'\n` : `dd: invalid number: '${bad}'\n`)
    return { code: 1 }
  }
  // Without count= (or without if=, reading a stdin that never ends) it copies until killed.
  if (count === undefined || input === undefined) return { code: 0, ms: FOREVER_MS, busy: true }
  const bytes = bs * count
  const ms = Math.max(1, Math.round(bytes / DD_BYTES_PER_MS))
  const secs = ms / 1000
  if (isBusybox(ctx)) {
    ctx.err(`${count}+0 records in\n${count}+0 records out\n${bytes} bytes (${(bytes / 1024 ** 2).toFixed(1)}MB) copied, ${secs.toFixed(6)} seconds, ${(bytes / 1024 ** 2 / secs).toFixed(1)}MB/s\n`)
  } else {
    const amount = bytes < 1000 ? `${bytes} bytes` : `${bytes} bytes (${human(bytes, 1000, SI)}, ${human(bytes, 1024, IEC)})`
    ctx.err(`${count}+0 records in\n${count}+0 records out\n${amount} copied, ${Number(secs.toPrecision(6))} s, ${human(bytes / secs, 1000, SI)}/s\n`)
  }
  return { code: 0, ms, busy: true }
}

export const BUSY: Record<string, Command> = { yes, dd }
