// Registers this area's modules (see ../wiring.ts): machines + kubelets, static pods, pokes,
// and the node lifecycle controller (kept with the nodes it watches over).
import './kubelet/index'
import './actions'
import './static-pods'
import '../controlplane/node-lifecycle'
export { readContainerLog } from './kubelet/logs'
export { startExec, execStatus } from './kubelet/exec'
