// Network pokes with the consequences a real cluster shows.
// node.partition: the node's eth0 is cut from the underlay. Packets to and from it are lost
// (timeouts); its kubelet cannot reach the API server, so its Lease stops being renewed and the
// node lifecycle controller marks it NotReady/Unknown after the grace period and taints it
// unreachable; its kube-proxy keeps the rules it had. node.unpartition heals all of that.
// flannel.stop: flanneld on the node stops and its backend device goes down with the routes
// through it: cross-node pod traffic to and from the node is lost; same-node traffic still works.
import type { Cluster } from '../cluster'
import { fail, ok } from '../api/types'
import { clone } from '../api/store'
import { onAction, type Action } from '../registry'
import { startKubelet, stopKubelet } from '../node/actions'
import { servicePorts } from './kubeproxy/service-ports'
import { netState } from './state'
import { flannelDevice } from './devices'

const notFound = (node: string) => fail<string>({ code: 404, reason: 'NotFound', message: `node "${node}" not found`, details: { name: node, kind: 'nodes' } })

function nodeArg(c: Cluster, a: Action): string | undefined {
  const node = String(a.node ?? '').replace(/^nodes?\//, '')
  return c.api.get('nodes', undefined, node) || c.state.machines[node] ? node : undefined
}

/** Marks the kubelets this poke suspended, so healing does not start one the learner stopped. */
interface Cut { kubelet: Record<string, true> }
const cuts = (c: Cluster) => c.slot<Cut>('network-partition', () => ({ kubelet: {} }))

onAction('node.partition', (c, a) => {
  const node = nodeArg(c, a)
  if (!node) return notFound(String(a.node ?? ''))
  const s = netState(c)
  if (s.partitioned[node]) return ok(`node ${node} is already cut from the network`)
  // kube-proxy on the node keeps programming from what it last saw.
  s.frozen[node] = clone(servicePorts(c))
  s.partitioned[node] = true
  s.version++
  const m = c.state.machines[node]
  if (m?.kubeletRunning) {
    stopKubelet(c, node)
    cuts(c).kubelet[node] = true
  }
  return ok(`node ${node} cut from the network: its packets are lost and its kubelet cannot reach the API server`)
})

onAction('node.unpartition', (c, a) => {
  const node = nodeArg(c, a)
  if (!node) return notFound(String(a.node ?? ''))
  const s = netState(c)
  if (!s.partitioned[node]) return ok(`node ${node} is not cut from the network`)
  delete s.partitioned[node]
  delete s.frozen[node]
  s.version++
  const cut = cuts(c).kubelet
  if (cut[node]) {
    delete cut[node]
    if (c.state.machines[node] && !c.state.machines[node].kubeletRunning) startKubelet(c, node, false)
  }
  return ok(`node ${node} reconnected to the network`)
})

function flannelPoke(c: Cluster, a: Action, up: boolean) {
  const node = nodeArg(c, a)
  if (!node) return notFound(String(a.node ?? ''))
  const s = netState(c)
  const dev = flannelDevice(c.state.config.network.backend)
  const isDown = !!s.flannelDown[node]
  if (up !== isDown) return ok(`flanneld on ${node} is already ${up ? 'running' : 'stopped'}`)
  if (up) delete s.flannelDown[node]
  else s.flannelDown[node] = true
  s.version++
  if (up) return ok(`flanneld on ${node} started: ${dev ? dev + ' is up and ' : ''}the routes to the other nodes' subnets are back`)
  return ok(`flanneld on ${node} stopped: ${dev ? dev + ' is down and ' : ''}the routes to the other nodes' subnets are gone`)
}

onAction('flannel.stop', (c, a) => flannelPoke(c, a, false))
onAction('flannel.start', (c, a) => flannelPoke(c, a, true))
