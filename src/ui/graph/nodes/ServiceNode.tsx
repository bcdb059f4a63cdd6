// A Service: name, type, ClusterIP and ports, and how many ready endpoints it has.
import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { TONE } from '../../palette'
import type { GraphNode } from '../layout'
import { SourceHandle } from './Handles'
import { useObject, useSelected } from './hooks'

type Json = any

function ServiceNodeImpl({ data }: NodeProps<GraphNode>) {
  const { t } = useTranslation('graph')
  const svc = useObject(data.id)
  const selected = useSelected(data.id)
  const count = data.count ?? 0
  const spec = svc?.spec ?? {}
  const ports = (spec.ports ?? []).map((p: Json) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',')
  const tone = TONE[count > 0 || spec.type === 'ExternalName' ? 'ok' : 'failed']
  return (
    <div data-testid="service" data-service={data.id.slice(9)} className={`flex h-full w-full flex-col justify-center rounded-full border-2 bg-white px-4 text-[11px] dark:bg-slate-800 ${selected ? 'ring-2 ring-sky-400' : ''}`} style={{ borderColor: tone.color }}>
      <SourceHandle side="left" />
      <div className="flex items-center gap-1 text-[12.5px] font-semibold">
        <span aria-hidden style={{ color: tone.color }}>⇄</span>
        <span className="truncate">{svc?.metadata.name ?? data.id}</span>
        <span className="ml-auto text-[10px] font-normal text-slate-500">{spec.type ?? 'ClusterIP'}</span>
      </div>
      <div className="truncate font-mono text-[10.5px] text-slate-600 dark:text-slate-300">{spec.clusterIP ?? ''} {ports}</div>
      <div className="text-[10.5px]" style={{ color: count ? undefined : tone.color }}>{count ? `${count} ${t('endpoints')}` : t('noEndpoints')}</div>
    </div>
  )
}

export const ServiceNode = memo(ServiceNodeImpl)
