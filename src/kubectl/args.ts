// A small cobra/pflag-like argument parser: long and shorthand flags, `--flag=value`,
// `--flag value`, `-nfoo`, combined boolean shorthands (`-it`), `--` separator, repeated flags.
// Error strings follow spf13/pflag flag.go (failf) as kubectl prints them.

export type FlagType = 'bool' | 'string' | 'int' | 'strings'

export interface FlagSpec {
  name: string
  short?: string
  type: FlagType
  /** `strings` flags split their values on commas (pflag StringSlice); StringArray does not. */
  noSplit?: boolean
}

export type FlagValue = string | boolean | number | string[]

export interface Parsed {
  flags: Record<string, FlagValue>
  /** Positional arguments before `--`. */
  args: string[]
  /** Arguments after `--` (undefined when there was no `--`). */
  dashArgs?: string[]
}

export type ParseResult = { ok: true; value: Parsed } | { ok: false; message: string }

/** Flags every command accepts (kubectl's persistent flags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
]

function setValue(flags: Record<string, FlagValue>, spec: FlagSpec, raw: string, shown: string): string | undefined {
  switch (spec.type) {
    case 'bool': {
      const v = raw.toLowerCase()
      if (['true', '1', 't'].includes(v)) flags[spec.name] = true
      else if (['false', '0', 'f'].includes(v)) flags[spec.name] = false
      else return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`
      return
    }
    case 'int': {
      if (!/^[-+]?\d+$/.test(raw)) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`
      flags[spec.name] = parseInt(raw, 10)
      return
    }
    case 'strings': {
      const prev = (flags[spec.name] as string[] | undefined) ?? []
      flags[spec.name] = [...prev, ...(spec.noSplit ? [raw] : raw.split(','))]
      return
    }
    default:
      flags[spec.name] = raw
  }
}

function shownName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`
}

export function parseArgs(argv: string[], specs: FlagSpec[]): ParseResult {
  const byName: Record<string, FlagSpec> = {}
  const byShort: Record<string, FlagSpec> = {}
  for (const s of specs) {
    byName[s.name] = s
    if (s.short) byShort[s.short] = s
  }
  const out: Parsed = { flags: {}, args: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      out.dashArgs = argv.slice(i + 1)
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2)
      const spec = byName[name]
      if (!spec) return { ok: false, message: `unknown flag: --${name}` }
      let raw: string
      if (eq >= 0) raw = a.slice(eq + 1)
      else if (spec.type === 'bool') raw = 'true'
      else if (i + 1 < argv.length) raw = argv[++i]
      else return { ok: false, message: `flag needs an argument: --${name}` }
      const err = setValue(out.flags, spec, raw, shownName(spec))
      if (err) return { ok: false, message: err }
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      // Shorthand group: -it, -nfoo, -n foo, -o=yaml (pflag parseSingleShortArg).
      let rest = a.slice(1)
      while (rest.length) {
        const ch = rest[0]
        const spec = byShort[ch]
        if (!spec) return { ok: false, message: `unknown shorthand flag: '${ch}' in ${a}` }
        if (spec.type === 'bool') {
          if (rest[1] === '=') {
            const err = setValue(out.flags, spec, rest.slice(2), shownName(spec))
            if (err) return { ok: false, message: err }
            rest = ''
          } else {
            out.flags[spec.name] = true
            rest = rest.slice(1)
          }
          continue
        }
        let raw: string
        if (rest.length > 1) raw = rest[1] === '=' ? rest.slice(2) : rest.slice(1)
        else if (i + 1 < argv.length) raw = argv[++i]
        else return { ok: false, message: `flag needs an argument: '${ch}' in ${a}` }
        const err = setValue(out.flags, spec, raw, shownName(spec))
        if (err) return { ok: false, message: err }
        rest = ''
      }
      continue
    }
    out.args.push(a)
  }
  return { ok: true, value: out }
}

/** Finds the command path (`create deployment`) among argv, skipping global flags and their values. */
export function positionalIndexes(argv: string[]): number[] {
  const takesValue = new Set<string>()
  const shortValue = new Set<string>()
  for (const s of GLOBAL_FLAGS) if (s.type !== 'bool') { takesValue.add(s.name); if (s.short) shortValue.add(s.short) }
  const out: number[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') break
    if (a.startsWith('--')) {
      if (!a.includes('=') && takesValue.has(a.slice(2))) i++
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      if (a.length === 2 && shortValue.has(a[1])) i++
      continue
    }
    out.push(i)
  }
  return out
}

/** Levenshtein distance, as cobra's suggestion logic uses. */
export function levenshtein(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]
    d[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return d[b.length]
}

/** cobra Command.SuggestionsFor: distance ≤ 2 or prefix match. */
export function suggestionsFor(typed: string, names: string[]): string[] {
  return names.filter((n) => levenshtein(typed.toLowerCase(), n.toLowerCase()) <= 2 || n.startsWith(typed.toLowerCase()))
}
