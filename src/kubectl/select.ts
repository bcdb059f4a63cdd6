// The resource builder's argument forms (kubectl cli-runtime resource.Builder): `TYPE`,
// `TYPE1,TYPE2`, `TYPE NAME...`, `TYPE/NAME...`, `all`, with -l and --field-selector.
import type { KObject } from '../engine'
import { parseSelector, type Selector } from '../engine/api/selectors'
import { STORED } from '../engine/api/resources'
import type { Ctx } from './command'
import { resolveType, unknownType, type ResourceInfo } from './util'

/** kubectl's `all` category, in its print order. */
export const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs']

export interface Group {
  info: ResourceInfo
  objs: KObject[]
}

export interface Selection {
  groups: Group[]
  /** API error texts (NotFound per missing name), printed after the output. */
  errors: string[]
  /** Names were given (vs listing). */
  named: boolean
  /** Several types were involved (kubectl then shows `kind/name`). */
  multiType: boolean
}

export type SelectResult = { ok: true; value: Selection } | { ok: false; message: string }

export interface SelectOptions {
  selector?: string
  fieldSelector?: string
  allNamespaces?: boolean
  /** Require names or a selector (delete without --all). */
}

export type FieldReq = { path: string; value: string; negate: boolean }

export function parseFieldSelector(text: string): FieldReq[] | string {
  const out: FieldReq[] = []
  for (const part of text.split(',')) {
    const p = part.trim()
    if (!p) continue
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(p)
    if (!m) return `invalid selector: '${text}'; can't understand '${p}'`
    out.push({ path: m[1], value: m[3], negate: m[2] === '!=' })
  }
  return out
}

export function fieldValue(obj: KObject, path: string): string {
  let cur: unknown = obj
  for (const k of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined
  return cur === undefined || cur === null ? '' : String(cur)
}

export function parseTypes(arg: string): ResourceInfo[] | string {
  const out: ResourceInfo[] = []
  for (const t of arg.split(',')) {
    if (t === 'all') {
      for (const p of ALL_CATEGORY) if (!out.includes(STORED[p])) out.push(STORED[p])
      continue
    }
    const info = resolveType(t)
    if (!info) return unknownType(t)
    if (!out.includes(info)) out.push(info)
  }
  return out
}

export function selectResources(ctx: Ctx, args: string[], opts: SelectOptions = {}): SelectResult {
  const api = ctx.c.api
  let sel: Selector | undefined
  if (opts.selector !== undefined) {
    const r = parseSelector(opts.selector)
    if (!r.ok) return { ok: false, message: r.status.message }
    sel = r.value
  }
  let fields: FieldReq[] = []
  if (opts.fieldSelector) {
    const f = parseFieldSelector(opts.fieldSelector)
    if (typeof f === 'string') return { ok: false, message: f }
    fields = f
  }
  const fieldOk = (o: KObject) => fields.every((f) => (fieldValue(o, f.path) === f.value) !== f.negate)
  const groups: Group[] = []
  const errors: string[] = []
  const groupFor = (info: ResourceInfo): Group => {
    let g = groups.find((x) => x.info === info)
    if (!g) groups.push((g = { info, objs: [] }))
    return g
  }
  const fetch = (info: ResourceInfo, name: string) => {
    const r = api.read(info.plural, ctx.namespace, name)
    if (r.ok) groupFor(info).objs.push(r.value)
    else errors.push(`Error from server (${r.status.reason}): ${r.status.message}`)
  }
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) {
      return { ok: false, message: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` }
    }
    const types = new Set<ResourceInfo>()
    for (const a of args) {
      const [t, ...rest] = a.split('/')
      const name = rest.join('/')
      const info = resolveType(t)
      if (!info) return { ok: false, message: unknownType(t) }
      if (!name) return { ok: false, message: `arguments in resource/name form must have a single resource and name` }
      types.add(info)
      fetch(info, name)
    }
    return { ok: true, value: { groups, errors, named: true, multiType: types.size > 1 } }
  }
  const types = parseTypes(args[0])
  if (typeof types === 'string') return { ok: false, message: types }
  const names = args.slice(1)
  const multiType = types.length > 1
  if (names.length) {
    for (const info of types) for (const n of names) fetch(info, n)
    return { ok: true, value: { groups, errors, named: true, multiType } }
  }
  for (const info of types) {
    const objs = api.list(info.plural, {
      namespace: opts.allNamespaces || !info.namespaced ? undefined : ctx.namespace,
      labelSelector: sel,
      filter: fields.length ? fieldOk : undefined,
    })
    groups.push({ info, objs })
  }
  return { ok: true, value: { groups, errors, named: false, multiType } }
}

/** `No resources found in default namespace.` / `No resources found` (kubectl get.go). */
export function noResourcesText(ctx: Ctx, infos: ResourceInfo[], allNamespaces: boolean): string {
  const allNamespaced = !allNamespaces && infos.every((i) => i.namespaced)
  return allNamespaced ? `No resources found in ${ctx.namespace} namespace.` : 'No resources found'
}
