// The small form an action with inputs opens (replicas, image, gallery item). The store
// validates; its message shows inline and the form stays open.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { performAction } from '../../store'
import { usePodflow, useStoreApi } from '../store-context'
import type { PendingForm } from './action-runner'

export function ActionForm({ form, onClose }: { form: PendingForm; onClose: () => void }) {
  const { t } = useTranslation('chrome')
  const lang = usePodflow((s) => s.language)
  const api = useStoreApi()
  const { action, target } = form
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries((action.input ?? []).map((f) => [f.name, String(f.initial?.(api.getState(), target) ?? '')])),
  )
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const r = await performAction(api, action.id, target, values)
    setBusy(false)
    if (r.ok) onClose()
    else setError(r.message)
  }
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40" onClick={onClose}>
      <form data-testid="action-form" onSubmit={(e) => void submit(e)} onClick={(e) => e.stopPropagation()} className="w-96 rounded-lg bg-white p-4 shadow-2xl dark:bg-slate-800">
        <h2 className="mb-3 text-base font-semibold">{action.label[lang]}</h2>
        {(action.input ?? []).map((f) => (
          <label key={f.name} className="mb-3 block text-sm">
            <span className="mb-1 block text-slate-600 dark:text-slate-300">{f.label[lang]}</span>
            {f.type === 'choice' ? (
              <select name={f.name} className="pf-input w-full" value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}>
                {(f.choices ?? []).map((c) => <option key={c.value} value={c.value}>{c.label[lang]}</option>)}
              </select>
            ) : (
              <input name={f.name} autoFocus className="pf-input w-full" inputMode={f.type === 'integer' ? 'numeric' : undefined} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
            )}
          </label>
        ))}
        {error && <p role="alert" className="mb-3 whitespace-pre-wrap rounded bg-red-100 p-2 font-mono text-xs text-red-900 dark:bg-red-950 dark:text-red-200">{error}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" className="pf-btn" onClick={onClose}>{t('form.cancel')}</button>
          <button type="submit" className="pf-btn pf-btn-primary" disabled={busy}>{t('form.submit')}</button>
        </div>
      </form>
    </div>
  )
}
