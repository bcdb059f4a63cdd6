// kubectl patch (pkg/cmd/patch/patch.go): strategic (default), merge (RFC 7386) and json (RFC 6902)
// patches; `kind/name patched` or `patched (no change)`.
import { parse as parseYaml } from 'yaml'
import type { KObject } from '../../engine'
import { clone } from '../../engine'
import { err, F, fail, out, str, type Command, type Ctx } from '../command'
import { selectResources } from '../select'
import { apiErrorText, typeName } from '../util'
import { threeWay } from './apply'

type Json = Record<string, unknown>
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)

/** RFC 7386 JSON merge patch: null removes, objects recurse, everything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch)
  const out: Json = isObj(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

/** Strategic merge: like a merge patch, but keyed lists (containers by name, …) merge per item. */
function strategicPatch(target: Json, patch: Json): Json {
  const out = clone(target)
  const nulls: string[][] = []
  const strip = (p: unknown, path: string[]): unknown => {
    if (!isObj(p)) return p
    const o: Json = {}
    for (const [k, v] of Object.entries(p)) {
      if (v === null) nulls.push([...path, k])
      else o[k] = strip(v, [...path, k])
    }
    return o
  }
  threeWay(out, strip(patch, []) as Json, undefined)
  for (const path of nulls) {
    let cur: unknown = out
    for (const k of path.slice(0, -1)) cur = isObj(cur) ? cur[k] : undefined
    if (isObj(cur)) delete cur[path[path.length - 1]]
  }
  return out
}

function pointer(path: string): string[] {
  return path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** RFC 6902 JSON patch. Returns an error text on a failed operation. */
export function jsonPatch(doc: unknown, ops: unknown): unknown | { error: string } {
  if (!Array.isArray(ops)) return { error: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' }
  let root = clone(doc)
  for (const op of ops as Json[]) {
    const parts = pointer(String(op.path ?? ''))
    const parentOf = (ps: string[]): { parent: unknown; key: string } => {
      let cur: unknown = root
      for (const k of ps.slice(0, -1)) cur = Array.isArray(cur) ? cur[Number(k)] : isObj(cur) ? cur[k] : undefined
      return { parent: cur, key: ps[ps.length - 1] }
    }
    const get = (ps: string[]) => {
      let cur: unknown = root
      for (const k of ps) cur = Array.isArray(cur) ? cur[Number(k)] : isObj(cur) ? cur[k] : undefined
      return cur
    }
    const put = (ps: string[], value: unknown, insert: boolean) => {
      if (!ps.length) { root = value; return true }
      const { parent, key } = parentOf(ps)
      if (Array.isArray(parent)) {
        const i = key === '-' ? parent.length : Number(key)
        if (insert) parent.splice(i, 0, value)
        else parent[i] = value
        return true
      }
      if (isObj(parent)) { parent[key] = value; return true }
      return false
    }
    const remove = (ps: string[]) => {
      const { parent, key } = parentOf(ps)
      if (Array.isArray(parent) && Number(key) < parent.length) { parent.splice(Number(key), 1); return true }
      if (isObj(parent) && key in parent) { delete parent[key]; return true }
      return false
    }
    switch (op.op) {
      case 'add': if (!put(parts, clone(op.value), true)) return { error: `add operation does not apply: doc is missing path: "${op.path}": missing value` }; break
      case 'replace':
        if (get(parts) === undefined) return { error: `replace operation does not apply: doc is missing key: ${op.path}: missing value` }
        put(parts, clone(op.value), false); break
      case 'remove': if (!remove(parts)) return { error: `remove operation does not apply: doc is missing path: "${op.path}": missing value` }; break
      case 'test': if (JSON.stringify(get(parts)) !== JSON.stringify(op.value)) return { error: 'testing value ' + String(op.path) + ' failed: test failed' }; break
      case 'move': case 'copy': {
        const from = pointer(String(op.from ?? ''))
        const v = clone(get(from))
        if (v === undefined) return { error: `${op.op} operation does not apply: doc is missing from path: ${op.from}: missing value` }
        if (op.op === 'move') remove(from)
        put(parts, v, true); break
      }
      default: return { error: `Unexpected kind: ${String(op.op)}` }
    }
  }
  return root
}

export const patch: Command = {
  name: 'patch',
  flags: [F.filename, F.output, F.dryRun, F.fieldManager, { name: 'patch', short: 'p', type: 'string' }, { name: 'type', type: 'string' },
    { name: 'patch-file', type: 'string' }, { name: 'subresource', type: 'string' }, { name: 'local', type: 'bool' }],
  run(ctx: Ctx) {
    let text = str(ctx, 'patch')
    const file = str(ctx, 'patch-file')
    if (file !== undefined) {
      text = ctx.io.files?.[file]
      if (text === undefined) return fail(ctx, `unable to read patch file: open ${file}: no such file or directory`)
    }
    if (!text) return fail(ctx, 'must specify --patch or --patch-file containing the contents of the patch')
    const type = str(ctx, 'type') ?? 'strategic'
    if (!['strategic', 'merge', 'json'].includes(type)) return fail(ctx, `--type must be one of [json merge strategic], not "${type}"`)
    let body: unknown
    try { body = parseYaml(text) } catch (e) { return fail(ctx, `unable to parse "${text}": ${(e as Error).message.split('\n')[0]}`) }
    if (!ctx.args.length) return fail(ctx, `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`)
    const sel = selectResources(ctx, ctx.args)
    if (!sel.ok) return fail(ctx, sel.message)
    if (!sel.value.named) return fail(ctx, 'resource(s) were provided, but no name was specified')
    if (sel.value.errors.length) { for (const e of sel.value.errors) err(ctx, e); return 1 }
    const subresource = str(ctx, 'subresource')
    for (const g of sel.value.groups) {
      for (const obj of g.objs) {
        let next: unknown
        if (type === 'json') {
          next = jsonPatch(obj, body)
          if (isObj(next) && 'error' in next && Object.keys(next).length === 1) return fail(ctx, String(next.error))
        } else {
          if (!isObj(body)) return fail(ctx, `unable to parse "${text}": json: cannot unmarshal into Go value of type map[string]interface {}`)
          next = type === 'merge' ? mergePatch(obj, body) : strategicPatch(obj as unknown as Json, body)
        }
        const updated = next as KObject
        updated.metadata = { ...updated.metadata, resourceVersion: obj.metadata.resourceVersion, name: obj.metadata.name, namespace: obj.metadata.namespace } as KObject['metadata']
        if (!updated.metadata.namespace) delete updated.metadata.namespace
        const r = ctx.c.api.update(updated, subresource ? { subresource } : {})
        if (!r.ok) { err(ctx, apiErrorText(r.status, obj.kind, obj.metadata.name)); return 1 }
        const same = r.value.metadata.resourceVersion === obj.metadata.resourceVersion
        out(ctx, `${typeName(g.info, obj.metadata.name)} patched${same ? ' (no change)' : ''}`)
      }
    }
    return 0
  },
}
