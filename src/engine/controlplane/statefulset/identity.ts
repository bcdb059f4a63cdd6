// A StatefulSet pod's stable identity and storage. k/k pkg/controller/statefulset/stateful_set_utils.go
// (getPodName, getPersistentVolumeClaimName, getOrdinal, initIdentity, updateStorage,
// getPersistentVolumeClaims, newStatefulSetPod, identityMatches, storageMatches).
import type { KObject } from '../../api/types'
import { podFromTemplate } from '../util/pods'

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name'
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index'
export const REVISION_LABEL = 'controller-revision-hash'

/** getPodName: `<sts>-<ordinal>`. */
export function podName(sts: KObject, ordinal: number): string {
  return `${sts.metadata.name}-${ordinal}`
}

/** getPersistentVolumeClaimName: `<claim>-<sts>-<ordinal>`. */
export function claimName(sts: KObject, claim: string, ordinal: number): string {
  return `${claim}-${sts.metadata.name}-${ordinal}`
}

/** getParentNameAndOrdinal: the ordinal of `<sts>-<n>`, or -1 when the name does not have that shape. */
export function ordinalOf(sts: KObject, pod: KObject): number {
  const prefix = `${sts.metadata.name}-`
  const name = pod.metadata.name
  if (!name.startsWith(prefix)) return -1
  const rest = name.slice(prefix.length)
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1
}

/** spec.ordinals.start (StatefulSetStartOrdinal, beta and on by default in v1.27+). */
export function startOrdinal(sts: KObject): number {
  const s = sts.spec?.ordinals?.start
  return typeof s === 'number' && s > 0 ? s : 0
}

export function replicasOf(sts: KObject): number {
  return typeof sts.spec?.replicas === 'number' ? sts.spec.replicas : 1
}

interface ClaimTemplate { metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> }

/** getPersistentVolumeClaims: the claims of one ordinal, labelled with template + selector labels. */
export function claimsFor(sts: KObject, ordinal: number): KObject[] {
  const sel = (sts.spec?.selector?.matchLabels ?? {}) as Record<string, string>
  return ((sts.spec?.volumeClaimTemplates ?? []) as ClaimTemplate[]).map((t) => {
    const metadata: Record<string, unknown> = {
      name: claimName(sts, t.metadata?.name ?? '', ordinal),
      namespace: sts.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}), ...sel },
    }
    if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations }
    return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: structuredClone(t.spec ?? {}) } as unknown as KObject
  })
}

/** newStatefulSetPod: the template pod with its identity (initIdentity) and claims (updateStorage). */
export function newStatefulSetPod(sts: KObject, template: KObject['spec'], ordinal: number, revision: string): KObject {
  const pod = podFromTemplate(template, sts, '') as unknown as KObject
  delete (pod.metadata as { generateName?: string }).generateName
  pod.metadata.name = podName(sts, ordinal)
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: pod.metadata.name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision }
  setIdentity(sts, pod)
  setStorage(sts, pod, ordinal)
  return pod
}

function setIdentity(sts: KObject, pod: KObject): void {
  pod.spec = { ...(pod.spec ?? {}), hostname: pod.metadata.name }
  if (sts.spec?.serviceName) pod.spec.subdomain = sts.spec.serviceName
}

function setStorage(sts: KObject, pod: KObject, ordinal: number): void {
  const templates = (sts.spec?.volumeClaimTemplates ?? []) as ClaimTemplate[]
  if (!templates.length) return
  const names = templates.map((t) => t.metadata?.name ?? '')
  const volumes = ((pod.spec?.volumes ?? []) as { name: string }[]).filter((v) => !names.includes(v.name))
  for (const n of names) volumes.push({ name: n, persistentVolumeClaim: { claimName: claimName(sts, n, ordinal) } } as { name: string })
  pod.spec.volumes = volumes
}

/** identityMatches: name, labels, hostname and subdomain as the controller would set them. */
export function identityMatches(sts: KObject, pod: KObject, ordinal: number): boolean {
  const l = pod.metadata.labels ?? {}
  return pod.metadata.name === podName(sts, ordinal) && pod.metadata.namespace === sts.metadata.namespace &&
    l[POD_NAME_LABEL] === pod.metadata.name && l[POD_INDEX_LABEL] === String(ordinal) &&
    pod.spec?.hostname === pod.metadata.name && (pod.spec?.subdomain ?? '') === (sts.spec?.serviceName ?? '')
}

/** The revision a pod was created from (getPodRevision). */
export function podRevision(pod: KObject): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? ''
}
