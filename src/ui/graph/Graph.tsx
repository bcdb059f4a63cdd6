// The cluster graph (React Flow): layout from the structure, nodes that select themselves by id,
// click to inspect, right-click for the action menu; minimap, controls, owners on demand.
import { Background, Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider, useReactFlow, type Node } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePodflow } from '../store-context'
import { layoutGraph, type GraphNode } from './layout'
import { NODE_TYPES } from './nodes'
import { ActivityOverlay } from './overlay/ActivityOverlay'
import { useGraphStructure } from './use-structure'

export interface GraphProps {
  /** Right-click on an object: the app opens the action menu at the pointer. */
  onContextMenu?: (id: string | null, x: number, y: number) => void
}

const SELECTABLE_TYPES = new Set(['pod', 'chip', 'component', 'k8sNode', 'service', 'owner'])

/** Refits when the top-level areas change (a node, the Pending lane, a Service, owners), not on every pod. */
function FitOnAreas({ areas }: { areas: string }) {
  const rf = useReactFlow()
  useEffect(() => {
    const id = requestAnimationFrame(() => void rf.fitView({ padding: 0.08, duration: 0 }))
    return () => cancelAnimationFrame(id)
  }, [areas, rf])
  return null
}

function GraphInner({ onContextMenu }: GraphProps) {
  const { t } = useTranslation('graph')
  const [owners, setOwners] = useState(false)
  const structure = useGraphStructure(owners)
  const { nodes, edges } = useMemo(() => layoutGraph(structure), [structure])
  const nodesRef = useRef(nodes)
  nodesRef.current = nodes
  const areas = useMemo(() => nodes.filter((n) => !n.parentId).map((n) => n.id).join(' '), [nodes])
  const select = usePodflow((s) => s.select)
  const theme = usePodflow((s) => s.theme)
  const view = usePodflow((s) => s.view)
  const rf = useReactFlow()

  const onNodeClick = useCallback((_: ReactMouseEvent, n: Node) => {
    if (SELECTABLE_TYPES.has(n.type ?? '')) select(n.id)
  }, [select])
  const onNodeContextMenu = useCallback((e: ReactMouseEvent, n: Node) => {
    e.preventDefault()
    if (SELECTABLE_TYPES.has(n.type ?? '')) {
      select(n.id)
      onContextMenu?.(n.id, e.clientX, e.clientY)
    }
  }, [select, onContextMenu])
  const onPaneContextMenu = useCallback((e: ReactMouseEvent | MouseEvent) => {
    e.preventDefault()
    onContextMenu?.(null, e.clientX, e.clientY)
  }, [onContextMenu])

  return (
    <ReactFlow<GraphNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      colorMode={theme}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      onNodeClick={onNodeClick}
      onNodeContextMenu={onNodeContextMenu}
      onPaneClick={() => select(null)}
      onPaneContextMenu={onPaneContextMenu}
      minZoom={0.1}
      maxZoom={2.5}
      onlyRenderVisibleElements={nodes.length > 300}
      proOptions={{ hideAttribution: true }}
      fitView
    >
      <Background gap={24} size={1} />
      <MiniMap pannable zoomable nodeStrokeWidth={2} style={{ width: 160, height: 100 }} className="!bg-white/80 dark:!bg-slate-900/80" />
      <Controls showInteractive={false} />
      <Panel position="top-left" className="flex gap-2">
        <button className="pf-btn" onClick={() => setOwners((o) => !o)} aria-pressed={owners}>{owners ? t('hideOwners') : t('showOwners')}</button>
        <button className="pf-btn" onClick={() => void rf.fitView({ padding: 0.08 })}>{t('fit')}</button>
      </Panel>
      <FitOnAreas areas={areas} />
      {view === 'control-plane' && <ActivityOverlay nodes={nodesRef} />}
    </ReactFlow>
  )
}

export function Graph(props: GraphProps) {
  return (
    <ReactFlowProvider>
      <GraphInner {...props} />
    </ReactFlowProvider>
  )
}
