// kubectl apply (client-side; kubectl pkg/cmd/apply/apply.go): create with the
// last-applied-configuration annotation, or a three-way merge (last-applied, manifest, live)
// reported as `configured` / `unchanged`.
import type { KObject, NewObject } from '../../engine'
import { clone } from '../../engine'
import { arr, err, F, fail, out, type Command, type Ctx } from '../command'
import { loadManifests, type ManifestObject } from '../manifest'
import { apiErrorText, typeName } from '../util'
import { checkDryRun, dryRunMode } from '../write'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

type Json = Record<string, unknown>
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)

/** Go's json.Marshal of a map: keys sorted. */
export function sortedJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(sortedJson).join(',')}]`
  if (isObj(x)) return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(x[k])}`).join(',')}}`
  return JSON.stringify(x)
}

/**
 * Strategic-merge-patch list keys (k8s.io/api core/v1 types.go `patchMergeKey` tags): such lists
 * merge item by item, so fields the server added (e.g. the service-account volumeMount) survive.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', volumes: 'name', volumeMounts: 'mountPath',
  env: 'name', imagePullSecrets: 'name', hostAliases: 'ip', volumeDevices: 'devicePath', ownerReferences: 'uid',
}
/** Lists whose items merge by port: container ports (containerPort) and service ports (port). */
function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (field === 'ports') return items.every((x) => isObj(x) && 'containerPort' in x) ? 'containerPort' : items.every((x) => isObj(x) && 'port' in x) ? 'port' : undefined
  return MERGE_KEYS[field]
}

function mergeList(live: unknown[], applied: unknown[], last: unknown[] | undefined, key: string): unknown[] {
  const keyOf = (x: unknown) => (isObj(x) ? JSON.stringify(x[key]) : JSON.stringify(x))
  const appliedKeys = new Set(applied.map(keyOf))
  const removed = new Set((last ?? []).map(keyOf).filter((k) => !appliedKeys.has(k)))
  const out = live.filter((x) => !removed.has(keyOf(x))).map((x) => clone(x))
  for (const item of applied) {
    const i = out.findIndex((x) => keyOf(x) === keyOf(item))
    const lastItem = (last ?? []).find((x) => keyOf(x) === keyOf(item))
    if (i >= 0 && isObj(out[i]) && isObj(item)) threeWay(out[i] as Json, item, isObj(lastItem) ? lastItem : undefined)
    else if (i >= 0) out[i] = clone(item)
    else out.push(clone(item))
  }
  return out
}

/**
 * Three-way merge: fields set in the manifest replace live ones (maps recurse, keyed lists merge
 * per item, other lists are replaced whole); fields present in the last applied configuration but
 * gone from the manifest are removed (kubectl apply's strategic merge patch).
 */
export function threeWay(live: Json, applied: Json, last: Json | undefined): void {
  for (const [k, v] of Object.entries(applied)) {
    const lv = live[k]
    if (isObj(v) && isObj(lv)) threeWay(lv, v, isObj(last?.[k]) ? (last![k] as Json) : undefined)
    else if (Array.isArray(v) && Array.isArray(lv) && mergeKeyFor(k, [...v, ...lv])) {
      live[k] = mergeList(lv, v, Array.isArray(last?.[k]) ? (last![k] as unknown[]) : undefined, mergeKeyFor(k, [...v, ...lv]) as string)
    } else live[k] = clone(v)
  }
  for (const k of Object.keys(last ?? {})) if (!(k in applied)) delete live[k]
}

/** The annotation value: the manifest as applied (namespace filled in), without the annotation. */
function lastAppliedOf(obj: NewObject): string {
  const o = clone(obj)
  const ann = { ...(o.metadata.annotations ?? {}) }
  delete ann[LAST_APPLIED]
  o.metadata.annotations = ann
  const copy: Json = clone(o)
  return sortedJson(copy) + '\n'
}

function withAnnotation(obj: NewObject): NewObject {
  const o = clone(obj)
  o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(obj) }
  return o
}

/** Namespace kubectl sends an object to; errors when it contradicts -n. */
export function namespaceFor(ctx: Ctx, m: ManifestObject): { ns?: string; error?: string } {
  if (!m.info.namespaced) return {}
  const own = m.obj.metadata.namespace
  if (own && ctx.namespaceSet && own !== ctx.namespace) {
    return { error: `the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.` }
  }
  return { ns: own || ctx.namespace }
}

function applyOne(ctx: Ctx, m: ManifestObject, errors: string[]): void {
  const { ns, error } = namespaceFor(ctx, m)
  if (error) { errors.push(`error: ${error}`); return }
  const obj = clone(m.obj)
  if (ns) obj.metadata.namespace = ns
  const name = obj.metadata.name
  if (!name && obj.metadata.generateName) { errors.push(`error: from ${m.source}: cannot use generate name with apply`); return }
  if (!name) { errors.push(`error: error when retrieving current configuration of:\nResource: "${m.info.group ? m.info.group + '/' : ''}${m.info.version}, Resource=${m.info.plural}", GroupVersionKind: "${obj.apiVersion}, Kind=${obj.kind}"\nName: "", Namespace: "${ns ?? ''}"\nfrom server for: "${m.source}": resource name may not be empty`); return }
  const id = typeName(m.info, name)
  const dry = dryRunMode(ctx)
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''
  // Server-side apply reports one verb for create and update alike.
  const ssa = ctx.flags['server-side'] === true
  const live = ctx.c.api.get(m.info.plural, ns, name)
  if (!live) {
    if (dry !== 'none') { out(ctx, `${id} created${suffix}`); return }
    const r = ctx.c.api.create(ssa ? obj : withAnnotation(obj), { namespace: ns })
    if (!r.ok) { errors.push(apiErrorText(r.status, obj.kind, name, { verb: 'creating', file: m.source })); return }
    out(ctx, `${id} ${ssa ? 'serverside-applied' : 'created'}`)
    return
  }
  const lastText = live.metadata.annotations?.[LAST_APPLIED]
  let last: Json | undefined
  try { last = lastText ? JSON.parse(lastText) : undefined } catch { last = undefined }
  const merged = clone(live) as unknown as Json
  threeWay(merged, withAnnotation(obj) as unknown as Json, last)
  const mergedObj = merged as unknown as KObject
  mergedObj.metadata.resourceVersion = live.metadata.resourceVersion
  if (dry !== 'none') { out(ctx, `${id} configured${suffix}`); return }
  const r = ctx.c.api.update(mergedObj)
  if (!r.ok) {
    errors.push(r.status.reason === 'Invalid' ? apiErrorText(r.status, obj.kind, name) : apiErrorText(r.status, undefined, undefined, { verb: 'applying patch', file: m.source }))
    return
  }
  if (!lastText && !ssa) {
    // kubectl warns when the live object was not created by apply.
    err(ctx, `Warning: resource ${m.info.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`)
  }
  out(ctx, `${id} ${ssa ? 'serverside-applied' : r.value.metadata.resourceVersion === live.metadata.resourceVersion ? 'unchanged' : 'configured'}`)
}

export const apply: Command = {
  name: 'apply',
  flags: [F.filename, F.output, F.dryRun, F.recursive, F.validate, F.fieldManager, F.selector,
    { name: 'server-side', type: 'bool' }, { name: 'force-conflicts', type: 'bool' }, { name: 'prune', type: 'bool' }, { name: 'force', type: 'bool' }, { name: 'kustomize', short: 'k', type: 'string' }],
  run(ctx) {
    const files = arr(ctx, 'filename')
    if (!files.length) return fail(ctx, 'must specify one of -f and -k')
    const bad = checkDryRun(ctx)
    if (bad) return fail(ctx, bad)
    const loaded = loadManifests(ctx.io, files)
    if (!loaded.ok) return fail(ctx, loaded.message)
    if (!loaded.value.length) return fail(ctx, 'no objects passed to apply')
    const errors: string[] = []
    for (const m of loaded.value) applyOne(ctx, m, errors)
    for (const e of errors) err(ctx, e)
    return errors.length ? 1 : 0
  },
}
