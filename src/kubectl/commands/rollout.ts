// kubectl rollout status|history|undo|restart|pause|resume (pkg/cmd/rollout/*,
// pkg/polymorphichelpers/rollout_status.go, history.go, rollback.go, objectrestarter.go).
import type { KObject } from '../../engine'
import { rfc3339 } from '../../engine/sim/time'
import { bool, err, F, fail, int, out, str, type Command, type Ctx } from '../command'
import { resolveType, typeName, apiErrorText, type ResourceInfo } from '../util'
import { historyOf, historyTable, printTemplate, rollbackDeployment, rollbackFromRevisions } from './rollout-history'

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

/** rollout_status.go StatusViewer: the status line, whether the rollout is done, or an error. */
export function rolloutStatus(obj: KObject, revision = 0): { text: string; done: boolean; error?: string } {
  const st = obj.status ?? {}
  const name = obj.metadata.name
  const gen = obj.metadata.generation ?? 0
  if (obj.kind === 'Deployment') {
    // DeploymentStatusViewer.
    if (revision > 0) {
      const running = Number.parseInt(obj.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '0', 10) || 0
      if (revision !== running) return { text: '', done: false, error: `desired revision (${revision}) is different from the running revision (${running})` }
    }
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
    // DaemonSetStatusViewer.
    if ((obj.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { text: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' }
    if (gen > (st.observedGeneration ?? 0)) return { text: 'Waiting for daemon set spec update to be observed...', done: false }
    const want = st.desiredNumberScheduled ?? 0
    if ((st.updatedNumberScheduled ?? 0) < want) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${want} new pods have been updated...`, done: false }
    if ((st.numberAvailable ?? 0) < want) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${want} updated pods are available...`, done: false }
    return { text: `daemon set "${name}" successfully rolled out`, done: true }
  }
  // StatefulSetStatusViewer.
  const strategy = obj.spec?.updateStrategy ?? {}
  if (strategy.type === 'OnDelete') return { text: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' }
  if (!st.observedGeneration || gen > st.observedGeneration) return { text: 'Waiting for statefulset spec update to be observed...', done: false }
  const want = obj.spec?.replicas ?? 1
  if ((st.readyReplicas ?? 0) < want) return { text: `Waiting for ${want - (st.readyReplicas ?? 0)} pods to be ready...`, done: false }
  if ((strategy.type ?? 'RollingUpdate') === 'RollingUpdate' && strategy.rollingUpdate) {
    // A (defaulted) rollingUpdate, even with partition 0, gives the "partitioned" wording.
    const partition = strategy.rollingUpdate.partition
    if (typeof partition === 'number' && (st.updatedReplicas ?? 0) < want - partition) return { text: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${want - partition} new pods have been updated...`, done: false }
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
    const revision = int(ctx, 'revision') ?? 0
    let s = rolloutStatus(cur, revision)
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
      const prev = s.text
      s = rolloutStatus(cur, revision)
      if (s.error) return fail(ctx, s.error)
      // kubectl prints on every watch event; repeated identical lines are folded here.
      if (s.text !== prev) out(ctx, s.text)
      if (s.done) return 0
    }
    return fail(ctx, 'timed out waiting for the condition')
  },
}

function requireKind(ctx: Ctx, kinds: string[], what: string): { info: ResourceInfo; obj: KObject } | number {
  const t = target(ctx)
  if (typeof t === 'number') return t
  // schema.GroupKind.String() quoted with %q: "ReplicaSet.apps", "Pod".
  if (!kinds.includes(t.info.plural)) return fail(ctx, `no ${what} has been implemented for "${t.obj.kind}${t.info.group ? '.' + t.info.group : ''}"`)
  return t
}

const ROLLOUT_KINDS = ['deployments', 'daemonsets', 'statefulsets']

const history: Command = {
  name: 'history',
  flags: [F.filename, F.selector, F.output, { name: 'revision', type: 'int' }],
  run(ctx) {
    const t = requireKind(ctx, ROLLOUT_KINDS, 'history viewer')
    if (typeof t === 'number') return t
    const entries = historyOf(ctx.c, t.obj)
    const want = int(ctx, 'revision') ?? 0
    const name = typeName(t.info, t.obj.metadata.name)
    if (want > 0) {
      // ViewHistory with a revision: that revision's pod template (DescribePodTemplate).
      const e = entries.find((x) => x.revision === want)
      if (!e) return fail(ctx, 'unable to find the specified revision')
      out(ctx, `${name} with revision #${want}\n${printTemplate(e.template)}\n`)
      return 0
    }
    // NamePrinter: "<name> <operation>\n" with the table as the operation.
    out(ctx, `${name} \n${historyTable(entries)}\n`)
    return 0
  },
}

const undo: Command = {
  name: 'undo',
  flags: [F.filename, F.selector, F.dryRun, { name: 'to-revision', type: 'int' }],
  run(ctx) {
    const t = requireKind(ctx, ROLLOUT_KINDS, 'rollbacker')
    if (typeof t === 'number') return t
    const { info, obj } = t
    const to = int(ctx, 'to-revision') ?? 0
    // --dry-run=client shows the revision's template; =server patches nothing and says so.
    const dryRun = str(ctx, 'dry-run') ?? 'none'
    const client = dryRun === 'client' || dryRun === 'true' || dryRun === ''
    const server = dryRun === 'server'
    const r = info.plural === 'deployments' ? rollbackDeployment(ctx.c, obj, to, client) : rollbackFromRevisions(ctx.c, obj, to, client)
    if (!r.ok) return fail(ctx, r.error)
    if (server && r.patch) { out(ctx, `${typeName(info, obj.metadata.name)} ${r.message} (server dry run)`); return 0 }
    if (r.patch) {
      const res = ctx.c.api.mutate(info.plural, obj.metadata.namespace, obj.metadata.name, (o) => { r.patch!(o) })
      if (!res.ok) { err(ctx, apiErrorText(res.status, obj.kind, obj.metadata.name)); return 1 }
    }
    out(ctx, `${typeName(info, obj.metadata.name)} ${r.message}`)
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
    const stamp = rfc3339(ctx.c.now)
    // objectrestarter.go: the same second gives an empty patch (rollout_restart.go).
    if (obj.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] === stamp) return fail(ctx, `failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`)
    const r = ctx.c.api.mutate(info.plural, obj.metadata.namespace, obj.metadata.name, (o) => {
      const m = (o.spec.template.metadata ??= {})
      m.annotations = { ...(m.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': stamp }
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
