// Absolute centres of graph nodes (children are positioned relative to their parent group).
import type { GraphNode } from '../layout'

export interface Point {
  x: number
  y: number
}

/** Anchor points in flow coordinates: centres, or a group's header. */
export function absoluteCentres(nodes: GraphNode[]): Map<string, Point> {
  const topLeft = new Map<string, Point>()
  const out = new Map<string, Point>()
  for (const n of nodes) {
    const parent = n.parentId ? topLeft.get(n.parentId) : undefined
    const p = { x: n.position.x + (parent?.x ?? 0), y: n.position.y + (parent?.y ?? 0) }
    topLeft.set(n.id, p)
    // Node groups anchor at their header (where the kubelet's name is), everything else at its centre.
    out.set(n.id, { x: p.x + (n.width ?? 0) / 2, y: n.type === 'k8sNode' ? p.y + 18 : p.y + (n.height ?? 0) / 2 })
  }
  return out
}

/** Point at fraction f (0..1) of the straight segment a → b. */
export function lerp(a: Point, b: Point, f: number): Point {
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f }
}
