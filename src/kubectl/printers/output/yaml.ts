// `-o yaml`: a YAML emitter reproducing what kubectl prints (sigs.k8s.io/yaml → go-yaml v2):
// keys sorted (objects pass through unstructured maps), sequences not indented under their key,
// strings that would read as another type double-quoted ("1", "true", "2025-03-01T09:00:00Z", ""),
// strings that cannot be plain single-quoted ('a: b'), multi-line strings as literal blocks, and
// long plain/single-quoted scalars folded at spaces past column 80.
// Source: go-yaml v2 encode.go (stringv), emitterc.go (yaml_emitter_analyze_scalar,
// yaml_emitter_write_plain_scalar / write_single_quoted), resolve.go.

 

const BEST_WIDTH = 80

const YAML11_SPECIAL = new Set([
  '', '~', 'null', 'Null', 'NULL', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE',
  'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF',
  '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN', '<<',
])

/** resolve(): would this plain scalar read back as something other than a string? */
function resolvesToNonString(s: string): boolean {
  if (YAML11_SPECIAL.has(s)) return true
  const plain = s.replace(/_/g, '')
  if (/^[-+]?(0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[0-9]+)$/.test(plain)) return true
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$/.test(s)) return true // base 60 float
  if (/^\d{4}-\d{1,2}-\d{1,2}(([Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(\.\d*)?([ \t]*(Z|[-+]\d{1,2}(:\d{2})?))?)?$/.test(s)) return true
  return false
}

/** yaml_emitter_analyze_scalar, reduced to the block context: may `s` be written plain? */
function plainAllowed(s: string, isKey: boolean): boolean {
  if (s === '') return false
  if (s.startsWith('---') || s.startsWith('...')) return false
  if (/^\s|\s$/.test(s)) return false
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) return false
  const first = s[0]
  const next = s[1]
  const blank = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t'
  if ('#,[]{}&*!|>\'"%@`'.includes(first)) return false
  if ((first === '?' || first === ':') && (isKey || blank(next))) return false
  if (first === '-' && blank(next)) return false
  for (let i = 1; i < s.length; i++) {
    const ch = s[i]
    if (isKey && ',?[]{}'.includes(ch)) return false
    if (ch === ':' && (isKey || blank(s[i + 1]))) return false
    if (ch === '#' && (s[i - 1] === ' ' || s[i - 1] === '\t')) return false
  }
  return true
}

function doubleQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const code = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0')
    else out += ch
  }
  return out + '"'
}

/** Writes `text` starting at `column`, breaking at single spaces once past BEST_WIDTH. */
function fold(text: string, column: number, indent: number, quoted: boolean): string {
  let out = ''
  let col = column
  let prevSpace = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === ' ') {
      const inner = !quoted || (i !== 0 && i !== text.length - 1)
      if (inner && !prevSpace && col > BEST_WIDTH && text[i + 1] !== ' ') {
        out += '\n' + ' '.repeat(indent)
        col = indent
      } else {
        out += ch
        col++
      }
      prevSpace = true
    } else {
      out += ch
      col++
      prevSpace = false
    }
  }
  return out
}

// eslint-disable-next-line no-control-regex
const SPECIAL = /[\u0000-\u0009\u000b-\u001f\u007f]/

/** A scalar string value, written at `column` with continuation lines at `indent`. */
function scalarString(s: string, column: number, indent: number, isKey: boolean): string {
  if (!isKey && s.includes('\n')) {
    // Literal block unless it would be lossy (space before a break, trailing space, specials).
    if (SPECIAL.test(s) || / \n/.test(s) || / $/.test(s)) return doubleQuote(s)
    const trailing = s.match(/\n*$/)![0].length
    const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+'
    const indicator = s.startsWith(' ') || s.startsWith('\n') ? '2' : ''
    const body = trailing === 0 ? s : s.slice(0, s.length - trailing)
    const lines = body.split('\n')
    const pad = ' '.repeat(indent)
    const extra = trailing > 1 ? '\n'.repeat(trailing - 1) : ''
    return `|${indicator}${chomp}\n` + lines.map((l) => (l === '' ? '' : pad + l)).join('\n') + extra
  }
  if (resolvesToNonString(s)) return doubleQuote(s)
  if (SPECIAL.test(s) || s.includes('\n')) return doubleQuote(s)
  if (plainAllowed(s, isKey)) return isKey ? s : fold(s, column, indent, false)
  const q = "'" + s.replace(/'/g, "''") + "'"
  return isKey ? q : fold(q, column, indent, true)
}

function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN'
  return scalarString(String(v), column, indent, false)
}

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/** Lines of a mapping at `indent`. `firstInline`: the first key continues a "- " line. */
function emitMap(m: Record<string, unknown>, indent: number, out: string[], firstInline: string | null): void {
  const keys = Object.keys(m).filter((k) => m[k] !== undefined).sort()
  keys.forEach((k, i) => {
    const lead = i === 0 && firstInline !== null ? firstInline : ' '.repeat(indent)
    const key = scalarString(k, 0, 0, true) + ':'
    emitValue(m[k], lead + key, indent, out, true)
  })
}

/** Emits `value` after `prefix` (a "key:" or "-" head on the current line). */
function emitValue(value: unknown, prefix: string, indent: number, out: string[], inMap: boolean): void {
  if (isMap(value)) {
    if (Object.keys(value).filter((k) => value[k] !== undefined).length === 0) {
      out.push(`${prefix} {}`)
      return
    }
    if (inMap) {
      out.push(prefix)
      emitMap(value, indent + 2, out, null)
    } else emitMap(value, indent + 2, out, prefix + ' ')
    return
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${prefix} []`)
      return
    }
    // go-yaml v2 does not indent a block sequence under its mapping key.
    const seqIndent = inMap ? indent : indent + 2
    if (inMap) out.push(prefix)
    value.forEach((item, i) => {
      const head = !inMap && i === 0 ? prefix + ' -' : ' '.repeat(seqIndent) + '-'
      emitValue(item, head, seqIndent, out, false)
    })
    return
  }
  const column = prefix.length + 1
  out.push(`${prefix} ${scalar(value, column, indent + 2)}`)
}

/** YAML document for a JSON-like value, '\n'-terminated. */
export function toYaml(value: unknown): string {
  const out: string[] = []
  if (isMap(value)) {
    if (Object.keys(value).length === 0) return '{}\n'
    emitMap(value, 0, out, null)
  } else if (Array.isArray(value)) {
    if (value.length === 0) return '[]\n'
    for (const item of value) emitValue(item, '-', 0, out, false)
  } else return scalar(value, 0, 0) + '\n'
  return out.join('\n') + '\n'
}
