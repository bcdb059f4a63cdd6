// Control-plane view: API requests (component → api-server, and on to etcd for writes) and watch
// deliveries (api-server → component) as pulses on the canvas, timed by sim time.
import { memo, useRef, type RefObject } from 'react'
import type { Activity } from '../../../engine'
import { OKABE_ITO } from '../../palette'
import type { GraphNode } from '../layout'
import { actorPoint, anchorsFrom, touchesEtcd } from './actors'
import { CanvasLayer, type Draw } from './CanvasLayer'
import { absoluteCentres, lerp, type Point } from './positions'

/** A pulse stays visible this long in wall time, whatever the speed. */
const VISIBLE_WALL_MS = 700
const MAX_PULSES = 400

function pulse(ctx: CanvasRenderingContext2D, a: Point, b: Point, f: number, color: string, zoom: number) {
  const p = lerp(a, b, f)
  ctx.globalAlpha = 0.25
  ctx.strokeStyle = color
  ctx.lineWidth = 1.5 / zoom
  ctx.beginPath()
  ctx.moveTo(a.x, a.y)
  ctx.lineTo(b.x, b.y)
  ctx.stroke()
  ctx.globalAlpha = 1
  ctx.fillStyle = color
  ctx.beginPath()
  ctx.arc(p.x, p.y, 5 / Math.sqrt(zoom), 0, Math.PI * 2)
  ctx.fill()
}

/** `nodes` is a ref the graph updates on layout: the overlay reads it per frame and never re-renders. */
function ActivityOverlayImpl({ nodes }: { nodes: RefObject<GraphNode[]> }) {
  const buf = useRef<{ seq: number; epoch: number; items: Activity[] }>({ seq: 0, epoch: -1, items: [] })
  const placed = useRef<{ nodes: GraphNode[] | null; anchors: ReturnType<typeof anchorsFrom> }>({ nodes: null, anchors: anchorsFrom(new Map()) })
  const draw: Draw = (ctx, s, zoom) => {
    if (placed.current.nodes !== nodes.current) placed.current = { nodes: nodes.current, anchors: anchorsFrom(absoluteCentres(nodes.current)) }
    const anchors = placed.current.anchors
    const b = buf.current
    if (b.epoch !== s.epoch) {
      b.epoch = s.epoch
      b.seq = 0
      b.items = []
    }
    const fresh = s.activitiesSince(b.seq)
    if (fresh.length) {
      b.seq = fresh[fresh.length - 1].seq + 1
      b.items.push(...fresh)
    }
    const span = Math.max(VISIBLE_WALL_MS * s.speed, 50)
    const now = s.viewTime
    b.items = b.items.filter((a) => a.start + span >= now - span).slice(-MAX_PULSES)
    let drawn = 0
    for (const a of b.items) {
      const f = (now - a.start) / span
      if (f < 0 || f > 1) continue
      const from = actorPoint(anchors, a.from)
      const to = actorPoint(anchors, a.to)
      if (!from || !to) continue
      const color = a.kind === 'watch' ? OKABE_ITO.purple : OKABE_ITO.blue
      pulse(ctx, from, to, f, color, zoom)
      drawn++
      if (a.kind === 'request' && touchesEtcd(a.verb) && anchors.apiServer && anchors.etcd && f > 0.5) pulse(ctx, anchors.apiServer, anchors.etcd, (f - 0.5) * 2, OKABE_ITO.orange, zoom)
    }
    return drawn
  }
  return <CanvasLayer draw={draw} testId="activity-overlay" />
}

export const ActivityOverlay = memo(ActivityOverlayImpl)
