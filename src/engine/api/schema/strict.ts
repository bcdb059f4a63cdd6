// Decoding checks on the raw request body, as the API server's JSON decoder does them:
// strict field validation (kubectl ≥ 1.27 sends fieldValidation=Strict) reports fields the API
// types do not know (`unknown field "spec.containers[0].imagee"`), and values of the wrong JSON
// type fail like encoding/json (`json: cannot unmarshal string into Go struct field
// ContainerPort.spec.containers.ports.containerPort of type int32`).
// k8s.io/apimachinery/pkg/runtime/serializer/json, sigs.k8s.io/json (UnmarshalTypeError text).
import { KIND_SCHEMAS, TYPES, type FieldSchema, type StructSchema } from './fields'

function resolve(s: FieldSchema): FieldSchema {
  return typeof s === 'string' && !s.startsWith('#') ? (TYPES[s] ?? true) : s
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function walk(value: unknown, schema: FieldSchema, path: string, out: string[]): void {
  const s = resolve(schema)
  if (s === true || typeof s === 'string') return
  if (Array.isArray(s)) {
    if (!Array.isArray(value)) return
    value.forEach((item, i) => walk(item, s[0], `${path}[${i}]`, out))
    return
  }
  if (!isPlainObject(value)) return
  const struct = s as StructSchema
  for (const key of Object.keys(value)) {
    const p = path ? `${path}.${key}` : key
    if (!(key in struct) || key === '$go') out.push(p)
    else walk(value[key], struct[key], p, out)
  }
}

/** Unknown field paths of an object of `kind`, in document order; [] for kinds without a schema. */
export function unknownFields(kind: string, obj: unknown): string[] {
  const schema = KIND_SCHEMAS[kind]
  if (!schema) return []
  const out: string[] = []
  walk(obj, schema, '', out)
  return out
}

/** `strict decoding error: unknown field "a", unknown field "b"` */
export function strictDecodingError(paths: string[]): string {
  return 'strict decoding error: ' + paths.map((p) => `unknown field ${JSON.stringify(p)}`).join(', ')
}

/** encoding/json's name for the JSON value that did not fit. */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return Number.isInteger(v) ? 'number' : `number ${v}`
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

/** The Go type a typed leaf rejects `v` as, or undefined when it fits. */
function leafMismatch(type: string, v: unknown): { value: unknown; goType: string } | undefined {
  if (v === null || v === undefined) return undefined
  switch (type) {
    case '#string':
      return typeof v === 'string' ? undefined : { value: v, goType: 'string' }
    case '#int32':
    case '#int64':
      return typeof v === 'number' && Number.isInteger(v) ? undefined : { value: v, goType: type.slice(1) }
    case '#bool':
      return typeof v === 'boolean' ? undefined : { value: v, goType: 'bool' }
    case '#[]string':
      if (!Array.isArray(v)) return { value: v, goType: '[]string' }
      for (const x of v) if (typeof x !== 'string' && x !== null) return { value: x, goType: 'string' }
      return undefined
    case '#map[string]string':
      if (!isPlainObject(v)) return { value: v, goType: 'map[string]string' }
      for (const x of Object.values(v)) if (typeof x !== 'string' && x !== null) return { value: x, goType: 'string' }
      return undefined
    default:
      return undefined
  }
}

function typeWalk(value: unknown, schema: FieldSchema, path: string, goStruct: string): string | undefined {
  const s = resolve(schema)
  if (s === true) return undefined
  if (typeof s === 'string') {
    const bad = leafMismatch(s, value)
    return bad ? `json: cannot unmarshal ${jsonKind(bad.value)} into Go struct field ${goStruct}.${path} of type ${bad.goType}` : undefined
  }
  if (Array.isArray(s)) {
    if (!Array.isArray(value)) return undefined
    for (const item of value) {
      const e = typeWalk(item, s[0], path, goStruct)
      if (e) return e
    }
    return undefined
  }
  if (!isPlainObject(value)) return undefined
  const struct = s as StructSchema
  const name = typeof struct.$go === 'string' ? struct.$go : goStruct
  for (const key of Object.keys(value)) {
    if (!(key in struct) || key === '$go') continue
    const e = typeWalk(value[key], struct[key], path ? `${path}.${key}` : key, name)
    if (e) return e
  }
  return undefined
}

/** The first JSON type error in an object of `kind` (encoding/json reports the first one). */
export function typeError(kind: string, obj: unknown): string | undefined {
  const schema = KIND_SCHEMAS[kind]
  return schema ? typeWalk(obj, schema, '', kind) : undefined
}
