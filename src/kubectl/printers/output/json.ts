// `-o json`: encoding/json MarshalIndent(obj, "", "    ") of the unstructured object, as kubectl's
// JSONPrinter does: keys sorted (maps), 4-space indent, HTML characters escaped (<, >, & → \u003c…).
// Source: kubernetes/cli-runtime pkg/printers/json.go; Go encoding/json (HTMLEscape).

/** Recursively sorts object keys (Go marshals map[string]interface{} in key order). */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k]
      if (x !== undefined) out[k] = sortKeys(x)
    }
    return out
  }
  return v
}

const goEscape = (s: string) =>
  s.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')

/** json.MarshalIndent with 4 spaces + trailing newline. */
export function toJson(v: unknown): string {
  return goEscape(JSON.stringify(sortKeys(v), null, 4) ?? 'null') + '\n'
}

/** json.Marshal (compact, sorted, HTML-escaped), as jsonpath prints maps and slices. */
export function toCompactJson(v: unknown): string {
  return goEscape(JSON.stringify(sortKeys(v)) ?? 'null')
}
