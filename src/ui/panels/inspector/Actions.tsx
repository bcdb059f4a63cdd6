// The registry's actions for the selected object (the same ones the context menu shows): a
// button each, disabled when not available now; actions that need input open a small inline form.
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { actionsFor, performAction, targetOf, type ActionInput, type ActionTarget, type InputField, type UserAction } from '../../../store'
import { usePodflow, useStoreApi } from '../../store-context'
import { useLang } from './ui'

/** Performs registry actions on a target, tracking which one runs and the last error. */
export function useActionRunner(target: ActionTarget) {
  const store = useStoreApi()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = async (actionId: string, input?: ActionInput): Promise<boolean> => {
    setBusy(actionId)
    setError(null)
    const r = await performAction(store, actionId, target, input)
    setBusy(null)
    if (!r.ok) setError(r.message)
    return r.ok
  }
  return { run, busy, error }
}

/** Availability of each action as a string ("1011"): re-render only when one flips. */
function useActions(target: ActionTarget) {
  const store = useStoreApi()
  const signature = usePodflow((s) => actionsFor(s, target).map((a) => (a.available ? '1' : '0')).join(''))
  // The signature stands for the state the availability was computed from.
  return useMemo(() => actionsFor(store.getState(), target), [store, target, signature])
}

function Field({ field, value, onChange }: { field: InputField; value: string; onChange: (v: string) => void }) {
  const lang = useLang()
  const cls = 'w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900'
  return (
    <label className="flex items-center gap-2 text-xs">
      <span className="w-20 shrink-0 text-slate-500 dark:text-slate-400">{field.label[lang]}</span>
      {field.type === 'choice' ? (
        <select className={cls} value={value} onChange={(e) => onChange(e.target.value)}>
          {(field.choices ?? []).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label[lang]}
            </option>
          ))}
        </select>
      ) : (
        <input className={cls} type={field.type === 'integer' ? 'number' : 'text'} min={field.min} max={field.max} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  )
}

function ActionForm({ action, target, busy, onSubmit, onCancel }: { action: UserAction; target: ActionTarget; busy: boolean; onSubmit: (input: ActionInput) => void; onCancel: () => void }) {
  const { t } = useTranslation('panels')
  const lang = useLang()
  const store = useStoreApi()
  const [values, setValues] = useState<Record<string, string>>(() => {
    const s = store.getState()
    return Object.fromEntries((action.input ?? []).map((f) => [f.name, String(f.initial?.(s, target) ?? f.choices?.[0]?.value ?? '')]))
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit(values)
  }
  return (
    <form className="mt-1 space-y-1 rounded border border-slate-300 p-2 dark:border-slate-700" onSubmit={submit} aria-label={action.label[lang]}>
      {(action.input ?? []).map((f) => (
        <Field key={f.name} field={f} value={values[f.name] ?? ''} onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))} />
      ))}
      <div className="flex justify-end gap-1">
        <button type="button" className="rounded px-2 py-0.5 text-xs hover:bg-slate-200 dark:hover:bg-slate-800" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
        <button type="submit" disabled={busy} className="rounded bg-[#0072B2] px-2 py-0.5 text-xs text-white disabled:opacity-50">
          {busy ? t('actions.working') : t('actions.run')}
        </button>
      </div>
    </form>
  )
}

export function Actions({ id }: { id: string }) {
  const { t } = useTranslation('panels')
  const lang = useLang()
  const target = useMemo(() => targetOf(id), [id])
  const actions = useActions(target)
  const { run, busy, error } = useActionRunner(target)
  const [open, setOpen] = useState<string | null>(null)
  if (actions.length === 0) return null
  const opened = actions.find((a) => a.action.id === open)
  return (
    <div className="px-3 py-2" role="group" aria-label={t('actions.title')}>
      <div className="flex flex-wrap gap-1">
        {actions.map(({ action, available }) => (
          <button
            key={action.id}
            type="button"
            disabled={!available || busy !== null}
            title={available ? undefined : t('actions.unavailable')}
            aria-expanded={action.input ? open === action.id : undefined}
            className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-200 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800"
            onClick={() => (action.input?.length ? setOpen(open === action.id ? null : action.id) : void run(action.id))}
          >
            {busy === action.id ? t('actions.working') : action.label[lang]}
          </button>
        ))}
      </div>
      {opened && (
        <ActionForm
          key={opened.action.id}
          action={opened.action}
          target={target}
          busy={busy !== null}
          onCancel={() => setOpen(null)}
          onSubmit={(input) => void run(opened.action.id, input).then((ok) => ok && setOpen(null))}
        />
      )}
      {error && (
        <p role="alert" className="mt-1 whitespace-pre-wrap font-mono text-xs text-[#D55E00]">
          {error}
        </p>
      )}
    </div>
  )
}
