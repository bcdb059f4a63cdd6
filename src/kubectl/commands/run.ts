// kubectl run NAME --image=I (pkg/cmd/run/run.go): a bare pod labelled run=NAME.
import { arr, bool, err, F, fail, int, out, str, type Command, type Ctx } from '../command'
import { readContainerLog } from '../../engine/node/kubelet/logs'
import { podObject, parseLabels } from '../generators'
import { createGenerated } from '../write'

const POLICIES = ['Always', 'OnFailure', 'Never']

export const run: Command = {
  name: 'run',
  dash: true,
  flags: [F.output, F.dryRun, F.fieldManager,
    { name: 'image', type: 'string' }, { name: 'port', type: 'string' }, { name: 'labels', short: 'l', type: 'string' },
    { name: 'env', type: 'strings', noSplit: true }, { name: 'restart', type: 'string' }, { name: 'command', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' }, { name: 'tty', short: 't', type: 'bool' }, { name: 'rm', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' }, { name: 'annotations', type: 'strings', noSplit: true }, { name: 'attach', type: 'bool' },
    { name: 'expose', type: 'bool' }, { name: 'overrides', type: 'string' }, { name: 'quiet', short: 'q', type: 'bool' }],
  run(ctx) {
    if (!ctx.args.length) return fail(ctx, `NAME is required for run\nSee 'kubectl run -h' for help and examples`)
    const name = ctx.args[0]
    const image = str(ctx, 'image')
    if (!image) return fail(ctx, 'required flag(s) "image" not set')
    const restart = str(ctx, 'restart') ?? 'Always'
    if (!POLICIES.includes(restart)) return fail(ctx, `invalid restart policy: ${restart}`)
    let labels: Record<string, string> | undefined
    const lt = str(ctx, 'labels')
    if (lt !== undefined) {
      labels = parseLabels(lt)
      if (!labels) return fail(ctx, `invalid label spec: ${lt}`)
    }
    const portText = str(ctx, 'port')
    let port: number | undefined
    if (portText !== undefined && portText !== '') {
      if (!/^\d+$/.test(portText)) return fail(ctx, `strconv.Atoi: parsing "${portText}": invalid syntax`)
      port = Number(portText)
    }
    for (const e of arr(ctx, 'env')) if (!e.includes('=')) return fail(ctx, `invalid env: ${e}`)
    // Arguments after NAME (with or without --) are the container's args (or command with --command).
    const args = [...ctx.args.slice(1), ...(ctx.dashArgs ?? [])]
    const pod = podObject({ name, image, labels, env: arr(ctx, 'env'), port, restart, command: bool(ctx, 'command'), args, imagePullPolicy: str(ctx, 'image-pull-policy') })
    void int
    const attach = bool(ctx, 'stdin') || bool(ctx, 'attach')
    if (bool(ctx, 'rm') && !attach) return fail(ctx, '--rm should only be used for attached containers')
    if (attach) {
      if (bool(ctx, 'stdin')) (pod.spec.containers[0] as Record<string, unknown>).stdin = true
      if (bool(ctx, 'tty')) (pod.spec.containers[0] as Record<string, unknown>).tty = true
    }
    const code = createGenerated(ctx, pod, 'created', undefined, attach)
    if (code || !attach || str(ctx, 'dry-run')) return code
    return attachRun(ctx, name)
  },
}

/** Sim time a `run -i` session may last before the script host moves on. */
const ATTACH_CAP_MS = 600_000

/**
 * kubectl run -i/-it (run.go: waitForPod, attach, then --rm deletes the pod): waits for the
 * container, shows its output until it exits, and reports a failed pod with its exit code.
 */
async function attachRun(ctx: Ctx, name: string): Promise<number> {
  const api = ctx.c.api
  const ns = ctx.namespace
  const state = () => api.get('pods', ns, name)?.status?.containerStatuses?.[0]?.state
  if (!(await ctx.io.waitUntil(() => !!(state()?.running || state()?.terminated), 60_000))) {
    return fail(ctx, `timed out waiting for the condition`)
  }
  if (bool(ctx, 'tty') && !bool(ctx, 'quiet')) err(ctx, "If you don't see a command prompt, try pressing enter.")
  await ctx.io.waitUntil(() => !!state()?.terminated, ctx.io.streamLimitMs ?? ATTACH_CAP_MS)
  const log = readContainerLog(ctx.c, ns, name, name, {})
  if (log.ok && log.value) ctx.io.out(log.value)
  const term = state()?.terminated as { exitCode?: number; reason?: string } | undefined
  if (bool(ctx, 'rm')) {
    const pod = api.get('pods', ns, name)
    if (pod) {
      api.delete('pods', ns, name, {})
      await ctx.io.waitUntil(() => api.get('pods', ns, name)?.metadata.uid !== pod.metadata.uid, 3600_000)
      out(ctx, `pod "${name}" deleted`)
    }
  }
  if (term && term.exitCode) {
    err(ctx, `pod ${ns}/${name} terminated (${term.reason ?? 'Error'})`)
    return term.exitCode
  }
  return 0
}
