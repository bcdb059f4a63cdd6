import { describe, expect, it } from 'vitest'
import { parseManifests, splitDocuments, loadManifests } from '../../../src/kubectl/manifest'

const err = (text: string, source = 'STDIN') => {
  const r = parseManifests(text, source)
  if (r.ok) throw new Error('expected an error')
  return r.message
}

describe('splitDocuments', () => {
  it('splits on --- lines, also with a trailing comment, not on ---x', () => {
    expect(splitDocuments('a: 1\n---\nb: 2\n--- # two\nc: 3\n---x: 4')).toEqual(['a: 1', 'b: 2', 'c: 3\n---x: 4'])
  })
})

describe('parseManifests', () => {
  it('parses several documents, skipping empty ones, and maps kinds', () => {
    const r = parseManifests('---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\n\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n', 'STDIN')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.map((m) => [m.info.plural, m.obj.metadata.name, m.source])).toEqual([['pods', 'a', 'STDIN'], ['deployments', 'd', 'STDIN']])
  })
  it('expands kind: List', () => {
    const r = parseManifests('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: s\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n', 'f.yaml')
    expect(r.ok && r.value.map((m) => m.info.kind)).toEqual(['Service', 'ConfigMap'])
  })
  it('reports YAML syntax errors with go-yaml wording and the line in the document', () => {
    expect(err('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: app: web\n')).toBe('error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context')
    // Line numbers count from the start of the failing document, as kubectl's YAML reader does.
    expect(err('apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n', 'pod.yaml')).toBe('error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token')
  })
  it('requires apiVersion and kind', () => {
    expect(err('metadata:\n  name: x\n')).toBe('error validating "STDIN": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false')
    expect(err('apiVersion: v1\nmetadata:\n  name: x\n')).toBe('error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false')
  })
  it('rejects kinds and versions the server does not serve', () => {
    expect(err('apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n')).toBe('resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first')
    expect(err('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n  namespace: n\n')).toBe('resource mapping not found for name: "d" namespace: "n" from "STDIN": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first')
  })
  it('rejects a document that is not a map', () => {
    expect(err('- a\n- b\n')).toContain('cannot unmarshal array into Go value of type map[string]interface {}')
  })
})

describe('loadManifests', () => {
  const io = { out() {}, err() {}, waitUntil: async () => true, stdin: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n', files: { 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' } }
  it('reads stdin for - and the virtual files otherwise', () => {
    const r = loadManifests(io, ['-', 'a.yaml'])
    expect(r.ok && r.value.map((m) => `${m.source}:${m.obj.kind}`)).toEqual(['STDIN:Namespace', 'a.yaml:ConfigMap'])
  })
  it('reports a missing file', () => {
    expect(loadManifests(io, ['nope.yaml'])).toEqual({ ok: false, message: 'the path "nope.yaml" does not exist' })
  })
})

describe('error positions for editors', () => {
  it('gives the absolute line and column of a YAML error', () => {
    const r = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n', 'STDIN')
    expect(r).toMatchObject({ ok: false, line: 10, message: 'error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context' })
    expect(r.ok === false && r.column).toBeGreaterThan(1)
  })
})
