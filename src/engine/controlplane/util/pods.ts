// Pod helpers shared by the controllers (k/k pkg/api/v1/pod/util.go, pkg/controller/controller_utils.go).
import type { KObject, OwnerReference } from '../../api/types'
import { simTimeOf } from '../../sim/time'

export interface PodCondition { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; lastProbeTime?: string | null }

export function podCondition(pod: KObject, type: string): PodCondition | undefined {
  return (pod.status?.conditions as PodCondition[] | undefined)?.find((x) => x.type === type)
}

/** podutil.IsPodReady: condition Ready True. */
export function isPodReady(pod: KObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True'
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds (ms of sim time). */
export function isPodAvailable(pod: KObject, minReadySeconds: number, now: number): boolean {
  const cond = podCondition(pod, 'Ready')
  if (cond?.status !== 'True') return false
  if (!minReadySeconds) return true
  const t = cond.lastTransitionTime ? simTimeOf(cond.lastTransitionTime) : NaN
  return !Number.isNaN(t) && t + minReadySeconds * 1000 <= now
}

/** controller.IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: KObject): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}

export function isTerminal(pod: KObject): boolean {
  const phase = pod.status?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

/** metav1.GetControllerOf. */
export function controllerOf(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller)
}

/** metav1.NewControllerRef. */
export function controllerRef(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }
}

export function podKey(pod: KObject): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`
}

export function restartCount(pod: KObject): number {
  let n = 0
  for (const s of (pod.status?.containerStatuses ?? []) as { restartCount?: number }[]) n += s.restartCount ?? 0
  return n
}

/** The pod template → pod (controller.GetPodFromTemplate). */
export function podFromTemplate(template: KObject['spec'], owner: KObject, generateName: string): { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: unknown } {
  const meta = template?.metadata ?? {}
  const metadata: Record<string, unknown> = {
    generateName,
    namespace: owner.metadata.namespace,
    labels: { ...(meta.labels ?? {}) },
    ownerReferences: [controllerRef(owner)],
  }
  if (meta.annotations) metadata.annotations = { ...meta.annotations }
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers]
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: structuredClone(template?.spec ?? {}) }
}
