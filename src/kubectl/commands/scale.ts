// kubectl scale (pkg/cmd/scale/scale.go); kubectl autoscale is in autoscale.ts.
import { bool, err, F, fail, int, out, str, type Command, type Ctx } from '../command'
import { loadManifests } from '../manifest'
import { selectResources, type Group } from '../select'
import { apiErrorText, typeName } from '../util'

const SCALABLE = ['deployments', 'replicasets', 'replicationcontrollers', 'statefulsets']

/** The objects named by -f, TYPE NAME…, TYPE/NAME… or a selector (scale and autoscale). */
export function targets(ctx: Ctx): Group[] | number {
  const files = (ctx.flags.filename as string[] | undefined) ?? []
  if (files.length) {
    const loaded = loadManifests(ctx.io, files)
    if (!loaded.ok) return fail(ctx, loaded.message)
    const groups: Group[] = []
    for (const m of loaded.value) {
      const r = ctx.c.api.read(m.info.plural, m.obj.metadata.namespace || ctx.namespace, m.obj.metadata.name ?? '')
      if (!r.ok) { err(ctx, apiErrorText(r.status)); return 1 }
      groups.push({ info: m.info, objs: [r.value] })
    }
    return groups
  }
  if (!ctx.args.length) return fail(ctx, `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`)
  const selector = str(ctx, 'selector')
  const hasNames = ctx.args.length > 1 || ctx.args[0].includes('/')
  if (!hasNames && selector === undefined && !bool(ctx, 'all')) return fail(ctx, 'resource(s) were provided, but no name was specified')
  const sel = selectResources(ctx, ctx.args, { selector, allNamespaces: bool(ctx, 'all-namespaces') })
  if (!sel.ok) return fail(ctx, sel.message)
  if (sel.value.errors.length) {
    for (const e of sel.value.errors) err(ctx, e)
    return 1
  }
  return sel.value.groups
}

export const scale: Command = {
  name: 'scale',
  flags: [F.filename, F.selector, F.all, F.allNamespaces, F.output, F.dryRun, F.timeout,
    { name: 'replicas', type: 'int' }, { name: 'current-replicas', type: 'int' }, { name: 'resource-version', type: 'string' }],
  run(ctx) {
    if (!('replicas' in ctx.flags)) return fail(ctx, 'required flag(s) "replicas" not set')
    const replicas = int(ctx, 'replicas') as number
    if (replicas < 0) return fail(ctx, 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
    const groups = targets(ctx)
    if (typeof groups === 'number') return groups
    const current = int(ctx, 'current-replicas')
    const objs = groups.flatMap((g) => g.objs.map((o) => ({ info: g.info, obj: o })))
    if (!objs.length) {
      err(ctx, `No resources found in ${ctx.namespace} namespace.`)
      return 1
    }
    // Preconditions are checked for every object before any is scaled (scale.go).
    for (const { info, obj } of objs) {
      if (!SCALABLE.includes(info.plural)) {
        err(ctx, 'Error from server (NotFound): the server could not find the requested resource')
        return 1
      }
      if (current !== undefined && current >= 0 && (obj.spec?.replicas ?? 1) !== current) {
        return fail(ctx, `Expected replicas to be ${current}, was ${obj.spec?.replicas ?? 1}`)
      }
    }
    const dry = str(ctx, 'dry-run')
    for (const { info, obj } of objs) {
      const suffix = dry === 'client' || dry === '' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''
      if (!suffix) {
        const r = ctx.c.api.mutate(info.plural, obj.metadata.namespace, obj.metadata.name, (o) => {
          if (o.spec?.replicas === replicas) return false
          o.spec = { ...(o.spec ?? {}), replicas }
        })
        if (!r.ok) { err(ctx, apiErrorText(r.status, obj.kind, obj.metadata.name)); return 1 }
      }
      out(ctx, `${typeName(info, obj.metadata.name)} scaled${suffix}`)
    }
    return 0
  },
}
