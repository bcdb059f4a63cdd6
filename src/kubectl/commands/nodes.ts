// kubectl cordon / uncordon / drain (pkg/cmd/drain/drain.go, k8s.io/kubectl/pkg/drain filters.go).
import type { KObject } from '../../engine'
import { bool, err, F, fail, int, out, str, type Command, type Ctx } from '../command'
import { parseSelector } from '../../engine/api/selectors'
import { apiErrorText } from '../util'

function nodesFor(ctx: Ctx, verb: string): KObject[] | number {
  const selector = str(ctx, 'selector')
  if (selector !== undefined) {
    const sel = parseSelector(selector)
    if (!sel.ok) return fail(ctx, sel.status.message)
    return ctx.c.api.list('nodes', { labelSelector: sel.value })
  }
  if (ctx.args.length !== 1) return fail(ctx, `USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`)
  const name = ctx.args[0].replace(/^(node|nodes|no)\//, '')
  const r = ctx.c.api.read('nodes', undefined, name)
  if (!r.ok) {
    err(ctx, apiErrorText(r.status))
    return 1
  }
  return [r.value]
}

/** Sets spec.unschedulable; prints `node/x cordoned` or `node/x already cordoned`. */
function setUnschedulable(ctx: Ctx, node: KObject, value: boolean): string | undefined {
  const verb = value ? 'cordoned' : 'uncordoned'
  if (!!node.spec?.unschedulable === value) {
    out(ctx, `node/${node.metadata.name} already ${verb}`)
    return
  }
  const r = ctx.c.api.mutate('nodes', undefined, node.metadata.name, (n) => {
    n.spec = { ...(n.spec ?? {}) }
    if (value) n.spec.unschedulable = true
    else delete n.spec.unschedulable
  })
  if (!r.ok) return apiErrorText(r.status)
  out(ctx, `node/${node.metadata.name} ${verb}`)
}

function cordonCommand(name: string, value: boolean): Command {
  return {
    name,
    flags: [F.selector, F.dryRun],
    run(ctx) {
      const nodes = nodesFor(ctx, name)
      if (typeof nodes === 'number') return nodes
      const errors: string[] = []
      for (const n of nodes) {
        const e = setUnschedulable(ctx, n, value)
        if (e) errors.push(e)
      }
      for (const e of errors) err(ctx, e)
      return errors.length ? 1 : 0
    },
  }
}

export const cordon = cordonCommand('cordon', true)
export const uncordon = cordonCommand('uncordon', false)

const controllerOf = (p: KObject) => p.metadata.ownerReferences?.find((o) => o.controller)
const podId = (p: KObject) => `${p.metadata.namespace}/${p.metadata.name}`

/** The drain filters, in upstream order (mirror, skip-deleted, daemonset, unreplicated, local storage). */
function classify(ctx: Ctx, pods: KObject[]) {
  const force = bool(ctx, 'force')
  const ignoreDs = bool(ctx, 'ignore-daemonsets')
  const emptyDir = bool(ctx, 'delete-emptydir-data') || bool(ctx, 'delete-local-data')
  const errs: Record<string, string[]> = {}
  const warns: Record<string, string[]> = {}
  const add = (m: Record<string, string[]>, k: string, p: KObject) => (m[k] ??= []).push(podId(p))
  const evict: KObject[] = []
  for (const p of pods) {
    if (p.metadata.annotations?.['kubernetes.io/config.mirror']) continue
    const phase = p.status?.phase
    const finished = phase === 'Succeeded' || phase === 'Failed'
    const ctrl = controllerOf(p)
    if (ctrl?.kind === 'DaemonSet' && !finished) {
      if (ignoreDs) add(warns, 'ignoring DaemonSet-managed Pods', p)
      else add(errs, 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)', p)
      continue
    }
    // Upstream order after the DaemonSet filter: local storage, then unreplicated; the first
    // filter that refuses a pod decides its error.
    const hasEmptyDir = (p.spec?.volumes ?? []).some((v: Record<string, unknown>) => v.emptyDir)
    let ok = true
    if (hasEmptyDir && !finished) {
      if (emptyDir) add(warns, 'deleting Pods with local storage', p)
      else { add(errs, 'cannot delete Pods with local storage (use --delete-emptydir-data to override)', p); ok = false }
    }
    if (ok && !ctrl && !finished) {
      if (force) add(warns, 'deleting Pods that declare no controller', p)
      else { add(errs, 'cannot delete Pods declare no controller (use --force to override)', p); ok = false }
    }
    if (ok) evict.push(p)
  }
  const fmt = (m: Record<string, string[]>) => Object.entries(m).map(([k, v]) => `${k}: ${v.join(', ')}`)
  return { evict, errors: fmt(errs), warnings: fmt(warns) }
}

/** drain waits up to --timeout (0 = effectively forever; capped here). */
const DRAIN_CAP_MS = 3600_000

export const drain: Command = {
  name: 'drain',
  flags: [F.selector, F.dryRun, F.timeout, { name: 'force', type: 'bool' }, { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' }, { name: 'delete-local-data', type: 'bool' }, { name: 'grace-period', type: 'int' },
    { name: 'disable-eviction', type: 'bool' }, { name: 'pod-selector', type: 'string' }, { name: 'skip-wait-for-delete-timeout', type: 'int' },
    { name: 'chunk-size', type: 'int' }],
  async run(ctx) {
    // cobra's deprecation notice for the old flag name.
    if ('delete-local-data' in ctx.flags) err(ctx, 'Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.')
    const nodes = nodesFor(ctx, 'drain')
    if (typeof nodes === 'number') return nodes
    for (const node of nodes) {
      const e = setUnschedulable(ctx, node, true)
      if (e) { err(ctx, e); return 1 }
      const pods = ctx.c.api.list('pods', { filter: (p) => p.spec?.nodeName === node.metadata.name })
      const { evict, errors, warnings } = classify(ctx, pods)
      if (errors.length) {
        const text = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`
        err(ctx, `error: unable to drain node "${node.metadata.name}" due to error:${text}, continuing command...`)
        err(ctx, `There are pending nodes to be drained:\n ${node.metadata.name}`)
        err(ctx, text)
        return 1
      }
      if (warnings.length) err(ctx, `Warning: ${warnings.join('; ')}`)
      const grace = int(ctx, 'grace-period')
      for (const p of evict) {
        out(ctx, `evicting pod ${podId(p)}`)
        const r = ctx.c.api.delete('pods', p.metadata.namespace, p.metadata.name, grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {})
        if (!r.ok && r.status.reason !== 'NotFound') { err(ctx, `error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}" (will retry after 5s): ${r.status.message}`) }
      }
      const pending = [...evict]
      const gone = (p: KObject) => ctx.c.api.get('pods', p.metadata.namespace, p.metadata.name)?.metadata.uid !== p.metadata.uid
      const end = ctx.c.now + DRAIN_CAP_MS
      while (pending.length && ctx.c.now < end) {
        const held = await ctx.io.waitUntil(() => pending.some(gone), end - ctx.c.now)
        if (!held) break
        for (const p of [...pending]) {
          if (!gone(p)) continue
          out(ctx, `pod/${p.metadata.name} evicted`)
          pending.splice(pending.indexOf(p), 1)
        }
      }
      if (pending.length) {
        err(ctx, `error: unable to drain node "${node.metadata.name}" due to error:global timeout reached: 0s, continuing command...`)
        return 1
      }
      out(ctx, `node/${node.metadata.name} drained`)
    }
    return 0
  },
}
