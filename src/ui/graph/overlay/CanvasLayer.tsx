// One canvas over the graph that shares React Flow's viewport. It redraws every animation frame
// from sim time and the viewport read transiently (no React state): motion causes no commits.
import { useStoreApi as useFlowStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { useStoreApi } from '../../store-context'
import type { PodflowState } from '../../../store'

/** Returns how many moving items it drew (for the U2 benchmark's "motion happened" check). */
export type Draw = (ctx: CanvasRenderingContext2D, s: PodflowState, zoom: number) => number

/**
 * Counters the U2 benchmark reads from the page: React renders of canvas layers vs frames drawn
 * and items in motion. Motion must come from frames, never from renders.
 */
export const overlayStats = { renders: 0, frames: 0, drawn: 0 }
if (typeof window !== 'undefined') (window as unknown as { __podflowOverlay: typeof overlayStats }).__podflowOverlay = overlayStats

export function CanvasLayer({ draw, testId }: { draw: Draw; testId?: string }) {
  overlayStats.renders++
  const canvas = useRef<HTMLCanvasElement>(null)
  const flow = useFlowStoreApi()
  const store = useStoreApi()
  const drawRef = useRef(draw)
  drawRef.current = draw
  useEffect(() => {
    let id = 0
    const frame = () => {
      const el = canvas.current
      if (el) {
        const dpr = window.devicePixelRatio || 1
        const w = el.clientWidth
        const h = el.clientHeight
        if (el.width !== Math.round(w * dpr) || el.height !== Math.round(h * dpr)) {
          el.width = Math.round(w * dpr)
          el.height = Math.round(h * dpr)
        }
        const ctx = el.getContext('2d')
        if (ctx) {
          const [tx, ty, zoom] = flow.getState().transform
          ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
          ctx.clearRect(0, 0, w, h)
          ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty)
          overlayStats.frames++
          overlayStats.drawn += drawRef.current(ctx, store.getState(), zoom)
        }
      }
      id = requestAnimationFrame(frame)
    }
    id = requestAnimationFrame(frame)
    return () => cancelAnimationFrame(id)
  }, [flow, store])
  return <canvas ref={canvas} data-testid={testId} className="pointer-events-none absolute inset-0 z-[5] h-full w-full" />
}
