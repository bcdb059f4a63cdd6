// `kubectl describe <plural> <name>`: the per-kind describer, or the generic one.
// Source: kubernetes/kubectl pkg/describe/describe.go DescriberFor / describerMap.
import type { Cluster, KObject } from '../../../engine'
import { describePod } from './pod'
import { describeNode } from './node'
import { describeReplicationController, describeCronJob, describeDaemonSet, describeDeployment, describeHPA, describeJob, describeReplicaSet, describeStatefulSet } from './workloads'
import { describePVC, describeServiceAccount } from './storage'
import { describePV, describeStorageClass } from './persistentvolume'
import { describeConfigMap, describeEndpoints, describeGeneric, describeNamespace, describeSecret, describeService } from './core'

const DESCRIBERS: Record<string, (c: Cluster, obj: KObject) => string> = {
  pods: describePod,
  nodes: describeNode,
  deployments: describeDeployment,
  replicasets: describeReplicaSet,
  replicationcontrollers: describeReplicationController,
  daemonsets: describeDaemonSet,
  statefulsets: describeStatefulSet,
  jobs: describeJob,
  cronjobs: describeCronJob,
  horizontalpodautoscalers: describeHPA,
  services: describeService,
  endpoints: describeEndpoints,
  namespaces: describeNamespace,
  configmaps: describeConfigMap,
  secrets: describeSecret,
  serviceaccounts: describeServiceAccount,
  persistentvolumeclaims: describePVC,
  persistentvolumes: describePV,
  storageclasses: describeStorageClass,
}

/** The text `kubectl describe` prints for one object (ends with a newline). */
export function describe(c: Cluster, plural: string, obj: KObject): string {
  return (DESCRIBERS[plural] ?? describeGeneric)(c, obj)
}
