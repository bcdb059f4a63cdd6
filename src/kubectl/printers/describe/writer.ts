// describe's PrefixWriter + tabbedString: text written with tab-separated cells, each Write
// call indented by two spaces per level, then laid out by the tabwriter (minwidth 0, padding 2).
// Source: kubernetes/kubectl pkg/describe/describe.go (NewPrefixWriter, tabbedString).
import { DESCRIBE_TABWRITER, formatTabbed } from '../tabwriter'

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3
export const LEVEL_4 = 4

export class PrefixWriter {
  private parts: string[] = []

  write(level: number, text: string): void {
    this.parts.push('  '.repeat(level) + text)
  }

  /** WriteLine: the args joined by spaces, then a newline (no prefix). */
  writeLine(...a: string[]): void {
    this.parts.push(a.join(' ') + '\n')
  }

  /** The laid-out text. */
  toString(): string {
    return formatTabbed(this.parts.join(''), DESCRIBE_TABWRITER)
  }
}

export function tabbedString(f: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter()
  f(w)
  return w.toString()
}
