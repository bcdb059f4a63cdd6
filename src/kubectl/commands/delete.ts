// kubectl delete (pkg/cmd/delete/delete.go): names, TYPE/NAME, -l, --all, -f; prints
// `pod "x" deleted` per object, then waits until every deleted object is gone (unless --wait=false).
import type { KObject } from '../../engine'
import type { DeleteOptions } from '../../engine/api/store'
import { arr, bool, err, F, fail, int, out, str, type Command, type Ctx } from '../command'
import { loadManifests } from '../manifest'
import { selectResources, type Group } from '../select'
import { apiErrorText, kindGroup, type ResourceInfo } from '../util'

const NO_ARGS = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

/** kubectl waits with an effectively unbounded timeout; the simulation caps it. */
const WAIT_CAP_MS = 3600_000

function propagation(ctx: Ctx): DeleteOptions['propagationPolicy'] | string {
  const c = str(ctx, 'cascade')
  if (c === undefined || c === 'background' || c === 'true') return 'Background'
  if (c === 'foreground') return 'Foreground'
  if (c === 'orphan' || c === 'false') return 'Orphan'
  return `invalid cascade value (${c}). Must be "background", "foreground", or "orphan".`
}

export const del: Command = {
  name: 'delete',
  flags: [F.filename, F.selector, F.all, F.allNamespaces, F.output, F.dryRun, F.recursive, F.timeout,
    { name: 'field-selector', type: 'string' }, { name: 'grace-period', type: 'int' }, { name: 'now', type: 'bool' },
    { name: 'force', type: 'bool' }, { name: 'wait', type: 'bool' }, { name: 'cascade', type: 'string' },
    { name: 'ignore-not-found', type: 'bool' }, { name: 'interactive', short: 'i', type: 'bool' }, { name: 'raw', type: 'string' }],
  async run(ctx) {
    const files = arr(ctx, 'filename')
    const selector = str(ctx, 'selector')
    const all = bool(ctx, 'all')
    if (!ctx.args.length && !files.length) return fail(ctx, NO_ARGS)
    if (all && selector !== undefined) return fail(ctx, 'cannot set --all and --selector at the same time')
    const policy = propagation(ctx)
    if (!['Background', 'Foreground', 'Orphan'].includes(policy as string)) return fail(ctx, policy as string)
    if (str(ctx, 'cascade') === 'false' || str(ctx, 'cascade') === 'true') {
      err(ctx, `warning: --cascade=${str(ctx, 'cascade')} is deprecated (boolean value) and can be replaced with --cascade=${str(ctx, 'cascade') === 'false' ? 'orphan' : 'background'}.`)
    }
    let grace = int(ctx, 'grace-period') ?? -1
    const force = bool(ctx, 'force')
    if (bool(ctx, 'now')) {
      if (grace !== -1) return fail(ctx, '--now and --grace-period cannot be specified together')
      grace = 1
    }
    if (grace === 0 && !force) grace = 1 // delete.go: --grace-period=0 means 1 unless --force
    if (force && grace < 0) grace = 0

    let groups: Group[] = []
    let errors: string[] = []
    if (files.length) {
      const loaded = loadManifests(ctx.io, files)
      if (!loaded.ok) return fail(ctx, loaded.message)
      for (const m of loaded.value) {
        const ns = m.info.namespaced ? m.obj.metadata.namespace || ctx.namespace : undefined
        const r = ctx.c.api.read(m.info.plural, ns, m.obj.metadata.name ?? '')
        if (!r.ok) { errors.push(apiErrorText(r.status, undefined, undefined, m.source ? undefined : undefined)); continue }
        let g = groups.find((x) => x.info === m.info)
        if (!g) groups.push((g = { info: m.info, objs: [] }))
        g.objs.push(r.value)
      }
    } else {
      const hasNames = ctx.args.length > 1 || ctx.args[0].includes('/')
      if (!hasNames && !all && selector === undefined && str(ctx, 'field-selector') === undefined) {
        return fail(ctx, 'resource(s) were provided, but no name was specified')
      }
      if (hasNames && (all || selector !== undefined)) return fail(ctx, 'name cannot be provided when a selector is specified')
      const sel = selectResources(ctx, ctx.args, { selector, fieldSelector: str(ctx, 'field-selector'), allNamespaces: bool(ctx, 'all-namespaces') })
      if (!sel.ok) return fail(ctx, sel.message)
      groups = sel.value.groups
      errors = sel.value.errors
    }
    if (bool(ctx, 'ignore-not-found')) errors = errors.filter((e) => !e.includes('(NotFound)'))
    const objs: { info: ResourceInfo; obj: KObject }[] = groups.flatMap((g) => g.objs.map((obj) => ({ info: g.info, obj })))
    if (objs.length === 0 && errors.length === 0 && !bool(ctx, 'ignore-not-found')) {
      out(ctx, 'No resources found')
      return 0
    }
    const dry = str(ctx, 'dry-run')
    if (force && grace === 0 && !dry) {
      err(ctx, 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.')
    }
    const deleted: { info: ResourceInfo; obj: KObject }[] = []
    const asName = str(ctx, 'output') === 'name'
    for (const { info, obj } of objs) {
      const label = asName ? `${kindGroup(info)}/${obj.metadata.name}` : `${kindGroup(info)} "${obj.metadata.name}"`
      if (dry && dry !== 'none') {
        out(ctx, `${label} deleted (${dry === 'server' ? 'server dry run' : 'dry run'})`)
        continue
      }
      const opts: DeleteOptions = { propagationPolicy: policy as DeleteOptions['propagationPolicy'] }
      if (grace >= 0) opts.gracePeriodSeconds = grace
      const r = ctx.c.api.delete(info.plural, obj.metadata.namespace, obj.metadata.name, opts)
      if (!r.ok) { errors.push(apiErrorText(r.status)); continue }
      deleted.push({ info, obj })
      out(ctx, asName ? label : `${label} ${force && grace === 0 ? 'force deleted' : 'deleted'}`)
    }
    const wait = bool(ctx, 'wait', true)
    if (wait && deleted.length) {
      const api = ctx.c.api
      const gone = () => deleted.every(({ info, obj }) => {
        const cur = api.get(info.plural, obj.metadata.namespace, obj.metadata.name)
        return !cur || cur.metadata.uid !== obj.metadata.uid
      })
      if (!gone()) {
        const ok = await ctx.io.waitUntil(gone, WAIT_CAP_MS)
        if (!ok) {
          const left = deleted.find(({ info, obj }) => api.get(info.plural, obj.metadata.namespace, obj.metadata.name)?.metadata.uid === obj.metadata.uid)
          if (left) errors.push(`error: timed out waiting for the condition on ${left.info.plural}/${left.obj.metadata.name}`)
        }
      }
    }
    for (const e of errors) err(ctx, e)
    return errors.length ? 1 : 0
  },
}
