// Registers the Job controller and the TTL-after-finished controller.
import './controller'
import './ttl'

export { syncJob } from './sync'
export { isJobFinished, finishedType, JOB_CONTROLLER, JOB_TRACKING_FINALIZER } from './util'
