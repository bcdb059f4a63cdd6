// Maps `yaml` package parse errors to go-yaml's wording, which kubectl shows
// (`error converting YAML to JSON: yaml: line N: ...`, sigs.k8s.io/yaml → go-yaml scannerc.go/parserc.go).
import type { YAMLError } from 'yaml'

const GO_YAML: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  MULTILINE_IMPLICIT_KEY: 'could not find expected \':\'',
  BAD_INDENT: 'did not find expected key',
  TAB_AS_INDENT: 'found character that cannot start any token',
  MISSING_CHAR: 'found unexpected end of stream',
  UNEXPECTED_TOKEN: 'did not find expected key',
  BAD_SCALAR_START: 'found character that cannot start any token',
  DUPLICATE_KEY: 'mapping key already defined',
  BLOCK_IN_FLOW: 'did not find expected \',\' or \']\'',
}

export function goYamlMessage(e: YAMLError, text: string): { line: number; message: string } {
  // 1-based line of the error offset (linePos is only filled with prettyErrors).
  const offset = e.pos?.[0] ?? 0
  const line = e.linePos?.[0]?.line ?? text.slice(0, offset).split('\n').length
  let message = GO_YAML[e.code] ?? 'did not find expected key'
  if (e.code === 'BAD_INDENT' && /Flow (sequence|mapping)/.test(e.message)) message = /sequence/.test(e.message) ? "did not find expected ',' or ']'" : "did not find expected ',' or '}'"
  if (e.code === 'UNEXPECTED_TOKEN' && /^\s*-/.test(text)) message = "did not find expected '-' indicator"
  if (e.code === 'MISSING_CHAR') {
    // go-yaml reports an unterminated quoted scalar at the line where it started.
    return { line: Math.max(1, line - 1), message: 'found unexpected end of stream' }
  }
  if (e.code === 'DUPLICATE_KEY') {
    const m = /Map keys must be unique/.test(e.message)
    return { line, message: m ? 'mapping key already defined' : message }
  }
  return { line, message }
}
