// kubectl create: -f manifests (pkg/cmd/create/create.go) and the generator subcommands
// deployment, service, namespace, job (create_deployment.go, create_service.go, create_namespace.go, create_job.go).
import type { NewObject } from '../../engine'
import { clone } from '../../engine'
import { arr, err, F, fail, int, out, str, type Command, type Ctx } from '../command'
import { loadManifests } from '../manifest'
import { apiErrorText, typeName } from '../util'
import { checkDryRun, createGenerated, dryRunMode } from '../write'
import { cronJobObject, deploymentObject, jobObject, namespaceObject, parseTcp, serviceObject } from '../generators'
import { LAST_APPLIED, namespaceFor, sortedJson } from './apply'

const COMMON = [F.output, F.dryRun, F.validate, F.fieldManager, { name: 'save-config', type: 'bool' as const }]

function usageError(ctx: Ctx, message: string): number {
  return fail(ctx, `${message}\nSee 'kubectl ${ctx.path} -h' for help and examples`)
}

/** cobra-style required flag check (runs before the command). */
function required(ctx: Ctx, ...names: string[]): number | undefined {
  const missing = names.filter((n) => !(n in ctx.flags))
  if (missing.length) return fail(ctx, `required flag(s) ${missing.map((m) => `"${m}"`).join(', ')} not set`)
  return undefined
}

function oneName(ctx: Ctx): string | number {
  if (ctx.args.length !== 1) return usageError(ctx, `exactly one NAME is required, got ${ctx.args.length}`)
  return ctx.args[0]
}

const deployment: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  dash: true,
  flags: [...COMMON, { name: 'image', type: 'strings' }, { name: 'replicas', short: 'r', type: 'int' }, { name: 'port', type: 'int' }],
  run(ctx) {
    const r = required(ctx, 'image')
    if (r !== undefined) return r
    const name = oneName(ctx)
    if (typeof name === 'number') return name
    const obj = deploymentObject(ctx.c, { name, images: arr(ctx, 'image'), replicas: int(ctx, 'replicas') ?? 1, port: int(ctx, 'port'), command: ctx.dashArgs })
    return createGenerated(ctx, obj, 'created', (s) => `failed to create deployment: ${s.message}`)
  },
}

const SERVICE_TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' }

const service: Command = {
  name: 'service',
  aliases: ['svc'],
  flags: [...COMMON, { name: 'tcp', type: 'strings' }, { name: 'clusterip', type: 'string' }, { name: 'node-port', type: 'int' }, { name: 'external-name', type: 'string' }],
  run(ctx) {
    const [kind, ...rest] = ctx.args
    const type = kind ? SERVICE_TYPES[kind.toLowerCase()] : undefined
    if (!type) {
      if (kind) return fail(ctx, `unknown command "${ctx.args.join(' ')}"\nSee 'kubectl create service -h' for help and examples`)
      err(ctx, 'Create a service using a specified subcommand.\n\nAliases:\nservice, svc\n\nAvailable Commands:\n  clusterip       Create a ClusterIP service\n  externalname    Create an ExternalName service\n  loadbalancer    Create a LoadBalancer service\n  nodeport        Create a NodePort service\n\nUsage:\n  kubectl create service [flags] [options]')
      return 1
    }
    const sub = { ...ctx, args: rest, path: `${ctx.path} ${kind.toLowerCase()}` }
    if (type === 'ExternalName') {
      const r = required(sub, 'external-name')
      if (r !== undefined) return r
    }
    const name = oneName(sub)
    if (typeof name === 'number') return name
    const tcp = arr(ctx, 'tcp')
    const clusterIP = str(ctx, 'clusterip')
    if (type !== 'ExternalName' && !tcp.length && clusterIP !== 'None') return fail(ctx, 'at least one tcp port specifier must be provided')
    const ports = parseTcp(tcp, int(ctx, 'node-port'))
    if (typeof ports === 'string') return fail(ctx, ports)
    const extra: Record<string, unknown> = {}
    if (clusterIP !== undefined) extra.clusterIP = clusterIP
    if (type === 'ExternalName') extra.externalName = str(ctx, 'external-name')
    const obj = serviceObject(name, type, ports, extra)
    return createGenerated(sub, obj, 'created', (s) => `failed to create ${type} service: ${s.message}`)
  },
}

