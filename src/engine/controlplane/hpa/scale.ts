// The scale subresource as the HPA controller uses it (client-go scale client, the REST mapper,
// and the registries' ScaleREST): Deployments, ReplicaSets, StatefulSets and
// ReplicationControllers expose spec.replicas, status.replicas and a label selector.
// Sources: k/k pkg/registry/apps/deployment/storage/storage.go (ScaleREST.Get: NotFound for
// "deployments/scale"), pkg/registry/core/replicationcontroller/storage/storage.go,
// horizontal.go (reconcileAutoscaler: ParseGroupVersion, RESTMappings, scaleForResourceMappings).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { RESOURCES } from '../../api/resources'
import { fromLabelSelector, fromMap, type Selector } from '../../api/selectors'
import { HPA_CONTROLLER } from './constants'

export interface Scale {
  plural: string
  namespace: string
  name: string
  /** scale.spec.replicas */
  specReplicas: number
  /** scale.status.replicas */
  statusReplicas: number
  /** scale.status.selector, parsed; empty when the target has none. */
  selector: Selector
  /** scale.status.selector as labels.Selector.String() prints it. */
  selectorText: string
}

const SCALABLE: Record<string, string> = { deployments: 'apps', replicasets: 'apps', statefulsets: 'apps', replicationcontrollers: '' }

/** labels.Selector.String(): requirements sorted by key. */
export function selectorText(sel: Selector): string {
  return [...sel]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => {
      const vals = [...r.values].sort().join(',')
      if (r.operator === 'In') return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${vals})`
      if (r.operator === 'NotIn') return `${r.key} notin (${vals})`
      return r.operator === 'Exists' ? r.key : `!${r.key}`
    })
    .join(',')
}

/** Reads the scale of an HPA's target, or the error the controller reports (FailedGetScale). */
export function getScale(c: Cluster, namespace: string, ref: { apiVersion?: string; kind?: string; name?: string }): { ok: true; scale: Scale } | { ok: false; error: string } {
  const apiVersion = ref.apiVersion ?? ''
  const parts = apiVersion.split('/')
  if (parts.length > 2) return { ok: false, error: `unexpected GroupVersion string: ${apiVersion}` }
  const group = parts.length === 2 ? parts[0] : ''
  const kind = ref.kind ?? ''
  const info = RESOURCES.find((r) => r.kind === kind && r.group === group && r.group !== 'metrics.k8s.io')
  if (!info) return { ok: false, error: `no matches for kind "${kind}" in group "${group}"` }
  if (SCALABLE[info.plural] === undefined) return { ok: false, error: 'the server could not find the requested resource' }
  const name = ref.name ?? ''
  const obj = c.client(HPA_CONTROLLER).get(info.plural, namespace, name)
  if (!obj) return { ok: false, error: `${info.plural}/scale${group ? `.${group}` : ''} "${name}" not found` }
  c.recordActivity({ kind: 'request', from: HPA_CONTROLLER, to: 'kube-apiserver', verb: 'get/scale', plural: info.plural, key: `${namespace}/${name}` })
  const selector = info.plural === 'replicationcontrollers' ? fromMap(obj.spec?.selector) : fromLabelSelector(obj.spec?.selector)
  return {
    ok: true,
    scale: {
      plural: info.plural, namespace, name,
      specReplicas: typeof obj.spec?.replicas === 'number' ? obj.spec.replicas : 1,
      statusReplicas: obj.status?.replicas ?? 0,
      selector, selectorText: selectorText(selector),
    },
  }
}

/** PUT …/<target>/scale with the new spec.replicas; the error text on failure. */
export function updateScale(c: Cluster, scale: Scale, replicas: number): string | undefined {
  const r = c.client(HPA_CONTROLLER).mutate(scale.plural, scale.namespace, scale.name, (o: KObject) => {
    o.spec = { ...(o.spec ?? {}), replicas }
  }, { subresource: 'scale' })
  return r.ok ? undefined : r.status.message
}
