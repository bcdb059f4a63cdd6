// The app layout: toolbar on top; the graph with the timeline and events feed under it; the
// inspector on the right. Menus, forms and dialogs float above.
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { demoRun, targetOf, type UserAction } from '../store'
import { About } from '../ui/chrome/About'
import { ActionForm } from '../ui/chrome/ActionForm'
import { runAction, type PendingForm } from '../ui/chrome/action-runner'
import { ContextMenu, type MenuAt } from '../ui/chrome/ContextMenu'
import { FirstVisitHint } from '../ui/chrome/FirstVisitHint'
import { Notice } from '../ui/chrome/Notice'
import { Timeline } from '../ui/chrome/Timeline'
import { Toolbar } from '../ui/chrome/Toolbar'
import { useShortcuts } from '../ui/chrome/use-shortcuts'
import { Graph } from '../ui/graph/Graph'
import { BottomDock } from '../ui/dock/BottomDock'
import { Inspector } from '../ui/panels'
import { usePodflow, useStoreApi } from '../ui/store-context'

export function App({ storage }: { storage?: Storage }) {
  const { t } = useTranslation('chrome')
  const api = useStoreApi()
  const notice = usePodflow((s) => s.notice)
  const [flash, setFlash] = useState<string | null>(null)
  const [menu, setMenu] = useState<MenuAt | null>(null)
  const [form, setForm] = useState<PendingForm | null>(null)
  const [about, setAbout] = useState(false)
  const report = useCallback((msg: string) => setFlash(msg), [])
  const openForm = useCallback((f: PendingForm) => setForm(f), [])
  useShortcuts(report, openForm)

  const choose = useCallback(
    (a: UserAction) => {
      void runAction(api, a, targetOf(menu?.id ?? null), report).then((f) => f && setForm(f))
    },
    [api, menu, report],
  )
  const share = useCallback(() => {
    const url = api.getState().shareUrl(window.location.href.split('#')[0])
    window.history.replaceState(null, '', url)
    const shown = `${t('shareReady')}\n${url}`
    if (!navigator.clipboard) setFlash(shown)
    else navigator.clipboard.writeText(url).then(() => setFlash(t('shareCopied')), () => setFlash(shown))
  }, [api, t])
  const reset = useCallback(() => {
    if (!window.confirm(t('resetConfirm'))) return
    window.history.replaceState(null, '', window.location.href.split('#')[0])
    void api.getState().loadRun(demoRun())
  }, [api, t])

  return (
    <div className="flex h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Toolbar onShare={share} onReset={reset} onAbout={() => setAbout(true)} report={report} />
      <div className="flex min-h-0 flex-1">
        <main className="flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1" data-testid="graph">
            <Graph onContextMenu={(id, x, y) => setMenu({ id, x, y })} />
            <Notice text={flash ?? notice} onClose={() => (flash ? setFlash(null) : api.getState().clearNotice())} />
            <FirstVisitHint storage={storage} />
          </div>
          <Timeline />
          <div className="h-64 shrink-0 border-t border-slate-300 dark:border-slate-700">
            <BottomDock />
          </div>
        </main>
        <aside className="w-[400px] shrink-0 overflow-hidden border-l border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900">
          <Inspector />
        </aside>
      </div>
      {menu && <ContextMenu at={menu} onChoose={choose} onClose={() => setMenu(null)} />}
      {form && <ActionForm form={form} onClose={() => setForm(null)} />}
      {about && <About onClose={() => setAbout(false)} />}
    </div>
  )
}
