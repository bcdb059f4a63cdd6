// The graph's structure (what sits where) and layout (positions) from a real store.
import { describe, expect, it } from 'vitest'
import { createPodflowStore } from '../../../src/store'
import { computeStructure, touchesStructure } from '../../../src/ui/graph/structure'
import { COLLAPSE_AT, layoutGraph, workersPerRow } from '../../../src/ui/graph/layout'

const DEPLOY = (replicas: number, cpu = '10m') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources:
          requests:
            cpu: ${cpu}
`

async function store(lines: [string, string?][], advanceMs = 20_000) {
  const s = createPodflowStore({ paused: true })
  for (const [l, stdin] of lines) await s.getState().runKubectl(l, stdin)
  await s.getState().stepBy(advanceMs)
  return s
}

describe('graph structure', () => {
  it('puts the control plane first, system pods as chips, workload pods as cards, services with ready endpoints', async () => {
    const s = await store([['kubectl apply -f -', DEPLOY(3)], ['kubectl expose deployment web --port=80']])
    const st = computeStructure(s.getState(), false)
    expect(st.nodes.map((n) => [n.name, n.controlPlane])).toEqual([['control-plane', true], ['worker-1', false], ['worker-2', false]])
    expect(st.nodes[0].app).toEqual([])
    expect(st.nodes[0].system.some((id) => id.startsWith('pods/kube-system/kube-apiserver'))).toBe(true)
    const webPods = st.nodes.flatMap((n) => n.app).filter((id) => id.startsWith('pods/default/web-'))
    expect(webPods).toHaveLength(3)
    const web = st.services.find((x) => x.id === 'services/default/web')
    expect(web?.endpoints.sort()).toEqual(webPods.sort())
    expect(st.services.some((x) => x.id === 'services/default/kubernetes')).toBe(false)
  })

  it('sends unschedulable pods to the Pending lane', async () => {
    const s = await store([['kubectl apply -f -', DEPLOY(1, '50')]], 5_000)
    const st = computeStructure(s.getState(), false)
    expect(st.pending).toHaveLength(1)
    const { nodes } = layoutGraph(st)
    const lane = nodes.find((n) => n.id === 'lane/pending')
    expect(lane?.data.count).toBe(1)
    expect(nodes.find((n) => n.id === st.pending[0])?.parentId).toBe('lane/pending')
  })

  it('lists owners on demand: Deployment → ReplicaSet → pods', async () => {
    const s = await store([['kubectl apply -f -', DEPLOY(2)]])
    const st = computeStructure(s.getState(), true)
    const deploy = st.owners.find((o) => o.id === 'deployments/default/web')
    expect(deploy?.children).toHaveLength(1)
    const rs = st.owners.find((o) => o.id === deploy?.children[0])
    expect(rs?.children.filter((c) => c.startsWith('pods/default/web-'))).toHaveLength(2)
    const { edges } = layoutGraph(st)
    expect(edges.filter((e) => e.source === 'deployments/default/web')).toHaveLength(1)
  })

  it('keeps the same key when only pod status changes, and says which changes can move things', async () => {
    const s = await store([['kubectl apply -f -', DEPLOY(2)]])
    const a = computeStructure(s.getState(), false)
    await s.getState().stepBy(1_000)
    expect(computeStructure(s.getState(), false).key).toBe(a.key)
    expect(touchesStructure({ added: [], updated: ['configmaps/default/x'], removed: [] })).toBe(false)
    expect(touchesStructure({ added: ['pods/default/x'], updated: [], removed: [] })).toBe(true)
  })
})

describe('graph layout', () => {
  it('collapses a crowded node into a mini-grid and points service edges at it', async () => {
    const s = await store([['kubectl apply -f -', DEPLOY(2 * COLLAPSE_AT + 6)], ['kubectl expose deployment web --port=80']], 30_000)
    const st = computeStructure(s.getState(), false)
    const { nodes, edges } = layoutGraph(st)
    const collapsed = nodes.filter((n) => n.type === 'collapsed')
    expect(collapsed.length).toBeGreaterThan(0)
    expect(collapsed[0].data.count).toBeGreaterThan(COLLAPSE_AT)
    expect(edges.some((e) => e.target === collapsed[0].id)).toBe(true)
    // Every child comes after its parent (React Flow's requirement) and fits inside it.
    const seen = new Map<string, (typeof nodes)[number]>()
    for (const n of nodes) {
      if (n.parentId) {
        const p = seen.get(n.parentId)
        expect(p, n.id).toBeDefined()
        expect(n.position.x + (n.width ?? 0)).toBeLessThanOrEqual(p!.width ?? 0)
        expect(n.position.y + (n.height ?? 0)).toBeLessThanOrEqual(p!.height ?? 0)
      }
      seen.set(n.id, n)
    }
  })

  it('places workers side by side in a classroom cluster and in a near-square grid for big ones', () => {
    expect(workersPerRow(2)).toBe(2)
    expect(workersPerRow(50)).toBeGreaterThanOrEqual(8)
    expect(workersPerRow(50)).toBeLessThanOrEqual(10)
  })
})
