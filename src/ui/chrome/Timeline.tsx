// The timeline under the graph: play/pause, step (next event, +1 s, +10 s), speed, the sim time
// and a scrubber from boot to the furthest time reached, with Warning events marked. The clock
// text and the scrubber follow sim time through a transient subscription (no React commit per frame).
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clockAt, humanDuration, simTimeOf, SPEEDS, type PodflowState } from '../../store'
import { OKABE_ITO } from '../palette'
import { PauseIcon, PlayIcon, StepIcon } from './icons'
import { usePodflow, useStoreApi } from '../store-context'

type Json = any

function clockText(s: PodflowState): string {
  return `${clockAt(s.viewTime).replace('T', ' ').replace('Z', ' UTC')} · T+${humanDuration(s.viewTime - s.bootTime)}`
}

function useWarningMarkers(): { at: number; reason: string }[] {
  const api = useStoreApi()
  const [markers, setMarkers] = useState<{ at: number; reason: string }[]>([])
  useEffect(() => {
    const read = () => {
      const s = api.getState()
      const out: { at: number; reason: string }[] = []
      for (const id of s.objectIds('events')) {
        const e = s.object(id) as Json
        if (e?.type !== 'Warning') continue
        const ts = e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp
        const at = typeof ts === 'string' ? simTimeOf(ts) : NaN
        if (Number.isFinite(at)) out.push({ at, reason: String(e.reason ?? '') })
      }
      setMarkers((cur) => (cur.length === out.length && cur.every((m, i) => m.at === out[i].at) ? cur : out))
    }
    read()
    // Markers are coarse: once a second is plenty.
    const t = setInterval(read, 1000)
    return () => clearInterval(t)
  }, [api])
  return markers
}

export function Timeline() {
  const { t } = useTranslation('chrome')
  const api = useStoreApi()
  const paused = usePodflow((s) => s.paused)
  const speed = usePodflow((s) => s.speed)
  const busy = usePodflow((s) => s.busy)
  const clock = useRef<HTMLSpanElement>(null)
  const scrub = useRef<HTMLInputElement>(null)
  const past = useRef<HTMLButtonElement>(null)
  const [range, setRange] = useState(() => ({ boot: api.getState().bootTime, head: api.getState().headTime }))
  const markers = useWarningMarkers()
  const dragging = useRef(false)
  const seek = (v: number) => {
    dragging.current = false
    if (Number.isFinite(v)) void api.getState().seek(v)
  }

  useEffect(() => {
    const paint = (s: PodflowState) => {
      if (clock.current) clock.current.textContent = clockText(s)
      if (scrub.current && !dragging.current) {
        scrub.current.min = String(s.bootTime)
        scrub.current.max = String(Math.max(s.headTime, s.bootTime + 1))
        scrub.current.value = String(s.viewTime)
      }
      if (past.current) past.current.hidden = s.viewTime >= s.headTime
    }
    paint(api.getState())
    // The native change event fires when a drag ends (or on a key press): seek once, not per pixel.
    const el = scrub.current
    const onCommit = () => seek(Number(el?.value))
    el?.addEventListener('change', onCommit)
    const unsub = api.subscribe((s, prev) => {
      if (s.viewTime !== prev.viewTime || s.headTime !== prev.headTime || s.epoch !== prev.epoch) paint(s)
    })
    // The scrubber's range (for marker positions) is refreshed coarsely.
    const t = setInterval(() => {
      const s = api.getState()
      setRange((r) => (r.boot === s.bootTime && r.head === s.headTime ? r : { boot: s.bootTime, head: s.headTime }))
    }, 1000)
    return () => {
      el?.removeEventListener('change', onCommit)
      unsub()
      clearInterval(t)
    }
  }, [api])

  const span = Math.max(1, range.head - range.boot)

  return (
    <div data-testid="timeline" className="flex items-center gap-2 border-t border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900">
      <button data-testid="play" className="pf-btn w-24" onClick={() => api.getState().togglePlay()} title="space">
        <span className="inline-flex items-center gap-1.5">{paused ? <><PlayIcon /> {t('play')}</> : <><PauseIcon /> {t('pause')}</>}</span>
      </button>
      <button data-testid="step-event" className="pf-btn" onClick={() => void api.getState().stepEvent()} title={`${t('stepEvent')} (→)`} aria-label={t('stepEvent')}><StepIcon /></button>
      <button className="pf-btn" onClick={() => void api.getState().stepBy(1000)}>+1s</button>
      <button className="pf-btn" onClick={() => void api.getState().stepBy(10_000)}>+10s</button>
      <label className="flex items-center gap-1 text-xs text-slate-500">
        {t('speed')}
        <select data-testid="speed" className="pf-input" value={speed} onChange={(e) => api.getState().setSpeed(Number(e.target.value))}>
          {SPEEDS.map((x) => <option key={x} value={x}>{x}×</option>)}
        </select>
      </label>
      <span data-testid="clock" ref={clock} className="w-64 shrink-0 font-mono text-xs tabular-nums" />
      <div className="relative flex-1">
        <input
          data-testid="scrubber"
          ref={scrub}
          type="range"
          aria-label={t('timeline')}
          className="w-full accent-sky-600"
          onPointerDown={() => { dragging.current = true }}
          onKeyDown={() => { dragging.current = true }}
        />
        <div className="pointer-events-none absolute inset-x-0 -bottom-0.5 h-1.5" aria-label={t('markers')}>
          {markers.map((m, i) => (
            <span key={i} title={m.reason} className="absolute h-1.5 w-0.5" style={{ left: `${((m.at - range.boot) / span) * 100}%`, background: OKABE_ITO.vermillion }} />
          ))}
        </div>
      </div>
      <button ref={past} data-testid="go-live" className="pf-btn" title={t('inPast')} onClick={() => void api.getState().seek(api.getState().headTime)} hidden>{t('goLive')}</button>
      {busy && <span className="text-xs text-slate-500">{t('busy')}</span>}
    </div>
  )
}
