// Label selectors, equality- and set-based (k8s.io/apimachinery/pkg/labels/selector.go).
import type { KObject, Result } from './types'

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
export interface Requirement { key: string; operator: Operator; values: string[] }
export type Selector = Requirement[]

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

export function fromLabelSelector(sel: LabelSelector | undefined | null): Selector {
  if (!sel) return []
  const reqs: Selector = []
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, operator: 'In', values: [value] })
  for (const e of sel.matchExpressions ?? []) reqs.push({ key: e.key, operator: e.operator as Operator, values: e.values ?? [] })
  return reqs
}

export function fromMap(map: Record<string, string> | undefined): Selector {
  return fromLabelSelector({ matchLabels: map ?? {} })
}

export function matches(sel: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {}
  for (const r of sel) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key)
    switch (r.operator) {
      case 'In': if (!has || !r.values.includes(l[r.key])) return false; break
      case 'NotIn': if (has && r.values.includes(l[r.key])) return false; break
      case 'Exists': if (!has) return false; break
      case 'DoesNotExist': if (has) return false; break
    }
  }
  return true
}

export function objectMatches(sel: Selector, obj: KObject): boolean {
  return matches(sel, obj.metadata.labels)
}

/** Parses kubectl's `-l` syntax: `a=b,c!=d,e in (f,g),h notin (i),j,!k`. */
export function parseSelector(text: string): Result<Selector> {
  const reqs: Selector = []
  const parts: string[] = []
  let depth = 0
  let cur = ''
  for (const ch of text) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) { parts.push(cur); cur = '' } else cur += ch
  }
  if (cur.trim() || parts.length) parts.push(cur)
  for (const raw of parts) {
    const p = raw.trim()
    if (!p) return bad(text)
    let m: RegExpExecArray | null
    if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      const values = m[3].split(',').map((v) => v.trim()).filter((v) => v !== '')
      reqs.push({ key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values })
    } else if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(p))) {
      reqs.push({ key: m[1], operator: m[2] === '!=' ? 'NotIn' : 'In', values: [m[3]] })
    } else if ((m = /^!([\w./-]+)$/.exec(p))) {
      reqs.push({ key: m[1], operator: 'DoesNotExist', values: [] })
    } else if ((m = /^([\w./-]+)$/.exec(p))) {
      reqs.push({ key: m[1], operator: 'Exists', values: [] })
    } else return bad(text)
  }
  return { ok: true, value: reqs }
}

function bad(text: string): Result<Selector> {
  return { ok: false, status: { code: 400, reason: 'BadRequest', message: `unable to parse requirement: found '${text}', expected: identifier` } }
}

/** metav1.FormatLabelSelector: `app=web,tier in (a,b)`; `<none>` for empty. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return '<none>'
  const parts: string[] = []
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) parts.push(`${k}=${v}`)
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator
    if (op === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`)
    else if (op === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`)
    else if (op === 'Exists') parts.push(e.key)
    else if (op === 'DoesNotExist') parts.push(`!${e.key}`)
  }
  return parts.length ? parts.join(',') : '<none>'
}
