// Positions for the graph: control plane on top, worker nodes in rows (pods inside, two columns,
// system pods as chips, a mini-grid above a threshold), the Pending lane on the left, Services
// on the right, owners (on demand) further left. Pure: structure in, React Flow nodes/edges out.
import type { Edge, Node } from '@xyflow/react'
import type { GraphStructure, NodeGroup } from './structure'

export const SIZE = {
  pod: { w: 176, h: 84 },
  comp: { w: 168, h: 54 },
  chipH: 24,
  pad: 12,
  header: 40,
  service: { w: 210, h: 70 },
  owner: { w: 210, h: 48 },
  gap: 56,
}
/** Above this many workload pods a node shows a mini-grid with a count instead of cards. */
export const COLLAPSE_AT = 12
/** In a big cluster (more workers than this) nodes collapse sooner, so the whole stays readable. */
export const BIG_CLUSTER = 10
export const COLLAPSE_AT_BIG = 4
const COLS = 2
const DOT = 14

export type GraphNodeData = { id: string; nodeName?: string; count?: number; pods?: string[] }
export type GraphNode = Node<GraphNodeData>

const groupWidth = (cols: number, w: number) => cols * w + (cols + 1) * SIZE.pad

function chipRows(n: number, perRow: number) {
  return Math.ceil(n / perRow)
}

interface Placed {
  nodes: GraphNode[]
  w: number
  h: number
  /** pod id → the React Flow node that shows it. */
  shownAs: Map<string, string>
}

/** A worker (or the control plane) as a group with its children, positioned at the origin. */
function placeGroup(g: NodeGroup, collapseAt: number): Placed {
  const { pad, header, chipH } = SIZE
  const shownAs = new Map<string, string>()
  const groupId = `nodes/${g.name}`
  const children: GraphNode[] = []
  let w: number
  let y = header
  if (g.controlPlane) {
    const cols = Math.max(1, Math.min(5, g.system.length))
    w = groupWidth(cols, SIZE.comp.w)
    g.system.forEach((id, i) => {
      children.push({ id, type: 'component', parentId: groupId, position: { x: pad + (i % cols) * (SIZE.comp.w + pad), y: header + Math.floor(i / cols) * (SIZE.comp.h + pad) }, width: SIZE.comp.w, height: SIZE.comp.h, data: { id } })
      shownAs.set(id, id)
    })
    y = header + chipRows(g.system.length, cols) * (SIZE.comp.h + pad)
    return { nodes: [groupNode(g, w, y + pad - pad / 2), ...children], w, h: y + pad / 2, shownAs }
  }
  w = groupWidth(COLS, SIZE.pod.w)
  const inner = w - 2 * pad
  if (g.app.length > collapseAt) {
    const perRow = Math.floor(inner / DOT)
    const h = 34 + Math.ceil(g.app.length / perRow) * DOT
    const cid = `collapsed/${g.name}`
    children.push({ id: cid, type: 'collapsed', parentId: groupId, position: { x: pad, y }, width: inner, height: h, data: { id: cid, nodeName: g.name, pods: g.app, count: g.app.length } })
    for (const id of g.app) shownAs.set(id, cid)
    y += h + pad
  } else {
    g.app.forEach((id, i) => {
      children.push({ id, type: 'pod', parentId: groupId, position: { x: pad + (i % COLS) * (SIZE.pod.w + pad), y: y + Math.floor(i / COLS) * (SIZE.pod.h + pad) }, width: SIZE.pod.w, height: SIZE.pod.h, data: { id } })
      shownAs.set(id, id)
    })
    y += Math.ceil(g.app.length / COLS) * (SIZE.pod.h + pad)
  }
  const chipW = (inner - pad) / 2
  g.system.forEach((id, i) => {
    children.push({ id, type: 'chip', parentId: groupId, position: { x: pad + (i % 2) * (chipW + pad), y: y + Math.floor(i / 2) * (chipH + 6) }, width: chipW, height: chipH, data: { id } })
    shownAs.set(id, id)
  })
  y += chipRows(g.system.length, 2) * (chipH + 6)
  const h = Math.max(y + pad, header + SIZE.pod.h / 2)
  return { nodes: [groupNode(g, w, h), ...children], w, h, shownAs }
}

function groupNode(g: NodeGroup, w: number, h: number): GraphNode {
  const id = `nodes/${g.name}`
  return { id, type: 'k8sNode', position: { x: 0, y: 0 }, width: w, height: h, data: { id, nodeName: g.name }, selectable: true }
}

function shift(nodes: GraphNode[], dx: number, dy: number) {
  // Only top-level nodes move; children are relative to their parent.
  for (const n of nodes) if (!n.parentId) n.position = { x: n.position.x + dx, y: n.position.y + dy }
}

