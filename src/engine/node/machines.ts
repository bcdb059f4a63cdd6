// The machines of the cluster (kubeadm-style: one control-plane + workers) and what each
// kubelet does for its Node: registration, the Lease heartbeat and the node status heartbeat.
// Sources: k/k pkg/kubelet/kubelet_node_status.go (initialNode, setNodeStatus),
// pkg/kubelet/nodestatus/setters.go, pkg/kubelet/nodelease (10 s renew of a 40 s lease).
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'
import type { Machine } from '../state'
import { bytes } from '../api/quantity'
import { randomHex } from '../sim/rng'
import { rfc3339, rfc3339Micro } from '../sim/time'
import { cachedImages, markCached } from './kubelet/images'
import { recordEvent } from '../api/events'

export const LEASE_RENEW_MS = 10_000
/** nodeStatusReportFrequency (5 min): an unchanged status is re-posted this often; the Lease is the heartbeat. */
export const NODE_STATUS_MS = 300_000
const EVICTION_HARD_MEMORY = 100 * 2 ** 20 // kubeadm default evictionHard memory.available 100Mi
const SYSTEM_IMAGES = [
  'registry.k8s.io/etcd:3.5.12-0',
  'registry.k8s.io/kube-apiserver:v1.30.2',
  'registry.k8s.io/kube-controller-manager:v1.30.2',
  'registry.k8s.io/kube-scheduler:v1.30.2',
  'registry.k8s.io/kube-proxy:v1.30.2',
  'registry.k8s.io/coredns/coredns:v1.11.1',
  'registry.k8s.io/pause:3.9',
  'docker.io/flannel/flannel:v0.25.1',
  'docker.io/flannel/flannel-cni-plugin:v1.4.0-flannel1',
]

export function machineIP(index: number): string {
  return `192.168.56.${10 + index}`
}

export function podCIDROf(m: Machine): string {
  return `10.244.${m.index}.0/24` // kube-controller-manager node-ipam range allocator, in creation order
}

/** Creates a machine (no Node object yet: its kubelet registers it). */
export function addMachine(c: Cluster, name: string, role: Machine['role']): Machine {
  const index = Object.keys(c.state.machines).length === 0 ? 0 : Math.max(...Object.values(c.state.machines).map((m) => m.index)) + 1
  const m: Machine = { name, role, ip: machineIP(index), index, cpu: c.state.config.nodeCpu, memory: c.state.config.nodeMemory, kubeletRunning: true }
  c.state.machines[name] = m
  // kubeadm pre-pulls the control-plane and add-on images.
  for (const img of SYSTEM_IMAGES) markCached(c, name, img)
  return m
}

function nodeConditions(c: Cluster, ready: boolean, prev?: KObject): unknown[] {
  const t = rfc3339(c.now)
  const old = (type: string) => (prev?.status?.conditions as { type: string; status: string; lastTransitionTime: string }[] | undefined)?.find((x) => x.type === type)
  const cond = (type: string, status: string, reason: string, message: string) => {
    const o = old(type)
    return { type, status, lastHeartbeatTime: t, lastTransitionTime: o && o.status === status ? o.lastTransitionTime : t, reason, message }
  }
  return [
    cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    ready ? cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status') : cond('Ready', 'False', 'KubeletNotReady', 'container runtime network not ready'),
  ]
}

function nodeImages(c: Cluster, node: string): unknown[] {
  return cachedImages(c, node).map((i) => ({ names: [i.repoDigest, i.ref], sizeBytes: i.sizeBytes }))
}

/** The kubelet's registration (POST /api/v1/nodes) + first status. */
export function registerNode(c: Cluster, m: Machine): void {
  const api = c.client(`kubelet/${m.name}`)
  const cp = m.role === 'control-plane'
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': m.name,
    'kubernetes.io/os': 'linux',
  }
  if (cp) {
    labels['node-role.kubernetes.io/control-plane'] = ''
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = ''
  }
  const memory = bytes(m.memory)
  const capacity = { cpu: m.cpu, 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${Math.floor(memory / 1024)}Ki`, pods: String(c.state.config.maxPods) }
  const allocatable = { ...capacity, 'ephemeral-storage': '56403987978', memory: `${Math.floor((memory - EVICTION_HARD_MEMORY) / 1024)}Ki` }
  const cidr = podCIDROf(m)
  const r = api.create({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: m.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        'flannel.alpha.coreos.com/public-ip': m.ip,
      },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr], ...(cp ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) },
    status: {
      capacity,
      allocatable,
      conditions: nodeConditions(c, true),
      addresses: [{ type: 'InternalIP', address: m.ip }, { type: 'Hostname', address: m.name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: randomHex(c.state, 32),
        systemUUID: randomHex(c.state, 32),
        bootID: randomHex(c.state, 32),
        kernelVersion: '5.15.0-105-generic',
        osImage: 'Ubuntu 22.04.4 LTS',
        containerRuntimeVersion: 'containerd://1.7.13',
        kubeletVersion: c.state.config.kubernetesVersion,
        kubeProxyVersion: c.state.config.kubernetesVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: nodeImages(c, m.name),
    },
  })
  if (r.ok) {
    // The kubelet's start-up events on its Node (kubelet.go, kubelet_node_status.go recordNodeStatusEvent).
    const src = { component: 'kubelet', host: m.name }
    recordEvent(c, src, r.value, 'Normal', 'Starting', 'Starting kubelet.')
    for (const ev of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) recordEvent(c, src, r.value, 'Normal', ev, `Node ${m.name} status is now: ${ev}`)
    recordEvent(c, src, r.value, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods')
    recordEvent(c, src, r.value, 'Normal', 'NodeReady', `Node ${m.name} status is now: NodeReady`)
    // node lifecycle controller's RegisteredNode (node_lifecycle_controller.go recordNodeEvent).
    recordEvent(c, { component: 'node-controller' }, r.value, 'Normal', 'RegisteredNode', `Node ${m.name} event: Registered Node ${m.name} in Controller`)
  }
  renewLease(c, m.name)
  c.schedule(LEASE_RENEW_MS, { type: 'kubelet.heartbeat', node: m.name })
}

export function renewLease(c: Cluster, node: string): void {
  const api = c.client(`kubelet/${node}`)
  const cur = api.get('leases', 'kube-node-lease', node)
  if (!cur) {
    if (!c.state.store.objects.namespaces?.['kube-node-lease']) return // created by the namespaces step; next renew retries
    const n = api.get('nodes', undefined, node)
    api.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: node, namespace: 'kube-node-lease', ...(n ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: n.metadata.uid }] } : {}) },
      spec: { holderIdentity: node, leaseDurationSeconds: 40, renewTime: rfc3339Micro(c.now) },
    })
    return
  }
  api.mutate('leases', 'kube-node-lease', node, (l) => { l.spec = { ...l.spec, renewTime: rfc3339Micro(c.now) } })
}

/** Node status heartbeat: conditions' lastHeartbeatTime, Ready back to True, images. */
export function postNodeStatus(c: Cluster, node: string): void {
  const api = c.client(`kubelet/${node}`)
  api.updateStatus('nodes', undefined, node, (n) => {
    n.status = { ...(n.status ?? {}), conditions: nodeConditions(c, true, n), images: nodeImages(c, node) }
  })
}
