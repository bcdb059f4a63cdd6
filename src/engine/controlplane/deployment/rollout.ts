// The template-change path: old ReplicaSets still have replicas while the new one is not at
// full size. Rolling update / Recreate (§4.2, k/k pkg/controller/deployment/rolling.go,
// recreate.go) belong to a later issue and plug in here; until then the new ReplicaSet is
// scaled to spec.replicas and the old ones to 0 in one step (with the usual events).
import type { Cluster } from '../../cluster'
import type { KObject } from '../../api/types'
import { replicasOf } from './util'

export type ScaleFn = (rs: KObject, to: number) => KObject

export function rolloutTemplateChange(_c: Cluster, d: KObject, newRS: KObject, olds: KObject[], scale: ScaleFn): void {
  scale(newRS, replicasOf(d))
  for (const old of olds) if (replicasOf(old) !== 0) scale(old, 0)
}
