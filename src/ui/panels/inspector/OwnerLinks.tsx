// Who owns this object (ownerReferences) and what it owns (Deployment → ReplicaSet → Pods), as links.
import { useTranslation } from 'react-i18next'
import type { ObjectLink as Link } from '../../../store'
import { usePodflow } from '../../store-context'
import { ObjectLink, Section } from './ui'

function LinkList({ links }: { links: Link[] }) {
  const { t } = useTranslation('panels')
  return (
    <ul className="space-y-0.5 text-xs">
      {links.map((l) => (
        <li key={`${l.kind}/${l.name}`}>
          <span className="text-slate-500 dark:text-slate-400">{l.kind} </span>
          <ObjectLink id={l.id}>{l.name}</ObjectLink>
          {l.controller && <span className="text-slate-500 dark:text-slate-400"> ({t('owners.controller')})</span>}
        </li>
      ))}
    </ul>
  )
}

export function OwnerLinks({ id }: { id: string }) {
  const { t } = useTranslation('panels')
  const links = usePodflow((s) => s.ownerLinks(id))
  return (
    <>
      {links.owners.length > 0 && (
        <Section title={t('owners.ownedBy')} testId="owners">
          <LinkList links={links.owners} />
        </Section>
      )}
      {links.dependents.length > 0 && (
        <Section title={t('owners.owns')} testId="dependents">
          <LinkList links={links.dependents} />
        </Section>
      )}
    </>
  )
}
