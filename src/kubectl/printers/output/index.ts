// `kubectl get -o <format>` for non-table formats.
// Source: kubernetes/cli-runtime pkg/printers (json.go, yaml.go, name.go, jsonpath.go) and
// kubernetes/kubectl pkg/cmd/get (a multi-object result is printed as a v1 List).
import type { Cluster, KObject } from '../../../engine'
import { kindPrefix } from '../table'
import { toJson } from './json'
import { toYaml } from './yaml'
import { jsonpath } from './jsonpath'
import { customColumns } from './custom-columns'

export type PrintResult = { ok: true; text: string } | { ok: false; message: string }

/** The v1 List kubectl prints for several objects. */
export function asList(objs: KObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } }
}

/** Strips one pair of matching quotes a shell would have removed: jsonpath='{.x}'. */
const unquote = (s: string) => (s.length >= 2 && (s[0] === "'" || s[0] === '"') && s[s.length - 1] === s[0] ? s.slice(1, -1) : s)

export function printObjects(_c: Cluster, objs: KObject[], format: string, opts: { asList?: boolean } = {}): PrintResult {
  const data: unknown = opts.asList || objs.length !== 1 ? asList(objs) : objs[0]
  const eq = format.indexOf('=')
  const kind = eq < 0 ? format : format.slice(0, eq)
  const arg = eq < 0 ? '' : unquote(format.slice(eq + 1))
  switch (kind) {
    case 'yaml':
      return { ok: true, text: toYaml(JSON.parse(JSON.stringify(data))) }
    case 'json':
      return { ok: true, text: toJson(data) }
    case 'name':
      return { ok: true, text: objs.map((o) => `${kindPrefix(o)}${o.metadata.name}\n`).join('') }
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (eq < 0) return { ok: false, message: 'template format specified but no template given' }
      return jsonpath(arg, JSON.parse(JSON.stringify(data)))
    case 'custom-columns':
      return customColumns(objs, arg)
  }
  return {
    ok: false,
    message: `unable to match a printer suitable for the output format "${format}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
  }
}
