// Registers this area's modules (see ../wiring.ts): scheduler, controllers and the bootstrap of
// namespaces and system workloads. (node-lifecycle.ts is loaded by ../node/index.ts.)
import './util/queue'
import './scheduler/scheduler'
import './replicaset'
import './deployment/sync'
import './daemonset'
import './endpoints'
import './endpointslice'
import './garbage-collector'
import './namespace'
import './pod-gc'
import './serviceaccount'
import './bootstrap/system-objects'

export { schedulingDiagnosis, schedulePending } from './scheduler/scheduler'
export type { NodeDiagnosis } from './scheduler/scheduler'
