// `-o custom-columns=HEADER:.path,...`: one column per spec, values found by JSONPath, "<none>"
// when nothing matches, several values joined by ",".
// Source: kubernetes/kubectl pkg/cmd/get/customcolumn.go (NewCustomColumnsPrinterFromSpec, printOneObject).
import type { KObject } from '../../../engine'
import { tabwrite } from '../tabwriter'
import { jsonpathValues, JsonPathError } from './jsonpath'

/** Go's %v of a decoded JSON value: map[k:v], [a b]. */
function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goSprint(o[k])}`).join(' ')}]`
  }
  return String(v)
}

/** RelaxedJSONPathExpression: "metadata.name" / ".metadata.name" / "{.metadata.name}" → "{.metadata.name}". */
function relaxed(expr: string): string {
  let e = expr.trim()
  if (e.startsWith('{') && e.endsWith('}')) e = e.slice(1, -1)
  if (!e.startsWith('.') && !e.startsWith('$') && !e.startsWith('[')) e = '.' + e
  return `{${e}}`
}

export function customColumns(objs: KObject[], spec: string, noHeaders = false): { ok: true; text: string } | { ok: false; message: string } {
  if (spec.trim() === '') return { ok: false, message: 'custom-columns format specified but no custom columns given' }
  const cols: { header: string; expr: string }[] = []
  for (const part of spec.split(',')) {
    const ix = part.indexOf(':')
    if (ix <= 0) return { ok: false, message: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` }
    cols.push({ header: part.slice(0, ix), expr: relaxed(part.slice(ix + 1)) })
  }
  const rows: string[][] = noHeaders ? [] : [cols.map((c) => c.header)]
  try {
    for (const obj of objs) {
      rows.push(cols.map((col) => {
        const vals = jsonpathValues(col.expr, obj)
        return vals.length === 0 ? '<none>' : vals.map(goSprint).join(',')
      }))
    }
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, message: e.message }
    throw e
  }
  return { ok: true, text: tabwrite(rows) }
}
