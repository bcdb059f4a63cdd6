// The Inspector (right-hand panel): the selected object's summary, actions, status, events, live
// YAML and, per kind, a pod's containers and logs, a node's allocation and pods, a Service's
// endpoints, a pending pod's per-node reasons. It subscribes to the object by id; derived text
// (YAML, describe, logs) comes memoised from the store's inspect slice.
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KObject } from '../../engine'
import { targetOf } from '../../store'
import { usePodflow } from '../store-context'
import { Actions } from './inspector/Actions'
import { Conditions } from './inspector/Conditions'
import { Events } from './inspector/Events'
import { Logs } from './inspector/Logs'
import { NodeDetails } from './inspector/NodeDetails'
import { OwnerLinks } from './inspector/OwnerLinks'
import { isPending, PendingReasons } from './inspector/PendingReasons'
import { PodContainers } from './inspector/PodContainers'
import { ServiceDetails } from './inspector/ServiceDetails'
import { Summary } from './inspector/Summary'
import { Guard, Muted } from './inspector/ui'
import { Yaml } from './inspector/Yaml'

type Tab = 'overview' | 'events' | 'yaml' | 'logs'

function Hint() {
  const { t } = useTranslation('panels')
  return (
    <div className="space-y-2 p-4" data-testid="inspector-hint">
      <p className="text-sm text-slate-700 dark:text-slate-300">{t('hint')}</p>
      <Muted>{t('hintMore')}</Muted>
    </div>
  )
}

function Tabs({ tabs, active, onTab }: { tabs: Tab[]; active: Tab; onTab: (t: Tab) => void }) {
  const { t } = useTranslation('panels')
  return (
    <div role="tablist" className="flex gap-1 border-b border-slate-200 px-3 dark:border-slate-800">
      {tabs.map((tab) => (
        <button
          key={tab}
          role="tab"
          type="button"
          aria-selected={tab === active}
          className={`-mb-px border-b-2 px-2 py-1 text-xs ${tab === active ? 'border-[#0072B2] font-semibold' : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100'}`}
          onClick={() => onTab(tab)}
        >
          {t(`tabs.${tab}`)}
        </button>
      ))}
    </div>
  )
}

function Overview({ id, obj, plural, onLogs }: { id: string; obj: KObject; plural: string; onLogs: (container: string) => void }) {
  return (
    <>
      <Guard resetKey={obj}>
        <Summary id={id} obj={obj} />
      </Guard>
      {plural === 'pods' && isPending(obj) && (
        <Guard resetKey={obj}>
          <PendingReasons id={id} pod={obj} />
        </Guard>
      )}
      {plural === 'pods' && (
        <Guard resetKey={obj}>
          <PodContainers id={id} pod={obj} onLogs={onLogs} />
        </Guard>
      )}
      {plural === 'nodes' && (
        <Guard resetKey={obj}>
          <NodeDetails node={obj} />
        </Guard>
      )}
      {plural === 'services' && (
        <Guard resetKey={obj}>
          <ServiceDetails id={id} svc={obj} />
        </Guard>
      )}
      <Guard resetKey={obj}>
        <Conditions obj={obj} />
      </Guard>
      <Guard resetKey={obj}>
        <OwnerLinks id={id} />
      </Guard>
    </>
  )
}

function ObjectInspector({ id, tab, onTab }: { id: string; tab: Tab; onTab: (t: Tab) => void }) {
  const { t } = useTranslation('panels')
  const obj = usePodflow((s) => s.object(id))
  const yaml = usePodflow((s) => s.inspectYaml(id))
  const select = usePodflow((s) => s.select)
  const [logs, setLogs] = useState<{ container?: string; previous: boolean }>({ previous: false })
  // The last state seen, so a deleted object still shows what it was.
  const last = useRef<{ obj?: KObject; yaml?: string }>({})
  if (obj) last.current.obj = obj
  if (yaml !== undefined) last.current.yaml = yaml
  const target = targetOf(id)
  const name = target.kind === 'object' ? target.name : id
  const plural = id.slice(0, id.indexOf('/'))
  const known = obj ?? last.current.obj
  const deleted = !obj && !!last.current.obj
  const tabs: Tab[] = obj ? (plural === 'pods' ? ['overview', 'events', 'yaml', 'logs'] : ['overview', 'events', 'yaml']) : ['yaml', 'events']
  const active = tabs.includes(tab) ? tab : tabs[0]
  const showLogs = (container: string) => {
    setLogs({ container, previous: false })
    onTab('logs')
  }
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="inspector">
      <header className="flex items-start gap-2 px-3 pt-2">
        <div className="min-w-0 flex-1">
          <div className="text-[11px] uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {known?.kind ?? plural}
            {target.kind === 'object' && target.namespace ? ` · ${target.namespace}` : ''}
          </div>
          <h2 className="truncate font-mono text-sm font-semibold" title={name}>
            {name}
          </h2>
        </div>
        <button type="button" aria-label={t('close')} className="rounded px-1.5 text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-800" onClick={() => select(null)}>
          ×
        </button>
      </header>
      {deleted && (
        <div role="status" className="mx-3 mt-2 rounded border border-[#D55E00] px-2 py-1 text-xs">
          <p className="font-semibold">{t('deleted', { kind: (known?.kind ?? plural).toLowerCase(), name })}</p>
          <p className="text-slate-600 dark:text-slate-400">{t('deletedHint')}</p>
        </div>
      )}
      {!known ? (
        <div className="p-3">
          <Muted>{t('notFound', { id })}</Muted>
        </div>
      ) : (
        <>
          {obj && <Actions id={id} />}
          <Tabs tabs={tabs} active={active} onTab={onTab} />
          <div className="flex min-h-0 flex-1 flex-col overflow-auto">
            {active === 'overview' && obj && <Overview id={id} obj={obj} plural={plural} onLogs={showLogs} />}
            <Guard resetKey={obj}>
              {active === 'events' && <Events id={id} />}
              {active === 'yaml' && <Yaml id={id} yaml={yaml ?? last.current.yaml} live={!!obj} />}
              {active === 'logs' && obj && <Logs id={id} pod={obj} container={logs.container} previous={logs.previous} onChange={(container, previous) => setLogs({ container, previous })} />}
            </Guard>
          </div>
        </>
      )}
    </div>
  )
}

export function Inspector() {
  const { t } = useTranslation('panels')
  const selected = usePodflow((s) => s.selected)
  const [tab, setTab] = useState<Tab>('overview')
  return (
    <section className="flex h-full min-h-0 flex-col" aria-label={t('inspector')}>
      {selected ? <ObjectInspector key={selected} id={selected} tab={tab} onTab={setTab} /> : <Hint />}
    </section>
  )
}
