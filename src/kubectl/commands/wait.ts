// kubectl wait (pkg/cmd/wait/wait.go): --for=delete | condition=TYPE[=VALUE] | jsonpath='{…}'=VALUE,
// blocking while simulated time runs; `pod/x condition met` per object.
import type { KObject } from '../../engine'
import { jsonpathValues } from '../printers/output/jsonpath'
import { bool, err, F, fail, out, str, type Command, type Ctx } from '../command'
import { selectResources } from '../select'
import { typeName, type ResourceInfo } from '../util'

/** Go duration subset: 30s, 2m, 1h30m, 500ms. */
export function parseGoDuration(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s) * 1000
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g
  let total = 0
  let consumed = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(s))) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3600_000 }[m[2] as 'ms']
    consumed += m[0].length
  }
  return consumed === s.length && consumed > 0 ? total : undefined
}

type Check = (obj: KObject | undefined) => boolean

function conditionFor(spec: string): Check | string {
  if (spec.toLowerCase() === 'delete') return (o) => !o
  if (spec.startsWith('condition=')) {
    const rest = spec.slice('condition='.length)
    const i = rest.indexOf('=')
    const type = (i >= 0 ? rest.slice(0, i) : rest).toLowerCase()
    const value = (i >= 0 ? rest.slice(i + 1) : 'true').toLowerCase()
    return (o) => !!o && ((o.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type.toLowerCase() === type && String(c.status).toLowerCase() === value)
  }
  if (spec.startsWith('jsonpath=')) {
    const rest = spec.slice('jsonpath='.length)
    const close = rest.lastIndexOf('}')
    if (!rest.startsWith('{') || close < 0) return `unrecognized condition: "${spec}"`
    const expr = rest.slice(0, close + 1)
    const eq = rest.slice(close + 1)
    if (!eq.startsWith('=')) return `jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3`
    const want = eq.slice(1).replace(/^['"]|['"]$/g, '')
    return (o) => {
      if (!o) return false
      try {
        return jsonpathValues(expr, o).some((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)) === want)
      } catch { return false }
    }
  }
  return `unrecognized condition: "${spec}"`
}

export const wait: Command = {
  name: 'wait',
  flags: [F.selector, F.all, F.allNamespaces, F.filename, F.timeout, F.output, { name: 'for', type: 'string' }, { name: 'field-selector', type: 'string' }],
  async run(ctx: Ctx) {
    const forSpec = str(ctx, 'for') ?? ''
    const check = conditionFor(forSpec)
    if (typeof check === 'string') return fail(ctx, check)
    const timeoutText = str(ctx, 'timeout') ?? '30s'
    const timeout = parseGoDuration(timeoutText)
    if (timeout === undefined) return fail(ctx, `invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`)
    if (!ctx.args.length) return fail(ctx, `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`)
    const selector = str(ctx, 'selector')
    const hasNames = ctx.args.length > 1 || ctx.args[0].includes('/')
    if (!hasNames && selector === undefined && !bool(ctx, 'all') && str(ctx, 'field-selector') === undefined) return fail(ctx, 'resource(s) were provided, but no name was specified')
    const sel = selectResources(ctx, ctx.args, { selector, fieldSelector: str(ctx, 'field-selector'), allNamespaces: bool(ctx, 'all-namespaces') })
    if (!sel.ok) return fail(ctx, sel.message)
    const isDelete = forSpec.toLowerCase() === 'delete'
    if (sel.value.errors.length && !isDelete) {
      for (const e of sel.value.errors) err(ctx, e)
      return 1
    }
    const items: { info: ResourceInfo; obj: KObject }[] = sel.value.groups.flatMap((g) => g.objs.map((obj) => ({ info: g.info, obj })))
    if (!items.length) {
      if (isDelete && sel.value.errors.length) return 0
      return fail(ctx, 'no matching resources found')
    }
    for (const { info, obj } of items) {
      const cur = () => {
        const o = ctx.c.api.get(info.plural, obj.metadata.namespace, obj.metadata.name)
        return isDelete && o && o.metadata.uid !== obj.metadata.uid ? undefined : o
      }
      const held = check(cur()) || (timeout > 0 && (await ctx.io.waitUntil(() => check(cur()), timeout)))
      if (!held) return fail(ctx, `timed out waiting for the condition on ${info.plural}/${obj.metadata.name}`)
      out(ctx, `${typeName(info, obj.metadata.name)} condition met`)
    }
    return 0
  },
}
