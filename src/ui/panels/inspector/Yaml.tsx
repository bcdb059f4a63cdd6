// The live YAML (`kubectl get -o yaml`) or the `kubectl describe` text of the object. The parent
// passes the YAML so the last known text survives the object's deletion.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePodflow } from '../../store-context'

type Mode = 'yaml' | 'describe'

export function Yaml({ id, yaml, live }: { id: string; yaml: string | undefined; live: boolean }) {
  const { t } = useTranslation('panels')
  const [mode, setMode] = useState<Mode>('yaml')
  const [copied, setCopied] = useState(false)
  // describe is derived from many objects and ages: computed only while shown.
  const describe = usePodflow((s) => (mode === 'describe' && live ? s.inspectDescribe(id) : undefined))
  const text = mode === 'describe' && live ? describe : yaml
  const copy = () => {
    if (!text || typeof navigator === 'undefined' || !navigator.clipboard) return
    void navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))
  }
  const modeButton = (m: Mode, label: string) => (
    <button
      type="button"
      aria-pressed={mode === m}
      disabled={m === 'describe' && !live}
      className={`rounded px-2 py-0.5 text-xs disabled:opacity-40 ${mode === m ? 'bg-slate-300 dark:bg-slate-700' : 'hover:bg-slate-200 dark:hover:bg-slate-800'}`}
      onClick={() => {
        setMode(m)
        setCopied(false)
      }}
    >
      {label}
    </button>
  )
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-1 px-3 py-1">
        {modeButton('yaml', t('yaml.yaml'))}
        {modeButton('describe', t('yaml.describe'))}
        <span className="flex-1" />
        <button type="button" className="rounded px-2 py-0.5 text-xs hover:bg-slate-200 dark:hover:bg-slate-800" onClick={copy}>
          {copied ? t('yaml.copied') : t('yaml.copy')}
        </button>
      </div>
      <pre data-testid="inspector-yaml" className="min-h-0 flex-1 overflow-auto bg-slate-100 px-3 py-2 font-mono text-[11px] leading-snug text-slate-800 dark:bg-slate-900 dark:text-slate-200">
        {text ?? ''}
      </pre>
    </div>
  )
}
