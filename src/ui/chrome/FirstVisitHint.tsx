// A first-visit hint with three pokes to try; dismissed once, remembered in storage.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

export const HINT_KEY = 'podflow.hint.dismissed'

export function FirstVisitHint({ storage }: { storage?: Pick<Storage, 'getItem' | 'setItem'> }) {
  const { t } = useTranslation('chrome')
  const [open, setOpen] = useState(() => storage?.getItem(HINT_KEY) !== '1')
  if (!open) return null
  const dismiss = () => {
    storage?.setItem(HINT_KEY, '1')
    setOpen(false)
  }
  return (
    <aside data-testid="hint" className="absolute right-4 top-4 z-10 w-96 rounded-lg border border-sky-400 bg-white/95 p-3 text-sm shadow-lg dark:bg-slate-800/95">
      <h2 className="mb-1 font-semibold">{t('hint.title')}</h2>
      <ol className="mb-2 list-decimal space-y-1 pl-5">
        <li>{t('hint.one')}</li>
        <li>{t('hint.two')}</li>
        <li>{t('hint.three')}</li>
      </ol>
      <div className="text-right"><button className="pf-btn pf-btn-primary" onClick={dismiss}>{t('hint.dismiss')}</button></div>
    </aside>
  )
}