const namespace: Command = {
  name: 'namespace',
  aliases: ['ns'],
  flags: COMMON,
  run(ctx) {
    const name = oneName(ctx)
    if (typeof name === 'number') return name
    return createGenerated(ctx, namespaceObject(name), 'created')
  },
}

const job: Command = {
  name: 'job',
  dash: true,
  flags: [...COMMON, { name: 'image', type: 'string' }, { name: 'from', type: 'string' }],
  run(ctx) {
    const name = oneName(ctx)
    if (typeof name === 'number') return name
    const image = str(ctx, 'image')
    const from = str(ctx, 'from')
    if (!image && !from) return fail(ctx, 'either --image or --from must be specified')
    if (image && from) return fail(ctx, "--image and --from can't be specified together")
    if (from) {
      const [t, cj] = from.split('/')
      if (!cj || !['cronjob', 'cronjobs', 'cj', 'cronjob.batch'].includes(t.toLowerCase())) return fail(ctx, `from must be an existing cronjob: ${from}`)
      const src = ctx.c.api.read('cronjobs', ctx.namespace, cj)
      if (!src.ok) {
        err(ctx, apiErrorText(src.status))
        return 1
      }
      const cron = src.value
      const tpl = clone(cron.spec?.jobTemplate ?? {})
      // create_job.go createJobFromCronJob: annotation + controller owner reference.
      const obj: NewObject = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name,
          annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tpl.metadata?.annotations ?? {}) },
          labels: tpl.metadata?.labels,
          ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cron.metadata.name, uid: cron.metadata.uid, controller: true }],
        },
        spec: tpl.spec,
      }
      if (!obj.metadata.labels) delete obj.metadata.labels
      return createGenerated(ctx, obj, 'created', (s) => `failed to create job: ${s.message}`)
    }
    return createGenerated(ctx, jobObject(name, image as string, ctx.dashArgs ?? []), 'created', (s) => `failed to create job: ${s.message}`)
  },
}

const cronjob: Command = {
  name: 'cronjob',
  aliases: ['cj'],
  dash: true,
  flags: [...COMMON, { name: 'image', type: 'string' }, { name: 'schedule', type: 'string' }, { name: 'restart', type: 'string' }],
  run(ctx) {
    const name = oneName(ctx)
    if (typeof name === 'number') return name
    // create_cronjob.go Validate / Complete: --restart defaults to OnFailure.
    const image = str(ctx, 'image')
    const schedule = str(ctx, 'schedule')
    if (!image) return fail(ctx, '--image must be specified')
    if (!schedule) return fail(ctx, '--schedule must be specified')
    const restart = str(ctx, 'restart') || 'OnFailure'
    return createGenerated(ctx, cronJobObject(name, image, schedule, restart, ctx.dashArgs ?? []), 'created', (s) => `failed to create cronjob: ${s.message}`)
  },
}

/** `--from-literal=k=v` and `--from-file=[key=]path` (virtual files) → data map. */
function sourceData(ctx: Ctx): Record<string, string> | string {
  const data: Record<string, string> = {}
  for (const lit of arr(ctx, 'from-literal')) {
    const i = lit.indexOf('=')
    if (i <= 0) return `invalid literal source ${lit}, expected key=value`
    data[lit.slice(0, i)] = lit.slice(i + 1)
  }
  for (const f of arr(ctx, 'from-file')) {
    const i = f.indexOf('=')
    const key = i > 0 ? f.slice(0, i) : f.split('/').pop() as string
    const path = i > 0 ? f.slice(i + 1) : f
    const text = ctx.io.files?.[path]
    if (text === undefined) return `error reading ${path}: no such file or directory`
    data[key] = text
  }
  return data
}

