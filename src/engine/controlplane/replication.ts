// ReplicationController controller: the ReplicaSet controller with an equality-based selector
// (spec.selector is a plain map, defaulted from the template labels by the API's defaulting).
// Upstream runs the very same code: k/k pkg/controller/replication/replication_controller.go
// (NewReplicationManager → replicaset.NewBaseController, event source "replication-controller").
import { registerComponents } from '../registry'
import { fromMap } from '../api/selectors'
import { replicaWatchHandler, syncReplicas, type ReplicaKind } from './replicaset'
import { onResync } from './util/queue'

export const RC_CONTROLLER = 'replication-controller'

export const REPLICATION_KIND: ReplicaKind = {
  actor: RC_CONTROLLER,
  plural: 'replicationcontrollers',
  kind: 'ReplicationController',
  selector: (rc) => fromMap(rc.spec?.selector as Record<string, string> | undefined),
}

onResync(RC_CONTROLLER, (c, key) => syncReplicas(c, REPLICATION_KIND, key))

registerComponents(() => [{ name: RC_CONTROLLER, watches: ['replicationcontrollers', 'pods'], onEvents: replicaWatchHandler(REPLICATION_KIND) }])
