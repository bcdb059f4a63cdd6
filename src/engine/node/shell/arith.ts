// $(( … )) arithmetic: integers, + - * / % comparisons, && || !, parentheses, variables.
// POSIX XCU 2.6.4; unset or non-numeric variables count as 0 (as ash does for empty ones).

export function evalArith(expr: string, lookup: (name: string) => string): number {
  const toks = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|&&|\|\||==|!=|<=|>=|[-+*/%()<>!]/g) ?? []
  let i = 0
  const peek = () => toks[i]
  const num = (v: string) => {
    const n = parseInt(v, 10)
    return Number.isFinite(n) ? n : 0
  }
  const primary = (): number => {
    const t = toks[i++]
    if (t === undefined) throw new Error('arithmetic syntax error')
    if (t === '(') {
      const v = or()
      if (toks[i++] !== ')') throw new Error('arithmetic syntax error')
      return v
    }
    if (t === '-') return -primary()
    if (t === '+') return primary()
    if (t === '!') return primary() ? 0 : 1
    if (/^\d+$/.test(t)) return num(t)
    if (/^[A-Za-z_]/.test(t)) return num(lookup(t))
    throw new Error('arithmetic syntax error')
  }
  const bin = (next: () => number, ops: string[], f: (op: string, a: number, b: number) => number) => (): number => {
    let v = next()
    while (ops.includes(peek())) {
      const op = toks[i++]
      v = f(op, v, next())
    }
    return v
  }
  const mul = bin(primary, ['*', '/', '%'], (op, a, b) => {
    if ((op === '/' || op === '%') && b === 0) throw new Error('divide by zero')
    return op === '*' ? a * b : op === '/' ? Math.trunc(a / b) : a % b
  })
  const add = bin(mul, ['+', '-'], (op, a, b) => (op === '+' ? a + b : a - b))
  const cmp = bin(add, ['<', '>', '<=', '>='], (op, a, b) => Number(op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b))
  const eq = bin(cmp, ['==', '!='], (op, a, b) => Number(op === '==' ? a === b : a !== b))
  const and = bin(eq, ['&&'], (_op, a, b) => Number(!!a && !!b))
  const or = bin(and, ['||'], (_op, a, b) => Number(!!a || !!b))
  if (!toks.length) return 0
  const v = or()
  if (i < toks.length) throw new Error('arithmetic syntax error')
  return v
}
