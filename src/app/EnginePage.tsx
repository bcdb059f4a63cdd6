// A minimal page that runs the engine: a default cluster, a play/pause clock, the nodes with
// their pods, and `kubectl get pods -A` as kubectl prints it. Real kubectl commands can be typed.
import { useEffect, useRef, useState } from 'react'
import { createCluster, type Cluster } from '../engine'
import { runKubectl } from '../kubectl'
import { podStatusSummary } from '../kubectl/printers/pod-status'
import { splitArgs } from './split-args'

const SPEEDS = [1, 5, 20]

export function EnginePage() {
  const clusterRef = useRef<Cluster | null>(null)
  if (!clusterRef.current) clusterRef.current = createCluster({ seed: 1 })
  const c = clusterRef.current
  const [, setTick] = useState(0)
  const [playing, setPlaying] = useState(true)
  const [speed, setSpeed] = useState(1)
  const [command, setCommand] = useState('kubectl get pods -A')
  const [output, setOutput] = useState('')

  useEffect(() => {
    if (!playing) return
    let last = performance.now()
    let frame = requestAnimationFrame(function loop(now) {
      c.advance(Math.min(1000, now - last) * speed)
      last = now
      setTick((t) => t + 1)
      frame = requestAnimationFrame(loop)
    })
    return () => cancelAnimationFrame(frame)
  }, [c, playing, speed])

  // Show the cluster as kubectl sees it from the first frame.
  useEffect(() => {
    void run('kubectl get pods -A')
  }, [])

  async function run(text: string) {
    const argv = splitArgs(text.replace(/^\s*kubectl\s+/, ''))
    let out = ''
    const io = {
      out: (s: string) => { out += s },
      err: (s: string) => { out += s },
      waitUntil: async (cond: () => boolean, ms: number) => {
        for (let t = 0; t < ms && !cond(); t += 100) c.advance(100)
        return cond()
      },
    }
    await runKubectl(c, argv, io)
    setOutput(`$ ${text}\n${out}`)
  }

  const nodes = c.api.list('nodes')
  const seconds = Math.floor(c.now / 1000)
  return (
    <main className="mx-auto max-w-6xl p-6 font-sans">
      <header className="mb-4 flex items-center gap-4">
        <h1 className="text-2xl font-semibold">Podflow</h1>
        <span className="text-slate-400">sim time {seconds}s</span>
        <button className="rounded bg-sky-700 px-3 py-1" onClick={() => setPlaying(!playing)}>{playing ? 'Pause' : 'Play'}</button>
        {SPEEDS.map((s) => (
          <button key={s} className={`rounded px-2 py-1 ${s === speed ? 'bg-sky-600' : 'bg-slate-800'}`} onClick={() => setSpeed(s)}>{s}×</button>
        ))}
      </header>
      <section className="grid grid-cols-1 gap-4 md:grid-cols-3">
        {nodes.map((n) => {
          const pods = c.api.list('pods', { filter: (p) => p.spec?.nodeName === n.metadata.name })
          const ready = (n.status?.conditions ?? []).find((x: { type: string }) => x.type === 'Ready')?.status === 'True'
          return (
            <div key={n.metadata.uid} className="rounded-lg border border-slate-700 p-3" data-testid={`node-${n.metadata.name}`}>
              <div className="mb-2 flex justify-between">
                <span className="font-medium">{n.metadata.name}</span>
                <span className={ready ? 'text-emerald-400' : 'text-amber-400'}>{ready ? 'Ready' : 'NotReady'}</span>
              </div>
              <ul className="space-y-1 text-sm">
                {pods.map((p) => {
                  const s = podStatusSummary(p, c.now)
                  return (
                    <li key={p.metadata.uid} className="flex justify-between gap-2">
                      <span className="truncate">{p.metadata.name}</span>
                      <span className="text-slate-400">{s.ready} {s.status}</span>
                    </li>
                  )
                })}
              </ul>
            </div>
          )
        })}
      </section>
      <form className="mt-6 flex gap-2" onSubmit={(e) => { e.preventDefault(); void run(command) }}>
        <input className="flex-1 rounded bg-slate-900 px-3 py-2 font-mono" value={command} onChange={(e) => setCommand(e.target.value)} aria-label="kubectl command" />
        <button className="rounded bg-sky-700 px-4">Run</button>
      </form>
      <pre className="mt-3 overflow-x-auto rounded bg-slate-900 p-3 text-xs" data-testid="output">{output}</pre>
    </main>
  )
}
