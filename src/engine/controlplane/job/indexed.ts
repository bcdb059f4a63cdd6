// Indexed completion mode (k/k pkg/controller/job/indexed_job_utils.go getCompletionIndex,
// firstPendingIndexes, succeededIndexesStr, addCompletionIndexEnvVariable).
import type { KObject } from '../../api/types'
import { COMPLETION_INDEX_ANNOTATION } from './util'

/** The pod's completion index, or -1 when missing or out of range. */
export function completionIndex(pod: KObject, completions: number): number {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX_ANNOTATION] ?? pod.metadata.labels?.[COMPLETION_INDEX_ANNOTATION]
  if (v === undefined || !/^\d+$/.test(v)) return -1
  const n = Number(v)
  return n < completions ? n : -1
}

/** succeededIndexesStr: sorted indexes, consecutive runs as "a-b" ("0,2-4"). */
export function formatIndexes(indexes: number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`)
    i = j + 1
  }
  return parts.join(',')
}

/** Parses completedIndexes ("0,2-4") back to indexes; ignores malformed parts. */
export function parseIndexes(s: string | undefined): number[] {
  const out: number[] = []
  for (const part of (s ?? '').split(',').filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part)
    if (!m) continue
    const a = Number(m[1])
    const b = m[2] === undefined ? a : Number(m[2])
    for (let i = a; i <= b; i++) out.push(i)
  }
  return out
}

/** firstPendingIndexes: the lowest `count` indexes neither succeeded nor held by an active pod. */
export function firstPendingIndexes(completions: number, done: number[], active: number[], count: number): number[] {
  const taken: Record<number, true> = {}
  for (const i of done) taken[i] = true
  for (const i of active) taken[i] = true
  const out: number[] = []
  for (let i = 0; i < completions && out.length < count; i++) if (!taken[i]) out.push(i)
  return out
}

/** Adds the index annotation/label, the JOB_COMPLETION_INDEX env var and the hostname to a new pod. */
export function applyIndex(pod: { metadata: Record<string, unknown>; spec: unknown }, jobName: string, index: number): void {
  const meta = pod.metadata as { annotations?: Record<string, string>; labels?: Record<string, string> }
  meta.annotations = { ...(meta.annotations ?? {}), [COMPLETION_INDEX_ANNOTATION]: String(index) }
  meta.labels = { ...(meta.labels ?? {}), [COMPLETION_INDEX_ANNOTATION]: String(index) }
  const spec = pod.spec as { hostname?: string; containers?: { env?: unknown[] }[]; initContainers?: { env?: unknown[] }[] }
  if (!spec.hostname) spec.hostname = `${jobName}-${index}`
  const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX_ANNOTATION}']` } } }
  for (const ct of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const list = (ct.env ?? []) as { name: string }[]
    if (!list.some((e) => e.name === 'JOB_COMPLETION_INDEX')) ct.env = [...list, env]
  }
}
