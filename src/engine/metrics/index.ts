// Registers the metrics pipeline (see ../controlplane/index.ts): the kubelets' cAdvisor
// resource stats (the usage model sampled at each scrape) and the metrics-server scrape loop.
import './kubelet-stats'
import './metrics-server'

export { metricsApiAvailable } from './metrics-server'
export { listPodMetrics, getPodMetrics, listNodeMetrics, getNodeMetrics } from './metrics-api'
