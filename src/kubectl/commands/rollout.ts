// kubectl rollout status|history|undo|restart|pause|resume (pkg/cmd/rollout/*,
// pkg/polymorphichelpers/rollout_status.go, history.go, rollback.go, objectrestarter.go).
import type { KObject } from '../../engine'
import { clone } from '../../engine'
import { rfc3339 } from '../../engine/sim/time'
import { bool, err, F, fail, int, out, str, type Command, type Ctx } from '../command'
import { resolveType, typeName, apiErrorText, type ResourceInfo } from '../util'

const REVISION = 'deployment.kubernetes.io/revision'

function target(ctx: Ctx): { info: ResourceInfo; obj: KObject } | number {
  if (!ctx.args.length) return fail(ctx, `required resource not specified\nSee 'kubectl ${ctx.path} -h' for help and examples`)
  let t: string, name: string | undefined
  if (ctx.args[0].includes('/')) [t, name] = ctx.args[0].split('/')
  else [t, name] = ctx.args
  const info = resolveType(t)
  if (!info) return fail(ctx, `the server doesn't have a resource type "${t}"`)
  if (!name) return fail(ctx, `required resource not specified\nSee 'kubectl ${ctx.path} -h' for help and examples`)
  const r = ctx.c.api.read(info.plural, ctx.namespace, name)
  if (!r.ok) { err(ctx, apiErrorText(r.status)); return 1 }
  return { info, obj: r.value }
}

