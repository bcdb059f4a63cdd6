// The shell model's syntax tree: plain JSON, nodes in one flat array referenced by index, so an
// interpreter frame can point at a node with a number and the whole state stays serialisable.

export type Part =
  | { k: 'lit'; s: string; q: boolean }
  /** $name / ${name} / ${name:-word} … */
  | { k: 'var'; name: string; q: boolean; op?: string; arg?: Word }
  /** $(…) or `…`: node index of the parsed sub-program */
  | { k: 'sub'; node: number; q: boolean }
  /** $((…)) */
  | { k: 'arith'; expr: string; q: boolean }

export type Word = Part[]

export interface Redir {
  /** 0, 1, 2 (defaults: 0 for <, 1 for >) */
  fd: number
  /** '>' '>>' '<' '>&' '&>' */
  op: string
  target: Word
}

export type Node =
  | { t: 'seq'; items: number[] }
  | { t: 'andor'; first: number; rest: { op: '&&' | '||'; node: number }[] }
  | { t: 'pipe'; cmds: number[]; bang: boolean }
  | { t: 'cmd'; assigns: { name: string; value: Word }[]; words: Word[]; redirs: Redir[] }
  | { t: 'if'; clauses: { cond: number; body: number }[]; else: number | null; redirs: Redir[] }
  | { t: 'loop'; until: boolean; cond: number; body: number; redirs: Redir[] }
  | { t: 'for'; name: string; words: Word[] | null; body: number; redirs: Redir[] }
  | { t: 'group'; body: number; sub: boolean; redirs: Redir[] }
  | { t: 'case'; word: Word; items: { pats: Word[]; body: number }[]; redirs: Redir[] }

export interface Program {
  nodes: Node[]
  root: number
}
