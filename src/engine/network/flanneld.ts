// flanneld with the kube subnet manager publishes its node's lease as Node annotations —
// backend type and data (VXLAN: VNI and the VTEP MAC), public IP, kube-subnet-manager — which
// every other flanneld watches to program its routes, ARP and FDB entries.
// (flannel pkg/subnet/kube/kube.go AcquireLease, pkg/backend/vxlan/vxlan.go RegisterNetwork)
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'
import { registerComponents } from '../registry'
import { ANN_BACKEND_DATA, ANN_BACKEND_TYPE, ANN_KSM, ANN_PUBLIC_IP, VXLAN_VNI, vtepMacOf } from './topology'

type Json = any

function wanted(c: Cluster, node: KObject): Record<string, string> | undefined {
  const ip = (node.status?.addresses ?? []).find((a: Json) => a.type === 'InternalIP')?.address
  if (!ip || !node.spec?.podCIDR) return undefined
  const backend = c.state.config.network.backend
  const data = backend === 'vxlan' ? JSON.stringify({ VNI: VXLAN_VNI, VtepMAC: vtepMacOf(node.metadata.name) }) : 'null'
  return { [ANN_BACKEND_DATA]: data, [ANN_BACKEND_TYPE]: backend, [ANN_KSM]: 'true', [ANN_PUBLIC_IP]: ip }
}

function publish(c: Cluster, name: string): void {
  const node = c.api.get('nodes', undefined, name)
  if (!node) return
  const want = wanted(c, node)
  const have = node.metadata.annotations ?? {}
  if (!want || Object.entries(want).every(([k, v]) => have[k] === v)) return
  c.client(`flanneld/${name}`).mutate('nodes', undefined, name, (n) => {
    n.metadata.annotations = { ...(n.metadata.annotations ?? {}), ...want }
  })
}

registerComponents(() => [{
  name: 'flanneld',
  watches: ['nodes'],
  onEvents(c, events) {
    const names = new Set<string>()
    for (const e of events) if (e.type !== 'DELETED') names.add(e.object.metadata.name)
    for (const n of names) publish(c, n)
  },
}])
