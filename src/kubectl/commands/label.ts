// kubectl label / annotate (pkg/cmd/label/label.go, pkg/cmd/annotate/annotate.go):
// `key=value` sets, `key-` removes; an existing key needs --overwrite.
import type { KObject } from '../../engine'
import { bool, err, F, fail, out, str, type Command, type Ctx } from '../command'
import { selectResources } from '../select'
import { apiErrorText, typeName, type ResourceInfo } from '../util'

type Field = 'labels' | 'annotations'

interface Updates { set: Record<string, string>; remove: string[] }

function splitArgs(args: string[]): { resources: string[]; updates: string[] } {
  const i = args.findIndex((a, idx) => idx > 0 && (a.includes('=') || (a.endsWith('-') && a.length > 1)))
  if (i < 0) return { resources: args, updates: [] }
  return { resources: args.slice(0, i), updates: args.slice(i) }
}

function parseUpdates(list: string[], field: Field): Updates | string {
  const u: Updates = { set: {}, remove: [] }
  for (const a of list) {
    if (a.includes('=')) {
      const i = a.indexOf('=')
      const k = a.slice(0, i)
      const v = a.slice(i + 1)
      if (field === 'labels' && !/^(([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?)$/.test(v)) return `invalid label value: "${a}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`
      if (!k) return `invalid ${field === 'labels' ? 'label' : 'annotation'} spec: ${a}`
      u.set[k] = v
    } else if (a.endsWith('-')) u.remove.push(a.slice(0, -1))
    else return `invalid ${field === 'labels' ? 'label' : 'annotation'} format: ${a}`
  }
  for (const k of u.remove) if (k in u.set) return `can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`
  return u
}

function makeCommand(name: 'label' | 'annotate', field: Field, verb: string): Command {
  return {
    name,
    flags: [F.selector, F.all, F.allNamespaces, F.overwrite, F.output, F.dryRun, F.filename, F.fieldManager,
      { name: 'resource-version', type: 'string' }, { name: 'list', type: 'bool' }, { name: 'local', type: 'bool' }, { name: 'field-selector', type: 'string' }],
    run(ctx: Ctx) {
      const { resources, updates } = splitArgs(ctx.args)
      if (!resources.length) return fail(ctx, `one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${name} -h' for help and examples`)
      if (!updates.length && !bool(ctx, 'list')) return fail(ctx, `at least one ${field === 'labels' ? 'label' : 'annotation'} update is required\nSee 'kubectl ${name} -h' for help and examples`)
      const parsed = parseUpdates(updates, field)
      if (typeof parsed === 'string') return fail(ctx, parsed)
      const selector = str(ctx, 'selector')
      const all = bool(ctx, 'all')
      const hasNames = resources.length > 1 || resources[0].includes('/')
      if (!hasNames && !all && selector === undefined) return fail(ctx, 'resource(s) were provided, but no name was specified')
      const sel = selectResources(ctx, resources, { selector, fieldSelector: str(ctx, 'field-selector'), allNamespaces: bool(ctx, 'all-namespaces') })
      if (!sel.ok) return fail(ctx, sel.message)
      const errors = [...sel.value.errors]
      const overwrite = bool(ctx, 'overwrite')
      for (const g of sel.value.groups) {
        for (const obj of g.objs) {
          const r = update(ctx, g.info, obj, field, parsed, overwrite, verb)
          if (r) errors.push(r)
        }
      }
      for (const e of errors) err(ctx, e)
      return errors.length ? 1 : 0
    },
  }
}

function update(ctx: Ctx, info: ResourceInfo, obj: KObject, field: Field, u: Updates, overwrite: boolean, verb: string): string | undefined {
  const cur = { ...((obj.metadata[field] as Record<string, string> | undefined) ?? {}) }
  if (!overwrite) {
    for (const [k] of Object.entries(u.set)) {
      if (k in cur && cur[k] !== u.set[k]) return `error: '${k}' already has a value (${cur[k]}), and --overwrite is false`
    }
  }
  const before = JSON.stringify(cur)
  for (const k of u.remove) {
    if (!(k in cur) && field === 'labels') out(ctx, `label "${k}" not found.`)
    delete cur[k]
  }
  Object.assign(cur, u.set)
  const changed = JSON.stringify(cur) !== before
  const id = typeName(info, obj.metadata.name)
  const dry = str(ctx, 'dry-run')
  const suffix = dry === 'client' || dry === '' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''
  if (changed && !suffix) {
    const r = ctx.c.api.mutate(info.plural, obj.metadata.namespace, obj.metadata.name, (o) => {
      if (Object.keys(cur).length) o.metadata[field] = cur
      else delete o.metadata[field]
    })
    if (!r.ok) return apiErrorText(r.status, obj.kind, obj.metadata.name)
  }
  // label.go updateDataChangeMsg: labeled / unlabeled (removal) / not labeled; annotate always "annotated".
  let msg = verb
  if (field === 'labels') {
    if (!changed) msg = 'not labeled'
    else if (!overwrite && Object.keys(cur).length < Object.keys(JSON.parse(before)).length) msg = 'unlabeled'
  }
  out(ctx, `${id} ${msg}${suffix}`)
  return undefined
}

export const label = makeCommand('label', 'labels', 'labeled')
export const annotate = makeCommand('annotate', 'annotations', 'annotated')
