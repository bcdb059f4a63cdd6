// The bottom dock under the timeline: one tab at a time (events feed, terminal, editor). A tab's
// panel mounts the first time it is opened and then stays mounted (hidden), so a terminal keeps
// its scrollback and an editor its text while the learner looks at the events.
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePodflow } from '../store-context'
import { DOCK_TABS } from './tabs'

export function BottomDock() {
  const { t } = useTranslation('chrome')
  const open = usePodflow((s) => s.dock)
  const setDock = usePodflow((s) => s.setDock)
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set([open]))
  if (!seen.has(open)) setSeen(new Set([...seen, open]))
  return (
    <div className="flex h-full flex-col">
      <div role="tablist" aria-label={t('dock.label')} className="flex shrink-0 gap-1 border-b border-slate-300 px-2 text-xs dark:border-slate-700">
        {DOCK_TABS.map((tab) => (
          <button
            key={tab.id}
            role="tab"
            aria-selected={open === tab.id}
            data-testid={`dock-tab-${tab.id}`}
            onClick={() => setDock(tab.id)}
            className={`-mb-px border-b-2 px-2 py-1 ${open === tab.id ? 'border-sky-500 text-slate-900 dark:text-slate-100' : 'border-transparent text-slate-500 hover:text-slate-800 dark:hover:text-slate-200'}`}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      {DOCK_TABS.filter((tab) => seen.has(tab.id)).map((tab) => (
        <div key={tab.id} role="tabpanel" hidden={open !== tab.id} className="min-h-0 flex-1" data-testid={`dock-panel-${tab.id}`}>
          <Suspense fallback={null}>
            <tab.panel />
          </Suspense>
        </div>
      ))}
    </div>
  )
}
