// The top bar: views, create from the gallery, share, new cluster, theme, language, help.
import { useTranslation } from 'react-i18next'
import { actionById, CLUSTER, GALLERY, performAction, type ViewName } from '../../store'
import { usePodflow, useStoreApi } from '../store-context'

const VIEWS: ViewName[] = ['workloads', 'control-plane']

export interface ToolbarProps {
  onShare: () => void
  onReset: () => void
  onAbout: () => void
  report: (msg: string) => void
}

export function Toolbar({ onShare, onReset, onAbout, report }: ToolbarProps) {
  const { t } = useTranslation('chrome')
  const api = useStoreApi()
  const view = usePodflow((s) => s.view)
  const theme = usePodflow((s) => s.theme)
  const lang = usePodflow((s) => s.language)
  const canAddWorker = usePodflow((s) => actionById('cluster.add-worker')?.available(s, CLUSTER) ?? false)
  const create = async (item: string) => {
    const r = await performAction(api, 'cluster.create-from-gallery', CLUSTER, { item })
    if (!r.ok) report(r.message)
  }
  const addWorker = async () => {
    const r = await performAction(api, 'cluster.add-worker', CLUSTER)
    if (!r.ok) report(r.message)
  }
  return (
    <header className="flex items-center gap-3 border-b border-slate-300 bg-white px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900">
      <h1 className="text-lg font-bold tracking-tight">
        <span className="text-sky-600">⎈</span> {t('title')}
        <span className="ml-2 hidden text-xs font-normal text-slate-500 lg:inline">{t('tagline')}</span>
      </h1>
      <nav className="ml-2 flex rounded-md border border-slate-300 dark:border-slate-600" role="tablist">
        {VIEWS.map((v) => (
          <button key={v} role="tab" aria-selected={view === v} data-testid={`view-${v}`} className={`px-3 py-1 text-sm ${view === v ? 'bg-sky-600 text-white' : ''}`} onClick={() => api.getState().setView(v)}>
            {t(`views.${v}`)}
          </button>
        ))}
      </nav>
      <select data-testid="create" aria-label={t('create')} className="pf-input" value="" onChange={(e) => e.target.value && void create(e.target.value)}>
        <option value="">{t('create')}</option>
        {GALLERY.map((g) => <option key={g.id} value={g.id}>{g.label[lang]}</option>)}
      </select>
      <button className="pf-btn" disabled={!canAddWorker} onClick={() => void addWorker()}>{actionById('cluster.add-worker')?.label[lang]}</button>
      <div className="ml-auto flex items-center gap-2">
        <button data-testid="share" className="pf-btn" onClick={onShare}>{t('share')}</button>
        <button className="pf-btn" onClick={onReset}>{t('reset')}</button>
        <button data-testid="theme" className="pf-btn" title={t('theme.toggle')} onClick={() => api.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}>
          {theme === 'dark' ? '☾' : '☀'} {t(`theme.${theme}`)}
        </button>
        <select data-testid="language" aria-label={t('language')} className="pf-input" value={lang} onChange={(e) => api.getState().setLanguage(e.target.value as 'en' | 'zh')}>
          <option value="en">English</option>
          <option value="zh">简体中文</option>
        </select>
        <button data-testid="about" className="pf-btn" onClick={onAbout}>{t('help')}</button>
      </div>
    </header>
  )
}