/** Workers per row: side by side for a classroom cluster, a near-square grid for big ones. */
export function workersPerRow(n: number): number {
  return n <= 4 ? Math.max(1, n) : Math.ceil(Math.sqrt(n * 1.6))
}

export interface Layout {
  nodes: GraphNode[]
  edges: Edge[]
}

export function layoutGraph(st: GraphStructure): Layout {
  const { gap } = SIZE
  const out: GraphNode[] = []
  const shownAs = new Map<string, string>()
  const workerGroups = st.nodes.filter((n) => !n.controlPlane)
  const collapseAt = workerGroups.length > BIG_CLUSTER ? COLLAPSE_AT_BIG : COLLAPSE_AT
  const cp = st.nodes.filter((n) => n.controlPlane).map((g) => placeGroup(g, collapseAt))
  const workers = workerGroups.map((g) => placeGroup(g, collapseAt))

  // Workers in rows.
  const perRow = workersPerRow(workers.length)
  const cpHeight = cp.reduce((h, p) => Math.max(h, p.h), 0)
  const top = cp.length ? cpHeight + gap * 1.5 : 0
  let y = top
  let right = 0
  for (let r = 0; r * perRow < workers.length; r++) {
    const row = workers.slice(r * perRow, (r + 1) * perRow)
    let x = 0
    let rowH = 0
    for (const p of row) {
      shift(p.nodes, x, y)
      x += p.w + gap
      rowH = Math.max(rowH, p.h)
    }
    right = Math.max(right, x - gap)
    y += rowH + gap
  }
  // Control plane(s) centred over the workers.
  let cx = Math.max(0, (right - cp.reduce((w, p) => w + p.w + gap, -gap)) / 2)
  for (const p of cp) {
    shift(p.nodes, cx, 0)
    cx += p.w + gap
  }
  for (const p of [...cp, ...workers]) {
    out.push(...p.nodes)
    for (const [k, v] of p.shownAs) shownAs.set(k, v)
  }

  // Pending lane, left of the workers.
  const laneW = SIZE.pod.w + 2 * SIZE.pad
  const laneX = -laneW - gap
  const lanePods = st.pending.length > COLLAPSE_AT ? st.pending.slice(0, COLLAPSE_AT) : st.pending
  const laneH = SIZE.header + Math.max(1, lanePods.length) * (SIZE.pod.h + SIZE.pad) + (st.pending.length > lanePods.length ? 28 : 0)
  if (st.pending.length) {
    out.push({ id: 'lane/pending', type: 'pendingLane', position: { x: laneX, y: top }, width: laneW, height: laneH, data: { id: 'lane/pending', count: st.pending.length }, selectable: false })
    lanePods.forEach((id, i) => {
      out.push({ id, type: 'pod', parentId: 'lane/pending', position: { x: SIZE.pad, y: SIZE.header + i * (SIZE.pod.h + SIZE.pad) }, width: SIZE.pod.w, height: SIZE.pod.h, data: { id } })
      shownAs.set(id, id)
    })
  }

  // Services, right of the workers.
  const svcX = Math.max(right, 0) + gap * 1.5
  st.services.forEach((s, i) => {
    out.push({ id: s.id, type: 'service', position: { x: svcX, y: top + i * (SIZE.service.h + 18) }, width: SIZE.service.w, height: SIZE.service.h, data: { id: s.id, count: s.endpoints.length } })
  })

  // Owners, left of everything (Deployment → ReplicaSet → pods).
  const edges: Edge[] = []
  if (st.owners.length) {
    const ownerX = (st.pending.length ? laneX : 0) - SIZE.owner.w - gap * 1.5
    st.owners.forEach((o, i) => {
      out.push({ id: o.id, type: 'owner', position: { x: ownerX - (o.id.startsWith('replicasets/') || o.id.startsWith('jobs/') ? 0 : SIZE.owner.w + gap / 2), y: top + i * (SIZE.owner.h + 12) }, width: SIZE.owner.w, height: SIZE.owner.h, data: { id: o.id } })
    })
    const ownerIds = new Set(st.owners.map((o) => o.id))
    const seen = new Set<string>()
    for (const o of st.owners) {
      for (const child of o.children) {
        const target = ownerIds.has(child) ? child : shownAs.get(child)
        if (!target || seen.has(`${o.id}>${target}`)) continue
        seen.add(`${o.id}>${target}`)
        edges.push({ id: `own:${o.id}>${target}`, source: o.id, target, targetHandle: 'l', type: 'default', className: 'edge-owner', selectable: false })
      }
    }
  }
  for (const s of st.services) {
    const seen = new Set<string>()
    for (const pod of s.endpoints) {
      const target = shownAs.get(pod)
      if (!target || seen.has(target)) continue
      seen.add(target)
      edges.push({ id: `ep:${s.id}>${target}`, source: s.id, target, targetHandle: 'r', type: 'default', className: 'edge-endpoint', selectable: false })
    }
  }
  return { nodes: out, edges }
}
