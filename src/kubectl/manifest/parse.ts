// Manifest parsing as kubectl's resource builder does it: split the stream into YAML documents
// (k8s.io/apimachinery/pkg/util/yaml YAMLReader), convert each to JSON, skip empty ones,
// expand `kind: List`, then check apiVersion/kind and map the kind to a resource.
import { parseDocument } from 'yaml'
import type { NewObject } from '../../engine'
import { RESOURCES, STORED, type ResourceInfo } from '../../engine/api/resources'
import { goYamlMessage } from './yaml-errors'

export interface ManifestObject {
  obj: NewObject
  info: ResourceInfo
  /** File name as kubectl shows it in messages ("STDIN" for `-f -`). */
  source: string
}

/** On YAML errors, `line`/`column` (1-based, in the whole text) let an editor mark the spot. */
export type ManifestResult = { ok: true; value: ManifestObject[] } | { ok: false; message: string; line?: number; column?: number }

/** Splits on `---` separator lines (a `---` followed only by a comment also separates). */
export function splitDocuments(text: string): string[] {
  const docs: string[] = []
  let cur: string[] = []
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim()
      if (rest === '' || rest.startsWith('#')) {
        docs.push(cur.join('\n'))
        cur = []
        continue
      }
    }
    cur.push(line)
  }
  docs.push(cur.join('\n'))
  return docs
}

/** Kind + apiVersion → the stored resource, with the exact version served. */
function mapKind(kind: string, apiVersion: string): ResourceInfo | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion]
  const hit = RESOURCES.find((r) => r.kind === kind && r.group === group && (r.version === version || (r.kind === 'HorizontalPodAutoscaler' && version === 'v1')))
  return hit && STORED[hit.plural] ? STORED[hit.plural] : undefined
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

export function parseManifests(text: string, source: string): ManifestResult {
  const out: ManifestObject[] = []
  let startLine = 1
  for (const chunk of splitDocuments(text)) {
    const chunkStart = startLine
    startLine += chunk.split('\n').length + 1 // the chunk's lines and the `---` separator
    if (chunk.trim() === '') continue
    const doc = parseDocument(chunk, { uniqueKeys: true, prettyErrors: false })
    if (doc.errors.length) {
      const e = doc.errors[0]
      const { line, message } = goYamlMessage(e, chunk)
      const offset = e.pos?.[0] ?? 0
      const before = chunk.slice(0, offset).split('\n')
      return {
        ok: false,
        message: `error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${message}`,
        line: chunkStart + before.length - 1,
        column: before[before.length - 1].length + 1,
      }
    }
    const value: unknown = doc.toJS()
    if (value === null || value === undefined) continue
    if (!isObject(value)) {
      const t = Array.isArray(value) ? '[]interface {}' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'bool'
      return { ok: false, message: `error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${t === '[]interface {}' ? 'array' : t} into Go value of type map[string]interface {}` }
    }
    const items = value.kind === 'List' && Array.isArray(value.items) ? (value.items as unknown[]) : [value]
    for (const item of items) {
      if (!isObject(item)) continue
      const problems: string[] = []
      if (typeof item.apiVersion !== 'string' || !item.apiVersion) problems.push('apiVersion not set')
      if (typeof item.kind !== 'string' || !item.kind) problems.push('kind not set')
      if (problems.length) {
        const list = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`
        return { ok: false, message: `error validating "${source}": error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false` }
      }
      const kind = item.kind as string
      const apiVersion = item.apiVersion as string
      const info = mapKind(kind, apiVersion)
      const meta = isObject(item.metadata) ? item.metadata : {}
      if (!info) {
        const name = typeof meta.name === 'string' ? meta.name : ''
        const ns = typeof meta.namespace === 'string' ? meta.namespace : ''
        return { ok: false, message: `resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first` }
      }
      out.push({ obj: { ...item, metadata: { ...meta } } as NewObject, info, source })
    }
  }
  return { ok: true, value: out }
}
