// The API's resource registry: what `kubectl api-resources` lists and how kinds map to
// plurals and groups. Source of names: `kubectl api-resources` on a v1.30 kubeadm cluster.

export interface ResourceInfo {
  plural: string
  singular: string
  kind: string
  group: string // '' for core
  version: string
  namespaced: boolean
  shortNames: string[]
  verbs: string[]
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

function r(plural: string, singular: string, kind: string, group: string, version: string, namespaced: boolean, shortNames: string[] = [], verbs = RW): ResourceInfo {
  return { plural, singular, kind, group, version, namespaced, shortNames, verbs }
}

export const RESOURCES: ResourceInfo[] = [
  r('bindings', 'binding', 'Binding', '', 'v1', true, [], ['create']),
  r('componentstatuses', 'componentstatus', 'ComponentStatus', '', 'v1', false, ['cs'], ['get', 'list']),
  r('configmaps', 'configmap', 'ConfigMap', '', 'v1', true, ['cm']),
  r('endpoints', 'endpoints', 'Endpoints', '', 'v1', true, ['ep']),
  r('events', 'event', 'Event', '', 'v1', true, ['ev']),
  r('limitranges', 'limitrange', 'LimitRange', '', 'v1', true, ['limits']),
  r('namespaces', 'namespace', 'Namespace', '', 'v1', false, ['ns'], ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  r('nodes', 'node', 'Node', '', 'v1', false, ['no']),
  r('persistentvolumeclaims', 'persistentvolumeclaim', 'PersistentVolumeClaim', '', 'v1', true, ['pvc']),
  r('persistentvolumes', 'persistentvolume', 'PersistentVolume', '', 'v1', false, ['pv']),
  r('pods', 'pod', 'Pod', '', 'v1', true, ['po']),
  r('replicationcontrollers', 'replicationcontroller', 'ReplicationController', '', 'v1', true, ['rc']),
  r('resourcequotas', 'resourcequota', 'ResourceQuota', '', 'v1', true, ['quota']),
  r('secrets', 'secret', 'Secret', '', 'v1', true),
  r('serviceaccounts', 'serviceaccount', 'ServiceAccount', '', 'v1', true, ['sa']),
  r('services', 'service', 'Service', '', 'v1', true, ['svc']),
  r('controllerrevisions', 'controllerrevision', 'ControllerRevision', 'apps', 'v1', true),
  r('daemonsets', 'daemonset', 'DaemonSet', 'apps', 'v1', true, ['ds']),
  r('deployments', 'deployment', 'Deployment', 'apps', 'v1', true, ['deploy']),
  r('replicasets', 'replicaset', 'ReplicaSet', 'apps', 'v1', true, ['rs']),
  r('statefulsets', 'statefulset', 'StatefulSet', 'apps', 'v1', true, ['sts']),
  r('horizontalpodautoscalers', 'horizontalpodautoscaler', 'HorizontalPodAutoscaler', 'autoscaling', 'v2', true, ['hpa']),
  r('cronjobs', 'cronjob', 'CronJob', 'batch', 'v1', true, ['cj']),
  r('jobs', 'job', 'Job', 'batch', 'v1', true),
  r('leases', 'lease', 'Lease', 'coordination.k8s.io', 'v1', true),
  r('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
  r('events', 'event', 'Event', 'events.k8s.io', 'v1', true, ['ev']),
  r('nodes', 'node', 'NodeMetrics', 'metrics.k8s.io', 'v1beta1', false, [], ['get', 'list']),
  r('pods', 'pod', 'PodMetrics', 'metrics.k8s.io', 'v1beta1', true, [], ['get', 'list']),
  r('ingresses', 'ingress', 'Ingress', 'networking.k8s.io', 'v1', true, ['ing']),
  r('networkpolicies', 'networkpolicy', 'NetworkPolicy', 'networking.k8s.io', 'v1', true, ['netpol']),
  r('poddisruptionbudgets', 'poddisruptionbudget', 'PodDisruptionBudget', 'policy', 'v1', true, ['pdb']),
  r('storageclasses', 'storageclass', 'StorageClass', 'storage.k8s.io', 'v1', false, ['sc']),
]

/** Resources stored by this engine, keyed by plural (core/apps/... groups; metrics is virtual). */
export const STORED: Record<string, ResourceInfo> = {}
for (const info of RESOURCES) {
  if (info.group === 'metrics.k8s.io' || info.group === 'events.k8s.io') continue
  STORED[info.plural] = info
}

export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version
}

/** Kind + apiVersion → resource, accepting the older versions manifests still use. */
export function resourceForKind(kind: string, apiVersion?: string): ResourceInfo | undefined {
  const group = apiVersion && apiVersion.includes('/') ? apiVersion.split('/')[0] : ''
  const candidates = RESOURCES.filter((x) => x.kind === kind && x.group !== 'metrics.k8s.io')
  if (!apiVersion) return candidates[0]
  return candidates.find((x) => x.group === group) ?? undefined
}

/** kubectl's resource argument (`po`, `pods`, `pod`, `deployment.apps`, `Pod`) → resource. */
export function resolveResourceName(arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase()
  const [name, ...groupParts] = lower.split('.')
  const group = groupParts.join('.')
  for (const info of RESOURCES) {
    if (info.group === 'metrics.k8s.io' || info.group === 'events.k8s.io') continue
    if (group && info.group !== group && !(group === 'v1' && info.group === '')) continue
    if (info.plural === name || info.singular === name || info.kind.toLowerCase() === name || info.shortNames.includes(name)) return info
  }
  return undefined
}

export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name
}
