// Small building blocks shared by the Inspector's sections: a titled section, key/value rows,
// a link that selects an object, a live age, and a status badge that pairs colour with a glyph.
import { Component, memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { humanDuration } from '../../../store'
import { usePodflow } from '../../store-context'
import { TONE, type Tone } from '../../palette'

/** The language for labels that come as { en, zh } (the action registry). */
export function useLang(): 'en' | 'zh' {
  const { i18n } = useTranslation('panels')
  return (i18n.resolvedLanguage ?? i18n.language ?? 'en').startsWith('zh') ? 'zh' : 'en'
}

export function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="border-t border-slate-200 px-3 py-2 dark:border-slate-800" data-testid={testId}>
      <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      {children}
    </section>
  )
}

export function KeyValues({ rows }: { rows: [ReactNode, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
      {rows.map(([k, v], i) => (
        <div key={i} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
          <dd className="min-w-0 break-words font-mono text-slate-800 dark:text-slate-100">{v}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A clickable object reference: selecting it moves the Inspector there. */
export const ObjectLink = memo(function ObjectLink({ id, children }: { id: string | undefined; children: ReactNode }) {
  const select = usePodflow((s) => s.select)
  if (!id) return <span className="font-mono">{children}</span>
  return (
    <button type="button" className="cursor-pointer font-mono text-[#0072B2] underline decoration-dotted underline-offset-2 hover:decoration-solid dark:text-[#56B4E9]" onClick={() => select(id)}>
      {children}
    </button>
  )
})

/** Sim seconds: the granularity of every AGE column (re-renders once per sim second, not per frame). */
export const useSimSecond = () => usePodflow((s) => Math.floor(s.viewTime / 1000))

/** `3m4s` (or "3m4s ago") since a sim instant, live. */
export function Age({ at, ago = false }: { at: number | undefined; ago?: boolean }) {
  const { t } = useTranslation('panels')
  const sec = useSimSecond()
  if (at === undefined) return <span>&lt;unknown&gt;</span>
  const age = humanDuration(sec * 1000 - at)
  return <span>{ago ? t('summary.ago', { age }) : age}</span>
}

export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  const t = TONE[tone]
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap font-mono text-xs" title={title}>
      <span aria-hidden style={{ color: t.color }}>
        {t.glyph}
      </span>
      <span>{children}</span>
    </span>
  )
}

export function Muted({ children }: { children: ReactNode }) {
  return <p className="text-xs text-slate-500 dark:text-slate-400">{children}</p>
}

/**
 * Keeps one section's failure (an object shaped in a way a printer did not expect) from taking
 * the panel down: the section shows the error, the rest of the Inspector stays. `resetKey`
 * (the object) retries when it changes.
 */
export class Guard extends Component<{ resetKey: unknown; children: ReactNode }, { error: string | null; key: unknown }> {
  override state = { error: null as string | null, key: this.props.resetKey }

  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) }
  }

  static getDerivedStateFromProps(props: { resetKey: unknown }, state: { error: string | null; key: unknown }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey }
  }

  override render() {
    if (this.state.error === null) return this.props.children
    return <p role="alert" className="px-3 py-1 font-mono text-xs text-[#D55E00]">⚠ {this.state.error}</p>
  }
}
