// Go `%#v` renderings of the few composite values that appear in upstream error messages.
import type { GoValue } from './errors'

const q = (s: string): string => JSON.stringify(s)

/** map[string]string{"a":"b", "c":"d"} (fmt sorts map keys). */
export function goStringMap(m: Record<string, string> | undefined | null): GoValue {
  if (!m) return { go: 'map[string]string(nil)' }
  const parts = Object.keys(m).sort().map((k) => `${q(k)}:${q(String(m[k]))}`)
  return { go: `map[string]string{${parts.join(', ')}}` }
}

/** []string{"a", "b"} */
export function goStrings(a: string[] | undefined | null): GoValue {
  if (!a) return { go: '[]string(nil)' }
  return { go: `[]string{${a.map(q).join(', ')}}` }
}

interface Sel {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

/** v1.LabelSelector{MatchLabels:…, MatchExpressions:…} as printed for a *metav1.LabelSelector. */
export function goLabelSelector(s: Sel | undefined | null): GoValue {
  if (!s) return { go: 'null' }
  const ml = goStringMap(s.matchLabels).go
  const me = s.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${q(e.key)}, Operator:${q(e.operator)}, Values:${goStrings(e.values).go}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return { go: `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}` }
}
