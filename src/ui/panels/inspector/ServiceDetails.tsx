// A Service: type, cluster IP, ports, selector, and its Endpoints' addresses (ready and not
// ready), each linked to its pod.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { KObject } from '../../../engine'
import { usePodflow } from '../../store-context'
import { Badge, KeyValues, Muted, ObjectLink, Section } from './ui'

interface Port {
  name?: string
  port?: number
  targetPort?: number | string
  nodePort?: number
  protocol?: string
}

/** kubectl get svc's PORT(S) cell for one port: `80:30080/TCP`, with the target port after →. */
function portText(p: Port): string {
  const base = `${p.port ?? ''}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`
  const target = p.targetPort !== undefined && String(p.targetPort) !== String(p.port) ? ` → ${p.targetPort}` : ''
  return `${p.name ? `${p.name} ` : ''}${base}${target}`
}

export function ServiceDetails({ id, svc }: { id: string; svc: KObject }) {
  const { t } = useTranslation('panels')
  const eps = usePodflow((s) => s.serviceEndpoints(id))
  const spec = svc.spec ?? {}
  const ports: Port[] = Array.isArray(spec.ports) ? spec.ports : []
  const selector = Object.entries((spec.selector ?? {}) as Record<string, string>)
  const rows: [string, ReactNode][] = [
    [t('service.type'), spec.type ?? 'ClusterIP'],
    [t('service.clusterIP'), spec.clusterIP ?? '<none>'],
    [t('service.ports'), ports.map(portText).join(', ') || '<none>'],
    [t('service.selector'), selector.map(([k, v]) => `${k}=${v}`).join(',') || '<none>'],
  ]
  return (
    <>
      <Section title={t('service.title')} testId="service-details">
        <KeyValues rows={rows} />
      </Section>
      <Section title={t('service.endpoints')} testId="service-endpoints">
        {eps.addresses.length === 0 ? (
          <Muted>{eps.exists ? t('service.none') : t('service.noObject')}</Muted>
        ) : (
          <ul className="space-y-0.5 text-xs">
            {eps.addresses.map((a) => (
              <li key={`${a.ip}-${a.podId ?? ''}`} className="flex items-center gap-2">
                <Badge tone={a.ready ? 'ok' : 'waiting'}>{a.ready ? t('service.ready') : t('service.notReady')}</Badge>
                <span className="font-mono">{a.ports.length ? a.ports.map((p) => `${a.ip}:${p}`).join(', ') : a.ip}</span>
                {a.podId && <ObjectLink id={a.podId}>{a.podId.split('/').pop()}</ObjectLink>}
                {a.node && <span className="text-slate-500 dark:text-slate-400">@ <ObjectLink id={`nodes/${a.node}`}>{a.node}</ObjectLink></span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  )
}
