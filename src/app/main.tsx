// Entry: paints the page frame at once, then loads the cluster (engine, kubectl, store, graph)
// as a separate chunk. Keeps the initial JS small (budget U7) without delaying the cluster.
import { createRoot } from 'react-dom/client'
import './index.css'

const root = createRoot(document.getElementById('root') as HTMLElement)
root.render(
  <div className="flex h-screen items-center justify-center bg-slate-950 text-slate-300" data-testid="booting">
    <span className="animate-pulse text-lg">⎈ Podflow</span>
  </div>,
)
void import('./boot').then(({ boot }) => boot(root))
