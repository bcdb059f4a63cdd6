// Test harness: a cluster plus a tiny kubectl IO that advances sim time while commands wait.
import { createCluster, type Cluster } from '../../src/engine'
import { runKubectl } from '../../src/kubectl'
import type { KubectlIO } from '../../src/kubectl/types'

export interface Run { code: number; out: string; err: string }

export function makeIO(c: Cluster, extra: Partial<KubectlIO> = {}): KubectlIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return {
    stdout, stderr,
    out: (t) => { stdout.push(t) },
    err: (t) => { stderr.push(t) },
    waitUntil: async (cond, ms) => {
      for (let t = 0; t < ms && !cond(); t += 100) c.advance(100)
      return cond()
    },
    ...extra,
  }
}

/** Splits like a shell would for simple commands (single/double quotes). */
export function words(cmd: string): string[] {
  const out: string[] = []
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g
  let m: RegExpExecArray | null
  let cur = ''
  let last = -1
  while ((m = re.exec(cmd))) {
    const piece = m[1] ?? m[2] ?? m[3]
    if (last === m.index && out.length) out[out.length - 1] += piece
    else out.push(piece)
    last = re.lastIndex
    cur = piece
  }
  void cur
  return out
}

export async function k(c: Cluster, cmd: string, extra: Partial<KubectlIO> = {}): Promise<Run> {
  const io = makeIO(c, extra)
  const argv = words(cmd)
  if (argv[0] === 'kubectl') argv.shift()
  const code = await runKubectl(c, argv, io)
  return { code, out: io.stdout.join(''), err: io.stderr.join('') }
}

let cached: ReturnType<Cluster['snapshot']> | undefined
/** A settled cluster (seed 1); restored from a snapshot to keep tests fast. */
export async function cluster(): Promise<Cluster> {
  const { restoreCluster } = await import('../../src/engine')
  if (!cached) cached = createCluster({ seed: 1 }).snapshot()
  return restoreCluster(cached)
}

export const squash = (s: string) => s.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).join('\n').trim()