/** UTF-8 → base64 without Node's Buffer (the browser runs this too). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}

const SOURCE_FLAGS = [{ name: 'from-literal', type: 'strings' as const, noSplit: true }, { name: 'from-file', type: 'strings' as const, noSplit: true }, { name: 'from-env-file', type: 'strings' as const, noSplit: true }]

const configmap: Command = {
  name: 'configmap',
  aliases: ['cm'],
  flags: [...COMMON, ...SOURCE_FLAGS, { name: 'append-hash', type: 'bool' }],
  run(ctx) {
    const name = oneName(ctx)
    if (typeof name === 'number') return name
    const data = sourceData(ctx)
    if (typeof data === 'string') return fail(ctx, data)
    const obj: NewObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null, name } as unknown as NewObject['metadata'] }
    if (Object.keys(data).length) obj.data = data
    return createGenerated(ctx, obj, 'created')
  },
}

const secret: Command = {
  name: 'secret',
  flags: [...COMMON, ...SOURCE_FLAGS, { name: 'type', type: 'string' }, { name: 'append-hash', type: 'bool' }],
  run(ctx) {
    const [kind, ...rest] = ctx.args
    if (kind !== 'generic') {
      if (kind) return fail(ctx, `unknown command "${ctx.args.join(' ')}"\nSee 'kubectl create secret -h' for help and examples`)
      err(ctx, 'Create a secret with specified type.\n\nAvailable Commands:\n  generic           Create a secret from a local file, directory, or literal value\n\nUsage:\n  kubectl create secret (docker-registry | generic | tls) [options]')
      return 1
    }
    const sub = { ...ctx, args: rest, path: `${ctx.path} generic` }
    const name = oneName(sub)
    if (typeof name === 'number') return name
    const data = sourceData(ctx)
    if (typeof data === 'string') return fail(ctx, data)
    const encoded: Record<string, string> = {}
    for (const [k, v] of Object.entries(data)) encoded[k] = base64(v)
    const obj: NewObject = { apiVersion: 'v1', kind: 'Secret', metadata: { creationTimestamp: null, name } as unknown as NewObject['metadata'] }
    if (Object.keys(encoded).length) obj.data = encoded
    obj.type = str(ctx, 'type') ?? 'Opaque'
    return createGenerated(sub, obj, 'created')
  },
}

export const create: Command = {
  name: 'create',
  sub: [deployment, service, namespace, job, cronjob, configmap, secret],
  flags: [...COMMON, F.filename, F.recursive, F.selector, { name: 'edit', type: 'bool' }, { name: 'raw', type: 'string' }],
  run(ctx) {
    const files = arr(ctx, 'filename')
    if (!files.length) {
      // create.go: no -f prints this, then DefaultSubCommandRun (help, or an unknown-command error).
      ctx.io.err('Error: must specify one of -f and -k\n\n')
      if (ctx.args.length) return fail(ctx, `unknown command "${ctx.args.join(' ')}"\nSee 'kubectl create -h' for help and examples`)
      err(ctx, `Create a resource from a file or from stdin.\n\nAvailable Commands:\n  cronjob       Create a cron job with the specified name\n  deployment    Create a deployment with the specified name\n  job           Create a job with the specified name\n  namespace     Create a namespace with the specified name\n  service       Create a service using a specified subcommand\n\nUsage:\n  kubectl create -f FILENAME [options]`)
      return 1
    }
    if (ctx.args.length) return fail(ctx, `Unexpected args: [${ctx.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`)
    const bad = checkDryRun(ctx)
    if (bad) return fail(ctx, bad)
    const loaded = loadManifests(ctx.io, files)
    if (!loaded.ok) return fail(ctx, loaded.message)
    if (!loaded.value.length) return fail(ctx, 'no objects passed to create')
    const errors: string[] = []
    const dry = dryRunMode(ctx)
    for (const m of loaded.value) {
      const { ns, error } = namespaceFor(ctx, m)
      if (error) { errors.push(`error: ${error}`); continue }
      const obj = clone(m.obj)
      if (ns) obj.metadata.namespace = ns
      if (ctx.flags['save-config'] === true) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: sortedJson(m.obj) + '\n' }
      const id = typeName(m.info, obj.metadata.name ?? '')
      if (dry !== 'none') { out(ctx, `${id} created (${dry === 'client' ? 'dry run' : 'server dry run'})`); continue }
      const r = ctx.c.api.create(obj, { namespace: ns })
      if (!r.ok) { errors.push(apiErrorText(r.status, obj.kind, obj.metadata.name, { verb: 'creating', file: m.source })); continue }
      out(ctx, `${typeName(m.info, r.value.metadata.name)} created`)
    }
    for (const e of errors) err(ctx, e)
    return errors.length ? 1 : 0
  },
}
