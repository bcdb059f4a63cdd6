// Splits a command line into argv with shell-like quoting ('…', "…", backslash escapes).
export function splitArgs(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let has = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quote) {
      if (ch === quote) quote = null
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i]
      else cur += ch
    } else if (ch === '"' || ch === "'") { quote = ch; has = true }
    else if (ch === '\\' && i + 1 < line.length) { cur += line[++i]; has = true }
    else if (/\s/.test(ch)) { if (has || cur) out.push(cur); cur = ''; has = false }
    else cur += ch
  }
  if (has || cur) out.push(cur)
  return out
}
