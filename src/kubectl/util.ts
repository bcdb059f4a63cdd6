// Shared kubectl helpers: resource-type resolution, `kind.group/name` naming, API error text.
import type { ApiStatus, KObject } from '../engine'
import { resolveResourceName, resourceForKind, STORED, type ResourceInfo } from '../engine/api/resources'
import { parseRfc3339, simTimeOf } from '../engine/sim/time'

export type { ResourceInfo }

/** `deployment.apps`, `pod`: how kubectl names a kind in `TYPE/NAME` output (GroupKind). */
export function kindGroup(info: ResourceInfo): string {
  const k = info.kind.toLowerCase()
  return info.group ? `${k}.${info.group}` : k
}

export function infoOf(obj: KObject): ResourceInfo | undefined {
  return resourceForKind(obj.kind, obj.apiVersion)
}

/** `pod/x`, `deployment.apps/web`. */
export function typeName(info: ResourceInfo, name: string): string {
  return `${kindGroup(info)}/${name}`
}

/** Resolves a resource argument among the stored resources. */
export function resolveType(arg: string): ResourceInfo | undefined {
  const info = resolveResourceName(arg)
  return info && STORED[info.plural] ? STORED[info.plural] : undefined
}

export function unknownType(arg: string): string {
  return `the server doesn't have a resource type "${arg}"`
}

/**
 * cmdutil.CheckErr's text for an API error (kubectl pkg/cmd/util/helpers.go checkErr):
 * Invalid → `The Kind "name" is invalid: field: msg`; others → `Error from server (Reason): msg`.
 * Returns the full stderr text without the trailing newline.
 */
export function apiErrorText(status: ApiStatus, kind?: string, name?: string, source?: { verb: string; file: string }): string {
  if (status.reason === 'Invalid') {
    const k = kind ?? status.details?.kind ?? ''
    const n = name ?? status.details?.name ?? ''
    const head = k || n ? `The ${k} "${n}" is invalid` : 'The request is invalid'
    const causes = status.details?.causes ?? []
    if (causes.length === 1) return `${head}: ${causes[0].field}: ${causes[0].message}`
    if (causes.length > 1) return `${head}: \n${causes.map((x) => `* ${x.field}: ${x.message}`).join('\n')}`
    // No causes: the server message reads `Pod "x" is invalid: ...`; keep what follows.
    const m = /is invalid: ([\s\S]*)$/.exec(status.message)
    if (m) {
      const parts = splitCauses(m[1])
      if (parts.length > 1) return `${head}: \n${parts.map((p) => `* ${p}`).join('\n')}`
      return `${head}: ${m[1]}`
    }
    return head
  }
  const msg = source ? `error when ${source.verb} "${source.file}": ${status.message}` : status.message
  const reason = status.reason || 'Unknown'
  return `Error from server (${reason}): ${msg}`
}

/**
 * The API server's own Status.message (what kubectl shows when it wraps the error, e.g.
 * `failed to create deployment: Deployment.apps "Web" is invalid: …`): apierrors.NewInvalid uses
 * the GroupKind string and utilerrors.NewAggregate over the causes.
 */
export function serverMessage(status: ApiStatus, kind: string, group: string, name: string): string {
  if (status.reason !== 'Invalid' || !status.message.startsWith('The ')) return status.message
  const causes = (status.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`)
  const gk = group ? `${kind}.${group}` : kind
  const head = `${gk} "${name}" is invalid`
  if (!causes.length) return head
  return `${head}: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`
}

/** The API server joins several field errors as `[a, b]`. */
function splitCauses(text: string): string[] {
  if (text.startsWith('[') && text.endsWith(']')) return text.slice(1, -1).split(/, (?=[a-z][\w.[\]]*: )/)
  return [text]
}

export function ageMs(now: number, ts: string | undefined): number {
  if (!ts || Number.isNaN(parseRfc3339(ts))) return 0
  return now - simTimeOf(ts)
}

/** Container names of a pod in kubectl's order (init containers are not defaults). */
export function containerNames(pod: KObject): string[] {
  return ((pod.spec?.containers ?? []) as { name: string }[]).map((x) => x.name)
}

/**
 * The default container: the `kubectl.kubernetes.io/default-container` annotation when valid,
 * else the first one (kubectl pkg/cmd/util/podcmd/podcmd.go FindOrDefaultContainerByName).
 * Returns the notice kubectl prints on stderr when it had to choose among several.
 */
export function defaultContainer(pod: KObject): { name: string; notice?: string } {
  const names = containerNames(pod)
  const ann = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  if (ann && names.includes(ann)) return { name: ann }
  const name = names[0]
  const init = (pod.spec?.initContainers ?? []) as { name: string }[]
  const ephem = (pod.spec?.ephemeralContainers ?? []) as { name: string }[]
  // podcmd.FindOrDefaultContainerByName: the notice also shows when init/ephemeral containers exist.
  if (names.length > 1 || init.length || ephem.length) {
    const all = [...names, ...ephem.map((x) => `${x.name} (ephem)`), ...init.map((x) => `${x.name} (init)`)]
    return { name, notice: `Defaulted container "${name}" out of: ${all.join(', ')}` }
  }
  return { name }
}
