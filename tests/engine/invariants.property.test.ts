// Property test: random sequences of create/delete/scale/cordon/node-stop keep the engine's
// invariants, and replica counts converge once the cluster is healthy again.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createCluster, type Cluster } from '../../src/engine'

const NAMES = ['a', 'b', 'c']
const WORKERS = ['worker-1', 'worker-2']

type Op =
  | { op: 'create'; name: string; replicas: number }
  | { op: 'scale'; name: string; replicas: number }
  | { op: 'delete-deploy'; name: string }
  | { op: 'delete-pod'; index: number }
  | { op: 'cordon' | 'uncordon' | 'stop' | 'start'; node: string }
  | { op: 'advance'; seconds: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), name: fc.constantFrom(...NAMES), replicas: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant('scale' as const), name: fc.constantFrom(...NAMES), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('delete-deploy' as const), name: fc.constantFrom(...NAMES) }),
  fc.record({ op: fc.constant('delete-pod' as const), index: fc.nat(20) }),
  fc.record({ op: fc.constantFrom('cordon' as const, 'uncordon' as const, 'stop' as const, 'start' as const), node: fc.constantFrom(...WORKERS) }),
  fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 90 }) }),
)

function apply(c: Cluster, o: Op): void {
  switch (o.op) {
    case 'create':
      c.api.create({
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: o.name },
        spec: { replicas: o.replicas, selector: { matchLabels: { app: o.name } }, template: { metadata: { labels: { app: o.name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu: '100m' } } }] } } },
      })
      break
    case 'scale': c.api.mutate('deployments', 'default', o.name, (d) => { d.spec.replicas = o.replicas }); break
    case 'delete-deploy': c.api.delete('deployments', 'default', o.name); break
    case 'delete-pod': {
      const pods = c.api.list('pods', { namespace: 'default' })
      if (pods.length) c.api.delete('pods', 'default', pods[o.index % pods.length].metadata.name)
      break
    }
    case 'cordon': case 'uncordon':
      c.api.mutate('nodes', undefined, o.node, (n) => { n.spec = { ...n.spec, unschedulable: o.op === 'cordon' || undefined }; if (o.op === 'uncordon') delete n.spec.unschedulable })
      break
    case 'stop': c.act({ type: 'node.stop', node: o.node }); break
    case 'start': c.act({ type: 'node.start', node: o.node }); break
    case 'advance': c.advance(o.seconds * 1000); break
  }
}

function ipInCidr(ip: string, cidr: string): boolean {
  const [base] = cidr.split('/')
  return ip.split('.').slice(0, 3).join('.') === base.split('.').slice(0, 3).join('.')
}

function checkInvariants(c: Cluster): void {
  const nodes = new Map(c.api.list('nodes').map((n) => [n.metadata.name, n]))
  const ips = new Set<string>()
  for (const p of c.api.list('pods')) {
    if (p.spec.nodeName) expect(nodes.has(p.spec.nodeName), `pod ${p.metadata.name} bound to missing node`).toBe(true)
    const ip = p.status?.podIP
    if (ip && !p.spec.hostNetwork && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') {
      expect(ips.has(ip), `duplicate pod IP ${ip}`).toBe(false)
      ips.add(ip)
      const node = nodes.get(p.spec.nodeName)
      if (node) expect(ipInCidr(ip, node.spec.podCIDR), `${ip} outside ${node.spec.podCIDR}`).toBe(true)
    }
  }
}

describe('engine invariants', () => {
  it('hold under random operations, and replicas converge once nodes are healthy', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const c = createCluster({ seed })
        for (const o of ops) {
          apply(c, o)
          checkInvariants(c)
        }
        // Heal: every node running and schedulable, then let controllers converge.
        for (const n of WORKERS) { apply(c, { op: 'start', node: n }); apply(c, { op: 'uncordon', node: n }) }
        c.advance(400_000)
        checkInvariants(c)
        const uids = new Set(c.api.list('deployments').map((d) => d.metadata.uid))
        for (const p of c.api.list('pods', { namespace: 'default' })) {
          const owner = p.metadata.ownerReferences?.[0]
          if (owner) expect(c.api.list('replicasets').some((rs) => rs.metadata.uid === owner.uid), `orphaned owner ref on ${p.metadata.name}`).toBe(true)
        }
        for (const rs of c.api.list('replicasets', { namespace: 'default' })) {
          const owner = rs.metadata.ownerReferences?.[0]
          expect(owner && uids.has(owner.uid), `replicaset ${rs.metadata.name} outlived its deployment`).toBe(true)
        }
        for (const d of c.api.list('deployments', { namespace: 'default' })) {
          const running = c.api.list('pods', { namespace: 'default', filter: (p) => p.metadata.labels?.app === d.metadata.name && !p.metadata.deletionTimestamp && p.status?.phase === 'Running' })
          expect(running.length, `deployment ${d.metadata.name}`).toBe(d.spec.replicas)
          expect(d.status?.readyReplicas ?? 0).toBe(d.spec.replicas)
        }
      }),
      { numRuns: 12 },
    )
  })
})
