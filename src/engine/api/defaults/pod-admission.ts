// Mutating admission plugins run on pod CREATE, after defaulting.
import type { Cluster } from '../../cluster'
import type { KObject } from '../types'
import { randomString } from '../../sim/rng'
 

export const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror'

/**
 * ServiceAccount plugin: default serviceAccountName, and the projected token volume mounted in every
 * (init) container. k/k plugin/pkg/admission/serviceaccount/admission.go (mountServiceAccountToken,
 * TokenVolumeSource).
 */
export function admitServiceAccount(c: Cluster, pod: KObject): void {
  if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return // mirror pods are left alone
  const spec = pod.spec
  spec.serviceAccountName ||= 'default'
  spec.serviceAccount = spec.serviceAccountName
  const sa = c.state.store.objects.serviceaccounts?.[`${pod.metadata.namespace}/${spec.serviceAccountName}`]
  const automount = spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken ?? true
  if (!automount) return
  const hasMount = (ct: any): boolean => (ct.volumeMounts ?? []).some((m: any) => m.mountPath === SA_MOUNT_PATH)
  const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])]
  if (all.every(hasMount)) return
  const name = `kube-api-access-${randomString(c.state, 5)}` // names.SimpleNameGenerator
  ;(spec.volumes ??= []).push({
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  })
  for (const ct of all) if (!hasMount(ct)) (ct.volumeMounts ??= []).push({ name, readOnly: true, mountPath: SA_MOUNT_PATH })
}

/**
 * DefaultTolerationSeconds plugin: tolerate not-ready/unreachable NoExecute taints for 300 s unless
 * already tolerated. k/k plugin/pkg/admission/defaulttolerationseconds/admission.go.
 */
export function admitDefaultTolerationSeconds(pod: KObject): void {
  const tols: any[] = pod.spec.tolerations ?? []
  const tolerates = (key: string): boolean => tols.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
  const add: any[] = []
  if (!tolerates('node.kubernetes.io/not-ready')) add.push({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })
  if (!tolerates('node.kubernetes.io/unreachable')) add.push({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })
  if (add.length) pod.spec.tolerations = [...tols, ...add]
}

/** Built-in PriorityClasses (k/k pkg/apis/scheduling/types.go SystemCriticalPriority). */
export const SYSTEM_PRIORITY: Record<string, number> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
}

/**
 * Priority plugin: resolve priorityClassName into priority; returns the Forbidden message when the
 * class does not exist. k/k plugin/pkg/admission/priority/admission.go.
 */
export function admitPriority(pod: KObject): string | undefined {
  const cls = pod.spec.priorityClassName
  if (cls) {
    if (!(cls in SYSTEM_PRIORITY)) return `no PriorityClass with name ${cls} was found`
    pod.spec.priority = SYSTEM_PRIORITY[cls]
  } else pod.spec.priority = 0
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority'
  return undefined
}
