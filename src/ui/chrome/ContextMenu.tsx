// Right-click menu: the registry's actions for the clicked object (or the cluster), greyed out
// when not available now. Closes on Escape, outside click or after choosing.
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { actionsFor, targetOf, type UserAction } from '../../store'
import { usePodflow, useStoreApi } from '../store-context'

export interface MenuAt {
  id: string | null
  x: number
  y: number
}

export function ContextMenu({ at, onChoose, onClose }: { at: MenuAt; onChoose: (a: UserAction) => void; onClose: () => void }) {
  const { t } = useTranslation('chrome')
  const lang = usePodflow((s) => s.language)
  const api = useStoreApi()
  const items = useMemo(() => actionsFor(api.getState(), targetOf(at.id)), [api, at])
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    const down = (e: PointerEvent) => !ref.current?.contains(e.target as Node) && onClose()
    window.addEventListener('keydown', key)
    window.addEventListener('pointerdown', down)
    return () => {
      window.removeEventListener('keydown', key)
      window.removeEventListener('pointerdown', down)
    }
  }, [onClose])
  const left = Math.min(at.x, window.innerWidth - 260)
  const top = Math.min(at.y, window.innerHeight - 40 - items.length * 30)
  return (
    <div ref={ref} role="menu" data-testid="context-menu" className="fixed z-50 min-w-56 rounded-md border border-slate-300 bg-white py-1 text-sm shadow-xl dark:border-slate-600 dark:bg-slate-800" style={{ left, top }}>
      <div className="px-3 py-1 text-xs text-slate-500">{at.id ? at.id.slice(at.id.indexOf('/') + 1) : t('menu.cluster')}</div>
      {items.length === 0 && <div className="px-3 py-1 text-slate-500">{t('menu.none')}</div>}
      {items.map(({ action, available }) => (
        <button
          key={action.id}
          role="menuitem"
          disabled={!available}
          className="flex w-full items-center justify-between gap-4 px-3 py-1 text-left hover:bg-sky-100 disabled:opacity-40 disabled:hover:bg-transparent dark:hover:bg-slate-700"
          onClick={() => {
            onClose()
            onChoose(action)
          }}
        >
          <span>{action.label[lang]}</span>
          {action.shortcut && <kbd className="text-xs text-slate-500">{action.shortcut === ' ' ? 'space' : action.shortcut}</kbd>}
        </button>
      ))}
    </div>
  )
}
