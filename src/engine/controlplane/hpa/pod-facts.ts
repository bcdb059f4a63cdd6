// What the replica calculator reads from a pod object, parsed once per object: stored objects
// are replaced on every write, never changed, so a parse keyed by the object stays valid.
// (Derived data for speed, not state.)
import type { KObject } from '../../api/types'
import { milliValue } from '../../metrics/quantity'
import { simTimeOf } from '../../sim/time'
import { podCondition } from '../util/pods'

type Json = any

export interface PodFacts {
  /** status.startTime in sim ms, NaN when unset. */
  start: number
  /** The Ready condition: its status and lastTransitionTime (sim ms), if present. */
  ready?: { status: string; since: number }
  /** Requests by `resource/container` ('' for all containers): milli-units, or the error text. */
  requests: Map<string, number | string>
}

const facts = new WeakMap<KObject, PodFacts>()

export function podFacts(pod: KObject): PodFacts {
  let f = facts.get(pod)
  if (!f) {
    const cond = podCondition(pod, 'Ready')
    f = {
      start: pod.status?.startTime ? simTimeOf(pod.status.startTime) : NaN,
      ready: cond ? { status: cond.status, since: cond.lastTransitionTime ? simTimeOf(cond.lastTransitionTime) : NaN } : undefined,
      requests: new Map(),
    }
    facts.set(pod, f)
  }
  return f
}

/** calculatePodRequests for one pod: Σ requests of the app containers and sidecars (or one container). */
export function podRequest(pod: KObject, container: string, resource: string): number | string {
  const f = podFacts(pod)
  const key = `${resource}/${container}`
  const hit = f.requests.get(key)
  if (hit !== undefined) return hit
  let sum: number | string = 0
  const containers: Json[] = [...(pod.spec?.containers ?? []), ...((pod.spec?.initContainers ?? []) as Json[]).filter((x) => x.restartPolicy === 'Always')]
  for (const ct of containers) {
    if (container && container !== ct.name) continue
    const req = ct.resources?.requests?.[resource]
    if (req === undefined) { sum = `missing request for ${resource} in container ${ct.name} of Pod ${pod.metadata.name}`; break }
    sum += milliValue(req)
  }
  f.requests.set(key, sum)
  return sum
}

/** The facts of a whole pod list as columns (lists are replaced on pod writes, never changed). */
export interface ListFacts {
  /** 'i': deleted or Failed (ignored), 'p': Pending, '-': otherwise. */
  phase: string
  start: number[]
  /** Ready condition status ('' when absent) and lastTransitionTime (sim ms). */
  readyStatus: string[]
  readySince: number[]
  /** calculatePodRequests per `resource/container`: the requests column, or the error text. */
  requests: Map<string, number[] | string>
}

const lists = new WeakMap<readonly KObject[], ListFacts>()

export function listFacts(pods: readonly KObject[]): ListFacts {
  let f = lists.get(pods)
  if (!f) {
    let phase = ''
    const start: number[] = []
    const readyStatus: string[] = []
    const readySince: number[] = []
    for (const pod of pods) {
      const ph = pod.status?.phase
      phase += pod.metadata.deletionTimestamp || ph === 'Failed' ? 'i' : ph === 'Pending' ? 'p' : '-'
      const pf = podFacts(pod)
      start.push(pf.start)
      readyStatus.push(pf.ready?.status ?? '')
      readySince.push(pf.ready?.since ?? NaN)
    }
    f = { phase, start, readyStatus, readySince, requests: new Map() }
    lists.set(pods, f)
  }
  return f
}

/** calculatePodRequests over a list: the column of requests, or the first missing request's error. */
export function listRequests(pods: readonly KObject[], container: string, resource: string): number[] | string {
  const f = listFacts(pods)
  const key = `${resource}/${container}`
  let hit = f.requests.get(key)
  if (hit === undefined) {
    const column: number[] = []
    for (const pod of pods) {
      const r = podRequest(pod, container, resource)
      if (typeof r === 'string') { hit = r; break }
      column.push(r)
    }
    hit ??= column
    f.requests.set(key, hit)
  }
  return hit
}
