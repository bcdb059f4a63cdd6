// kubectl get (kubectl pkg/cmd/get/get.go): tables per type, -o formats, NotFound per name,
// "No resources found" on stderr, and -w streaming changed rows while simulated time runs.
import type { KObject } from '../../engine'
import { printObjects, printTable } from '../printers'
import { arr, bool, err, F, fail, out, str, type Command, type Ctx } from '../command'
import { noResourcesText, selectResources, type Group } from '../select'
import { loadManifests } from '../manifest'
import { jsonpathValues } from '../printers/output/jsonpath'

const REQUIRE_TYPE = 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n'

function tableOpts(ctx: Ctx, showKind: boolean, noHeaders = false) {
  return {
    wide: str(ctx, 'output') === 'wide',
    allNamespaces: bool(ctx, 'all-namespaces'),
    showLabels: bool(ctx, 'show-labels'),
    noHeaders: noHeaders || bool(ctx, 'no-headers'),
    labelColumns: arr(ctx, 'label-columns'),
    showKind,
  }
}

function nl(s: string): string {
  return s === '' || s.endsWith('\n') ? s : s + '\n'
}

async function watch(ctx: Ctx, groups: Group[], showKind: boolean): Promise<void> {
  const limit = ctx.io.streamLimitMs ?? 0
  if (limit <= 0) return
  const c = ctx.c
  const allNs = bool(ctx, 'all-namespaces')
  const snapshot = () => {
    const m: Record<string, string> = {}
    for (const g of groups) {
      for (const o of c.api.list(g.info.plural, { namespace: allNs || !g.info.namespaced ? undefined : ctx.namespace })) {
        m[`${g.info.plural}/${o.metadata.namespace ?? ''}/${o.metadata.name}`] = o.metadata.resourceVersion
      }
    }
    return m
  }
  // Named objects (`get pod x -w`) watch only those; lists watch the whole collection.
  const names = new Set(groups.flatMap((g) => g.objs.map((o) => `${g.info.plural}/${o.metadata.namespace ?? ''}/${o.metadata.name}`)))
  const named = ctx.args.length > 1 || ctx.args.some((a) => a.includes('/'))
  const inScope = (key: string) => !named || names.has(key)
  let last = snapshot()
  let lastObjs: Record<string, KObject> = {}
  const remember = () => {
    lastObjs = {}
    for (const g of groups) for (const o of c.api.list(g.info.plural, {})) lastObjs[`${g.info.plural}/${o.metadata.namespace ?? ''}/${o.metadata.name}`] = o
  }
  remember()
  const end = c.now + limit
  while (c.now < end) {
    let changed: string[] = []
    const held = await ctx.io.waitUntil(() => {
      const cur = snapshot()
      changed = Object.keys({ ...cur, ...last }).filter((k) => cur[k] !== last[k] && inScope(k))
      return changed.length > 0
    }, end - c.now)
    if (!held) break
    for (const key of changed.sort()) {
      const [plural, ns, name] = key.split('/')
      const obj = c.api.get(plural, ns || undefined, name) ?? lastObjs[key]
      if (!obj) continue
      out(ctx, nl(printTable(c, plural, [obj], tableOpts(ctx, showKind, true))).replace(/\n$/, ''))
    }
    last = snapshot()
    remember()
  }
}

export const get: Command = {
  name: 'get',
  flags: [F.output, F.selector, F.allNamespaces, F.filename,
    { name: 'field-selector', type: 'string' },
    { name: 'show-labels', type: 'bool' },
    { name: 'label-columns', short: 'L', type: 'strings' },
    { name: 'no-headers', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'chunk-size', type: 'int' },
  ],
  async run(ctx) {
    const files = arr(ctx, 'filename')
    let args = ctx.args
    if (files.length) {
      const loaded = loadManifests(ctx.io, files)
      if (!loaded.ok) return fail(ctx, loaded.message)
      args = loaded.value.map((m) => `${m.info.plural}/${m.obj.metadata.name}`)
      if (!args.length) return fail(ctx, 'no objects passed to get')
    }
    if (args.length === 0) {
      err(ctx, `error: ${REQUIRE_TYPE.trimEnd()}`)
      return 1
    }
    const allNs = bool(ctx, 'all-namespaces')
    const sel = selectResources(ctx, args, { selector: str(ctx, 'selector'), fieldSelector: str(ctx, 'field-selector'), allNamespaces: allNs })
    if (!sel.ok) return fail(ctx, sel.message)
    const { groups, named, multiType } = sel.value
    const sortBy = str(ctx, 'sort-by')
    if (sortBy) {
      const expr = sortBy.startsWith('{') ? sortBy : `{${sortBy.startsWith('.') ? sortBy : '.' + sortBy}}`
      const key = (o: KObject): unknown => {
        try { return jsonpathValues(expr, o)[0] } catch { return undefined }
      }
      // kubectl sorts with the field's type: numbers numerically, everything else as text.
      const cmp = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a ?? '').localeCompare(String(b ?? '')))
      for (const g of groups) g.objs = [...g.objs].sort((a, b) => cmp(key(a), key(b)))
    }
    const errors = bool(ctx, 'ignore-not-found') ? [] : sel.value.errors
    const format = str(ctx, 'output')
    const objs = groups.flatMap((g) => g.objs)
    const showKind = multiType || bool(ctx, 'show-kind')
    if (format && format !== 'wide') {
      const single = named && objs.length === 1 && ((args.length === 2 && !args[0].includes('/')) || (args.length === 1 && args[0].includes('/')))
      // printGeneric (get.go): lists, even empty ones, go through the printer; no "No resources found".
      if (objs.length || !named) {
        const r = printObjects(ctx.c, objs, format, { asList: !single })
        if (!r.ok) return fail(ctx, r.message)
        // jsonpath prints exactly the template's text (no newline added), like kubectl.
        if (r.text) ctx.io.out(format.startsWith('jsonpath') ? r.text : nl(r.text))
      }
      for (const e of errors) err(ctx, e)
      return errors.length ? 1 : 0
    }
    const watching = bool(ctx, 'watch') || bool(ctx, 'watch-only')
    const texts: string[] = []
    for (const g of groups) {
      if (bool(ctx, 'watch-only')) break
      if (!g.objs.length) continue
      texts.push(nl(printTable(ctx.c, g.info.plural, g.objs, tableOpts(ctx, showKind))))
    }
    if (texts.length) ctx.io.out(texts.join('\n'))
    else if (errors.length === 0 && !bool(ctx, 'ignore-not-found') && !watching) err(ctx, noResourcesText(ctx, groups.map((g) => g.info), allNs))
    for (const e of errors) err(ctx, e)
    if (watching) await watch(ctx, groups, showKind)
    return errors.length ? 1 : 0
  },
}
