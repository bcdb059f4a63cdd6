// kubectl exec (pkg/cmd/exec/exec.go): runs a command in a container, waiting (sim time) for it
// to finish; a non-zero exit prints `command terminated with exit code N` and exits with N.
import type { ApiStatus } from '../../engine'
import * as api from '../../engine/node/kubelet/exec'
import { bool, err, F, fail, str, type Command, type Ctx } from '../command'
import { resolvePod } from '../pods'
import { defaultContainer } from '../util'


/** How kubectl shows an exec failure: API errors as `Error from server`, stream errors as `error:`. */
export function execErrorText(s: ApiStatus): string {
  if (/^(unable to upgrade connection|cannot exec|container not found)/.test(s.message) || !s.reason) return `error: ${s.message}`
  return `Error from server (${s.reason}): ${s.message}`
}

/** An exec that may run for a while (e.g. a shell loop) is cut off after this much sim time. */
const EXEC_CAP_MS = 600_000

export async function runExec(ctx: Ctx, o: { namespace: string; pod: string; container?: string; argv: string[]; stdin?: string; tty?: boolean }): Promise<number> {
  const started = api.startExec(ctx.c, o)
  if (!started.ok) {
    err(ctx, execErrorText(started.status))
    return 1
  }
  const id = started.value.id
  let st = api.execStatus(ctx.c, id)
  if (!st.done) {
    await ctx.io.waitUntil(() => api.execStatus(ctx.c, id).done, EXEC_CAP_MS)
    st = api.execStatus(ctx.c, id)
  }
  if (st.stdout) ctx.io.out(st.stdout)
  if (st.stderr) ctx.io.err(st.stderr)
  if (!st.done) return 0
  if (st.exitCode !== null && st.exitCode !== 0) {
    err(ctx, `command terminated with exit code ${st.exitCode}`)
    return st.exitCode
  }
  return 0
}

export const exec: Command = {
  name: 'exec',
  dash: true,
  flags: [F.container, F.filename, { name: 'stdin', short: 'i', type: 'bool' }, { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' }, { name: 'pod-running-timeout', type: 'string' }],
  async run(ctx) {
    if (ctx.args.length > 1 && ctx.dashArgs === undefined) {
      return fail(ctx, `exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`)
    }
    if (!ctx.args.length) return fail(ctx, 'pod, type/name or --filename must be specified')
    const argv = ctx.dashArgs ?? []
    if (!argv.length) return fail(ctx, 'you must specify at least one command for the container')
    const r = resolvePod(ctx, ctx.args[0])
    if (!r.ok) { err(ctx, r.message); return 1 }
    const pod = r.pod
    const phase = pod.status?.phase
    if (phase === 'Succeeded' || phase === 'Failed') return fail(ctx, `cannot exec into a container in a completed pod; current phase is ${phase}`)
    let container = str(ctx, 'container')
    if (!container) {
      const d = defaultContainer(pod)
      if (d.notice && !bool(ctx, 'quiet')) err(ctx, d.notice)
      container = d.name
    }
    // exec.go SetupTTY: -t without a terminal on our side degrades to plain streams.
    let tty = bool(ctx, 'tty')
    if (tty && !ctx.io.tty) {
      if (!bool(ctx, 'quiet')) err(ctx, 'Unable to use a TTY - input is not a terminal or the right kind of file')
      tty = false
    }
    // -i without input means the command reads EOF at once (a script has no keyboard).
    const stdin = bool(ctx, 'stdin') ? (ctx.io.stdin ?? '') : undefined
    return runExec(ctx, { namespace: pod.metadata.namespace as string, pod: pod.metadata.name, container, argv, stdin, tty })
  },
}