/** rollout_status.go: the status line and whether the rollout is done; error text when it failed. */
export function rolloutStatus(obj: KObject): { text: string; done: boolean; error?: string } {
  const st = obj.status ?? {}
  const name = obj.metadata.name
  const gen = obj.metadata.generation ?? 0
  if (obj.kind === 'Deployment') {
    if (gen > (st.observedGeneration ?? 0)) return { text: 'Waiting for deployment spec update to be observed...', done: false }
    const prog = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing')
    if (prog?.reason === 'ProgressDeadlineExceeded') return { text: '', done: false, error: `deployment "${name}" exceeded its progress deadline` }
    const want = obj.spec?.replicas ?? 1
    const updated = st.updatedReplicas ?? 0
    if (updated < want) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`, done: false }
    if ((st.replicas ?? 0) > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...`, done: false }
    if ((st.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...`, done: false }
    return { text: `deployment "${name}" successfully rolled out`, done: true }
  }
  if (obj.kind === 'DaemonSet') {
    if (gen > (st.observedGeneration ?? 0)) return { text: 'Waiting for daemon set spec update to be observed...', done: false }
    const want = st.desiredNumberScheduled ?? 0
    if ((st.updatedNumberScheduled ?? 0) < want) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${want} new pods have been updated...`, done: false }
    if ((st.numberAvailable ?? 0) < want) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${want} updated pods are available...`, done: false }
    return { text: `daemon set "${name}" successfully rolled out`, done: true }
  }
  // StatefulSet (RollingUpdate).
  if (gen > (st.observedGeneration ?? 0)) return { text: 'Waiting for statefulset spec update to be observed...', done: false }
  const want = obj.spec?.replicas ?? 1
  if ((st.readyReplicas ?? 0) < want) return { text: `Waiting for ${want - (st.readyReplicas ?? 0)} pods to be ready...`, done: false }
  const partition = obj.spec?.updateStrategy?.rollingUpdate?.partition ?? 0
  if (partition > 0) {
    if ((st.updatedReplicas ?? 0) < want - partition) return { text: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${want - partition} new pods have been updated...`, done: false }
    return { text: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...`, done: true }
  }
  if (st.updateRevision !== st.currentRevision) return { text: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...`, done: false }
  return { text: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...`, done: true }
}

const STATUS_CAP_MS = 3600_000

function parseDuration(s: string | undefined): number | undefined {
  if (!s) return undefined
  const m = /^(\d+)(ms|s|m|h)?$/.exec(s)
  if (!m) return undefined
  return Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3600_000 }[m[2] ?? 's'] as number)
}

const status: Command = {
  name: 'status',
  flags: [F.filename, F.selector, F.timeout, { name: 'watch', short: 'w', type: 'bool' }, { name: 'revision', type: 'int' }],
  async run(ctx) {
    const t = target(ctx)
    if (typeof t === 'number') return t
    const { info, obj } = t
    if (!['deployments', 'daemonsets', 'statefulsets'].includes(info.plural)) return fail(ctx, `no status viewer has been implemented for ${obj.kind}`)
    const get = () => ctx.c.api.get(info.plural, obj.metadata.namespace, obj.metadata.name)
    let cur = obj
    let s = rolloutStatus(cur)
    if (s.error) return fail(ctx, s.error)
    out(ctx, s.text)
    if (s.done || !bool(ctx, 'watch', true)) return 0
    const timeout = parseDuration(str(ctx, 'timeout')) || STATUS_CAP_MS
    const end = ctx.c.now + timeout
    while (ctx.c.now < end) {
      let next: KObject | undefined
      const held = await ctx.io.waitUntil(() => {
        next = get()
        return !next || next.metadata.resourceVersion !== cur.metadata.resourceVersion
      }, end - ctx.c.now)
      if (!held) break
      if (!next) { err(ctx, `error: object has been deleted`); return 1 }
      cur = next
      s = rolloutStatus(cur)
      if (s.error) return fail(ctx, s.error)
      out(ctx, s.text)
      if (s.done) return 0
    }
    return fail(ctx, 'timed out waiting for the condition')
  },
}

function ownedReplicaSets(ctx: Ctx, d: KObject): KObject[] {
  return ctx.c.api.list('replicasets', { namespace: d.metadata.namespace, filter: (rs) => !!rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid) })
}

const rev = (rs: KObject) => Number(rs.metadata.annotations?.[REVISION] ?? 0)

function requireDeployment(ctx: Ctx, verb: string): { info: ResourceInfo; obj: KObject } | number {
  const t = target(ctx)
  if (typeof t === 'number') return t
  if (t.info.plural !== 'deployments') return fail(ctx, `no ${verb} has been implemented for ${t.obj.kind.toLowerCase()}s.${t.info.group || ''} "${t.obj.metadata.name}"`.replace('s. "', 's "'))
  return t
}

const history: Command = {
  name: 'history',
  flags: [F.filename, F.selector, F.output, { name: 'revision', type: 'int' }],
  run(ctx) {
    const t = requireDeployment(ctx, 'history viewer')
    if (typeof t === 'number') return t
    const rss = ownedReplicaSets(ctx, t.obj).filter((rs) => rev(rs) > 0).sort((a, b) => rev(a) - rev(b))
    const want = int(ctx, 'revision')
    if (want) {
      const rs = rss.find((x) => rev(x) === want)
      if (!rs) return fail(ctx, `unable to find the specified revision`)
      const tpl = rs.spec?.template ?? {}
      const lines = [`${typeName(t.info, t.obj.metadata.name)} with revision #${want}`, 'Pod Template:']
      const labels = Object.entries(tpl.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`)
      lines.push(`  Labels:\t${labels.join('\n\t')}`)
      for (const c of tpl.spec?.containers ?? []) lines.push(`  Containers:`, `   ${c.name}:`, `    Image:\t${c.image}`)
      out(ctx, lines.join('\n') + '\n')
      return 0
    }
    const rows = rss.map((rs) => [String(rev(rs)), rs.metadata.annotations?.['kubernetes.io/change-cause'] || '<none>'])
    const w = Math.max(8, ...rows.map((r) => r[0].length)) + 2
    const body = [`REVISION${' '.repeat(w - 8)}CHANGE-CAUSE`, ...rows.map((r) => r[0] + ' '.repeat(w - r[0].length) + r[1])]
    out(ctx, `${typeName(t.info, t.obj.metadata.name)} \n${body.join('\n')}\n`)
    return 0
  },
}

const undo: Command = {
  name: 'undo',
  flags: [F.filename, F.selector, F.dryRun, { name: 'to-revision', type: 'int' }],
  run(ctx) {
    const t = requireDeployment(ctx, 'rollbacker')
    if (typeof t === 'number') return t
    const d = t.obj
    if (d.spec?.paused) return fail(ctx, `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`)
    const rss = ownedReplicaSets(ctx, d).filter((rs) => rev(rs) > 0).sort((a, b) => rev(b) - rev(a))
    const to = int(ctx, 'to-revision') ?? 0
    let rs: KObject | undefined
    if (to > 0) {
      rs = rss.find((x) => rev(x) === to)
      if (!rs) return fail(ctx, `unable to find specified revision ${to} in history`)
    } else {
      const current = Number(d.metadata.annotations?.[REVISION] ?? 0)
      rs = rss.find((x) => rev(x) !== current && rev(x) < current) ?? rss.find((x) => rev(x) !== current)
      if (!rs) return fail(ctx, `no rollout history found for deployment "${d.metadata.name}"`)
    }
    const tpl = clone(rs.spec.template)
    if (tpl.metadata?.labels) delete tpl.metadata.labels['pod-template-hash']
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
    if (same(tpl, d.spec.template)) {
      out(ctx, `${typeName(t.info, d.metadata.name)} skipped rollback (current template already matches revision ${rev(rs)})`)
      return 0
    }
    const r = ctx.c.api.mutate('deployments', d.metadata.namespace, d.metadata.name, (o) => {
      o.spec.template = tpl
      const cause = rs!.metadata.annotations?.['kubernetes.io/change-cause']
      if (cause) o.metadata.annotations = { ...(o.metadata.annotations ?? {}), 'kubernetes.io/change-cause': cause }
    })
    if (!r.ok) { err(ctx, apiErrorText(r.status, 'Deployment', d.metadata.name)); return 1 }
    out(ctx, `${typeName(t.info, d.metadata.name)} rolled back`)
    return 0
  },
}

const restart: Command = {
  name: 'restart',
  flags: [F.filename, F.selector, F.dryRun, F.fieldManager],
  run(ctx) {
    const t = target(ctx)
    if (typeof t === 'number') return t
    const { info, obj } = t
    if (!['deployments', 'daemonsets', 'statefulsets'].includes(info.plural)) return fail(ctx, `${info.plural}${info.group ? '.' + info.group : ''} "${obj.metadata.name}" restarting is not supported`)
    if (obj.spec?.paused) return fail(ctx, `${info.plural}.${info.group} "${obj.metadata.name}" can't restart paused deployment (run rollout resume first)`)
    const r = ctx.c.api.mutate(info.plural, obj.metadata.namespace, obj.metadata.name, (o) => {
      const m = (o.spec.template.metadata ??= {})
      m.annotations = { ...(m.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': rfc3339(ctx.c.now) }
    })
    if (!r.ok) { err(ctx, apiErrorText(r.status)); return 1 }
    out(ctx, `${typeName(info, obj.metadata.name)} restarted`)
    return 0
  },
}

function pauser(name: 'pause' | 'resume'): Command {
  const pause = name === 'pause'
  return {
    name,
    flags: [F.filename, F.selector, F.fieldManager],
    run(ctx) {
      const t = target(ctx)
      if (typeof t === 'number') return t
      const { info, obj } = t
      if (info.plural !== 'deployments') return fail(ctx, `${info.plural}${info.group ? '.' + info.group : ''} "${obj.metadata.name}" ${pause ? 'pausing' : 'resuming'} is not supported`)
      if (!!obj.spec?.paused === pause) return fail(ctx, `${info.plural}.${info.group} "${obj.metadata.name}" is ${pause ? 'already paused' : 'not paused'}`)
      const r = ctx.c.api.mutate(info.plural, obj.metadata.namespace, obj.metadata.name, (o) => {
        if (pause) o.spec.paused = true
        else delete o.spec.paused
      })
      if (!r.ok) { err(ctx, apiErrorText(r.status)); return 1 }
      out(ctx, `${typeName(info, obj.metadata.name)} ${pause ? 'paused' : 'resumed'}`)
      return 0
    },
  }
}

export const rollout: Command = {
  name: 'rollout',
  sub: [status, history, undo, restart, pauser('pause'), pauser('resume')],
  flags: [],
  run(ctx) {
    // cobra DefaultSubCommandRun → RequireNoArguments.
    if (ctx.args.length) return fail(ctx, `unknown command "${ctx.args.join(' ')}"\nSee 'kubectl rollout -h' for help and examples`)
    err(ctx, `Manage the rollout of one or many resources.\n\nAvailable Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n  restart       Restart a resource\n  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout\n\nUsage:\n  kubectl rollout SUBCOMMAND [options]`)
    return 1
  },
}
