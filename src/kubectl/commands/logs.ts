// kubectl logs (pkg/cmd/logs/logs.go): one container of a pod, -c / default container notice,
// --tail, -p, --all-containers, -l over several pods, controllers → first pod, -f streaming.
import type { KObject } from '../../engine'
import { readContainerLog as read } from '../../engine/node/kubelet/logs'
import { parseSelector } from '../../engine/api/selectors'
import { bool, err, F, fail, int, str, type Command, type Ctx } from '../command'
import { resolvePod } from '../pods'
import { defaultContainer } from '../util'


const USAGE = `expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples`

function serverError(ctx: Ctx, r: { status: { reason: string; message: string } }): number {
  err(ctx, `Error from server (${r.status.reason || 'BadRequest'}): ${r.status.message}`)
  return 1
}

function containersOf(pod: KObject, all: boolean, chosen: string | undefined, ctx: Ctx, quietNotice: boolean): string[] {
  if (all) {
    return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((x: { name: string }) => x.name)
  }
  if (chosen) return [chosen]
  const d = defaultContainer(pod)
  if (d.notice && !quietNotice) err(ctx, d.notice)
  return [d.name]
}

export const logs: Command = {
  name: 'logs',
  flags: [F.container, F.selector, F.allNamespaces,
    { name: 'tail', type: 'int' }, { name: 'previous', short: 'p', type: 'bool' }, { name: 'follow', short: 'f', type: 'bool' },
    { name: 'all-containers', type: 'bool' }, { name: 'prefix', type: 'bool' }, { name: 'timestamps', type: 'bool' },
    { name: 'since', type: 'string' }, { name: 'max-log-requests', type: 'int' }, { name: 'ignore-errors', type: 'bool' },
    { name: 'pod-running-timeout', type: 'string' }],
  async run(ctx) {
    const selector = str(ctx, 'selector')
    if (!ctx.args.length && selector === undefined) return fail(ctx, USAGE)
    if (ctx.args.length && selector !== undefined) return fail(ctx, `only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples`)
    let container = str(ctx, 'container')
    if (ctx.args.length === 2 && !container) container = ctx.args[1]
    else if (ctx.args.length > 2) return fail(ctx, USAGE)
    const all = bool(ctx, 'all-containers')
    if (all && container) return fail(ctx, '--container cannot be used with --all-containers')
    const tail = int(ctx, 'tail')
    const tailLines = tail !== undefined && tail >= 0 ? tail : undefined
    const previous = bool(ctx, 'previous')
    const prefix = bool(ctx, 'prefix')
    let pods: KObject[]
    if (selector !== undefined) {
      const sel = parseSelector(selector)
      if (!sel.ok) return fail(ctx, sel.status.message)
      pods = ctx.c.api.list('pods', { namespace: bool(ctx, 'all-namespaces') ? undefined : ctx.namespace, labelSelector: sel.value })
      if (!pods.length) {
        err(ctx, `No resources found in ${ctx.namespace} namespace.`)
        return 0
      }
    } else {
      const r = resolvePod(ctx, ctx.args[0])
      if (!r.ok) { err(ctx, r.message); return 1 }
      if (r.count > 1) err(ctx, `Found ${r.count} pods, using pod/${r.pod.metadata.name}`)
      pods = [r.pod]
    }
    // -l defaults to the last 10 lines per container (logs.go selectorTail).
    const selTail = selector !== undefined && tailLines === undefined ? 10 : tailLines
    let status = 0
    const streams: { ns: string; pod: string; container: string; seen: number; label: string }[] = []
    for (const pod of pods) {
      const names = containersOf(pod, all, container, ctx, selector !== undefined)
      for (const name of names) {
        const label = `[pod/${pod.metadata.name}/${name}] `
        const r = read(ctx.c, pod.metadata.namespace as string, pod.metadata.name, name, { previous, tailLines: selTail })
        if (!r.ok) { status = serverError(ctx, r); continue }
        if (r.value) ctx.io.out(prefix ? r.value.replace(/^(?=.)/gm, label) : r.value)
        const full = read(ctx.c, pod.metadata.namespace as string, pod.metadata.name, name, { previous })
        streams.push({ ns: pod.metadata.namespace as string, pod: pod.metadata.name, container: name, seen: full.ok ? full.value.length : 0, label })
      }
    }
    if (bool(ctx, 'follow') && status === 0 && (ctx.io.streamLimitMs ?? 0) > 0) {
      const end = ctx.c.now + (ctx.io.streamLimitMs ?? 0)
      while (ctx.c.now < end) {
        const grown = () => streams.some((s) => {
          const r = read(ctx.c, s.ns, s.pod, s.container, {})
          return r.ok && r.value.length > s.seen
        })
        const held = await ctx.io.waitUntil(grown, end - ctx.c.now)
        if (!held) break
        for (const s of streams) {
          const r = read(ctx.c, s.ns, s.pod, s.container, {})
          if (!r.ok || r.value.length <= s.seen) continue
          const chunk = r.value.slice(s.seen)
          s.seen = r.value.length
          ctx.io.out(prefix ? chunk.replace(/^(?=.)/gm, s.label) : chunk)
        }
      }
    }
    return status
  },
}
