// A pod's containers — init, app and ephemeral — with state, readiness, restarts and the last
// terminated state (reason, exit code), each with its logs and, while running, a crash poke.
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { KObject } from '../../../engine'
import { actionById, humanDuration, targetOf, timestampMs } from '../../../store'
import type { Tone } from '../../palette'
import { usePodflow } from '../../store-context'
import { useActionRunner } from './Actions'
import { Badge, Section, useSimSecond } from './ui'

interface Terminated {
  exitCode?: number
  reason?: string
  message?: string
  startedAt?: string
  finishedAt?: string
}
interface ContainerState {
  running?: { startedAt?: string }
  waiting?: { reason?: string; message?: string }
  terminated?: Terminated
}
interface ContainerStatus {
  name: string
  state?: ContainerState
  lastState?: ContainerState
  ready?: boolean
  restartCount?: number
}

const CRASH = 'container.crash'
const FAILED_WAITING = /BackOff|Err|Invalid/

function stateTone(st: ContainerStatus | undefined, init: boolean): Tone {
  const s = st?.state
  if (s?.running) return st?.ready || init ? 'ok' : 'progress'
  if (s?.terminated) return s.terminated.exitCode === 0 ? 'done' : 'failed'
  if (s?.waiting) return FAILED_WAITING.test(s.waiting.reason ?? '') ? 'failed' : 'waiting'
  return 'off'
}

function StartedAgo({ at }: { at: number | undefined }) {
  const { t } = useTranslation('panels')
  const sec = useSimSecond()
  return <span>{at === undefined ? '' : t('containers.startedAgo', { age: humanDuration(sec * 1000 - at) })}</span>
}

function CrashButton({ podId, name }: { podId: string; name: string }) {
  const { t } = useTranslation('panels')
  const target = useMemo(() => targetOf(podId, name), [podId, name])
  const available = usePodflow((s) => actionById(CRASH)?.available(s, target) ?? false)
  const { run, busy, error } = useActionRunner(target)
  if (!available && !error) return null
  return (
    <>
      <button type="button" disabled={!available || busy !== null} className="rounded border border-slate-300 px-1.5 text-[11px] hover:bg-slate-200 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800" onClick={() => void run(CRASH)}>
        {t('containers.crash')}
      </button>
      {error && <span role="alert" className="text-[11px] text-[#D55E00]">{error}</span>}
    </>
  )
}

function Container({ podId, spec, status, init, crashable, onLogs }: { podId: string; spec: { name: string; image?: string }; status: ContainerStatus | undefined; init: boolean; crashable: boolean; onLogs: (name: string) => void }) {
  const { t } = useTranslation('panels')
  const s = status?.state
  const last = status?.lastState?.terminated
  let label = t('containers.notStarted')
  let detail: ReactNode = null
  if (s?.running) {
    label = t('containers.running')
    detail = <StartedAgo at={timestampMs(s.running.startedAt)} />
  } else if (s?.waiting) {
    label = `${t('containers.waiting')}: ${s.waiting.reason ?? ''}`
    detail = s.waiting.message ? <span className="break-words">{s.waiting.message}</span> : null
  } else if (s?.terminated) {
    label = `${t('containers.terminated')}: ${s.terminated.reason ?? ''}`
    detail = <span>{t('containers.exitCode', { code: s.terminated.exitCode ?? '?' })}</span>
  }
  return (
    <li className="rounded border border-slate-200 p-1.5 dark:border-slate-800" data-testid={`container-${spec.name}`}>
      <div className="flex items-center gap-2">
        <span className="font-mono text-xs font-semibold">{spec.name}</span>
        <Badge tone={stateTone(status, init)}>{label}</Badge>
        <span className="flex-1" />
        <button type="button" className="rounded border border-slate-300 px-1.5 text-[11px] hover:bg-slate-200 dark:border-slate-700 dark:hover:bg-slate-800" onClick={() => onLogs(spec.name)}>
          {t('containers.logs')}
        </button>
        {crashable && <CrashButton podId={podId} name={spec.name} />}
      </div>
      <dl className="mt-0.5 grid grid-cols-[max-content_1fr] gap-x-2 text-[11px] text-slate-600 dark:text-slate-400">
        <dt>{t('containers.image')}</dt>
        <dd className="truncate font-mono">{spec.image ?? ''}</dd>
        {detail && (
          <>
            <dt>{t('containers.state')}</dt>
            <dd>{detail}</dd>
          </>
        )}
        <dt>{t('containers.ready')}</dt>
        <dd>{status?.ready ? '✓' : '✗'}</dd>
        <dt>{t('containers.restarts')}</dt>
        <dd>{status?.restartCount ?? 0}</dd>
        {last && (
          <>
            <dt>{t('containers.lastState')}</dt>
            <dd>
              {t('containers.terminated')}: {last.reason ?? ''}, {t('containers.exitCode', { code: last.exitCode ?? '?' })}
            </dd>
          </>
        )}
      </dl>
    </li>
  )
}

/** The container lists of a pod spec: [title key, specs, statuses, init?]. */
export function containerGroups(pod: KObject) {
  const spec = pod.spec ?? {}
  const st = pod.status ?? {}
  // Entries without a name are not containers (an odd object must not break the panel).
  const named = <T extends { name: string }>(x: unknown): T[] => (Array.isArray(x) ? x.filter((c): c is T => typeof c?.name === 'string') : [])
  type Spec = { name: string; image?: string }
  return [
    { key: 'init', specs: named<Spec>(spec.initContainers), statuses: named<ContainerStatus>(st.initContainerStatuses), init: true },
    { key: 'app', specs: named<Spec>(spec.containers), statuses: named<ContainerStatus>(st.containerStatuses), init: false },
    { key: 'ephemeral', specs: named<Spec>(spec.ephemeralContainers), statuses: named<ContainerStatus>(st.ephemeralContainerStatuses), init: false },
  ] as const
}

export function PodContainers({ id, pod, onLogs }: { id: string; pod: KObject; onLogs: (container: string) => void }) {
  const { t } = useTranslation('panels')
  return (
    <>
      {containerGroups(pod)
        .filter((g) => g.specs.length > 0)
        .map((g) => (
          <Section key={g.key} title={t(`containers.${g.key}`)} testId={`containers-${g.key}`}>
            <ul className="space-y-1">
              {g.specs.map((c) => (
                <Container key={c.name} podId={id} spec={c} status={g.statuses.find((s) => s.name === c.name)} init={g.init} crashable={g.key === 'app'} onLogs={onLogs} />
              ))}
            </ul>
          </Section>
        ))}
    </>
  )
}
