// A port of Go's text/tabwriter (no flags, space padding): the layout engine kubectl uses for
// tables (`get`) and for `describe`. Cells are tab-terminated; the text after a line's last tab is
// not part of any column. A column block is a run of consecutive lines that have a cell in that
// column; its width is the widest cell + padding (at least minwidth).
// Source: golang/go src/text/tabwriter/tabwriter.go (format, writeLines).

export interface TabwriterConfig {
  minwidth: number
  padding: number
}

/** kubernetes/cli-runtime pkg/printers/tabwriter.go GetNewTabWriter: minwidth 6, tabwidth 4, padding 3. */
export const TABLE_TABWRITER: TabwriterConfig = { minwidth: 6, padding: 3 }
/** kubernetes/kubectl pkg/describe/describe.go tabbedString: minwidth 0, tabwidth 8, padding 2. */
export const DESCRIBE_TABWRITER: TabwriterConfig = { minwidth: 0, padding: 2 }

/** Width in code points, as Go counts runes; a loop, since this runs for every table cell. */
function width(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i)
    if (ch >= 0xd800 && ch <= 0xdbff) n-- // high surrogate: the pair is one code point
  }
  return n
}

/** Lays out tab-separated text exactly as Go's tabwriter.Writer + Flush does. */
export function formatTabbed(text: string, cfg: TabwriterConfig): string {
  if (text === '') return ''
  const endsWithNewline = text.endsWith('\n')
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n')
  const lines = rawLines.map((l) => l.split('\t'))
  const uniform = formatUniform(lines, cfg)
  if (uniform !== undefined) return uniform + (endsWithNewline ? '\n' : '')
  const out: string[] = []
  const widths: number[] = []

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const line = lines[i]
      let s = ''
      for (let j = 0; j < line.length; j++) {
        const cell = line[j]
        s += cell
        if (j < widths.length && j < line.length - 1) s += ' '.repeat(Math.max(0, widths[j] - width(cell)))
      }
      out[i] = s
    }
  }

  const format = (line0: number, line1: number) => {
    const column = widths.length
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue
      writeLines(line0, t)
      line0 = t
      let w = cfg.minwidth
      for (; t < line1; t++) {
        const line = lines[t]
        if (column >= line.length - 1) break
        const cw = width(line[column]) + cfg.padding
        if (cw > w) w = cw
      }
      widths.push(w)
      format(line0, t)
      widths.pop()
      line0 = t
      t-- // the outer loop's t++ must revisit line t (Go's loop re-tests `this` after the block)
    }
    writeLines(line0, line1)
  }

  format(0, lines.length)
  return out.join('\n') + (endsWithNewline ? '\n' : '')
}

/**
 * Fast path for the common table: every line has the same number of cells, so each column is
 * one block spanning all lines and Go's recursive layout reduces to per-column maxima.
 */
function formatUniform(lines: string[][], cfg: TabwriterConfig): string | undefined {
  const n = lines[0].length
  for (const line of lines) if (line.length !== n) return undefined
  const widths = new Array<number>(n - 1).fill(cfg.minwidth)
  const cellWidths = lines.map((line) => line.map(width))
  for (const cw of cellWidths) for (let j = 0; j < n - 1; j++) if (cw[j] + cfg.padding > widths[j]) widths[j] = cw[j] + cfg.padding
  const out = new Array<string>(lines.length)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    let s = ''
    for (let j = 0; j < n - 1; j++) s += line[j] + ' '.repeat(widths[j] - cellWidths[i][j])
    out[i] = s + line[n - 1]
  }
  return out.join('\n')
}

/** kubectl's table layout: rows of cells → aligned text, each line '\n'-terminated. */
export function tabwrite(rows: string[][]): string {
  if (rows.length === 0) return ''
  return formatTabbed(rows.map((r) => r.join('\t')).join('\n') + '\n', TABLE_TABWRITER)
}
