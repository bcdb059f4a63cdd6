// The object at a glance: kind, namespace, age, labels and its `kubectl get -o wide` columns.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { KObject } from '../../../engine'
import { timestampMs } from '../../../store'
import { usePodflow } from '../../store-context'
import { Age, KeyValues, ObjectLink, Section } from './ui'

/** Columns whose value names a node: shown as links. */
const NODE_COLUMNS = new Set(['NODE', 'NOMINATED NODE'])

export function Summary({ id, obj }: { id: string; obj: KObject }) {
  const { t } = useTranslation('panels')
  const row = usePodflow((s) => s.inspectRow(id))
  const labels = Object.entries((obj.metadata?.labels ?? {}) as Record<string, string>)
  const rows: [string, ReactNode][] = [[t('summary.kind'), `${obj.kind ?? ''}${obj.apiVersion ? ` (${obj.apiVersion})` : ''}`]]
  if (obj.metadata?.namespace) rows.push([t('summary.namespace'), obj.metadata.namespace])
  rows.push([t('summary.created'), <Age key="age" at={timestampMs(obj.metadata?.creationTimestamp)} ago />])
  if (row) {
    row.columns.forEach((col, i) => {
      const cell = row.cells[i] ?? ''
      if (col === 'AGE') return
      rows.push([col, NODE_COLUMNS.has(col) && cell && cell !== '<none>' ? <ObjectLink id={`nodes/${cell}`}>{cell}</ObjectLink> : cell])
    })
  }
  return (
    <Section title={t('summary.title')} testId="inspector-summary">
      <KeyValues rows={rows} />
      <div className="mt-1 flex flex-wrap gap-1" aria-label={t('summary.labels')}>
        {labels.map(([k, v]) => (
          <span key={k} className="rounded bg-slate-200 px-1.5 py-0.5 font-mono text-[10px] text-slate-700 dark:bg-slate-800 dark:text-slate-300">
            {k}={v}
          </span>
        ))}
      </div>
    </Section>
  )
}
