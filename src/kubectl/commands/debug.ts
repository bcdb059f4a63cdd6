// kubectl debug (pkg/cmd/debug/debug.go, legacy profile as in kubectl 1.30): adds an ephemeral
// container through the pod's `ephemeralcontainers` subresource, or creates a node debugging pod.
import type { KObject } from '../../engine'
import { readContainerLog } from '../../engine/node/kubelet/logs'
import { clone } from '../../engine'
import { randomString } from '../../engine/sim/rng'
import { bool, err, F, fail, out, str, type Command, type Ctx } from '../command'
import { apiErrorText } from '../util'

const ATTACH_HINT = "If you don't see a command prompt, try pressing enter."
/** --pod-running-timeout default (1m). */
const RUNNING_TIMEOUT_MS = 60_000


function ecStatus(pod: KObject | undefined, name: string): { state?: Record<string, unknown> } | undefined {
  return (pod?.status?.ephemeralContainerStatuses ?? []).find((s: { name: string }) => s.name === name)
}

async function attach(ctx: Ctx, ns: string, podName: string, container: string, ephemeral: boolean): Promise<number> {
  const api = ctx.c.api
  const state = () => {
    const pod = api.get('pods', ns, podName)
    if (!ephemeral) return (pod?.status?.containerStatuses ?? []).find((s: { name: string }) => s.name === container)?.state
    return ecStatus(pod, container)?.state
  }
  const running = () => !!(state()?.running || state()?.terminated)
  if (!(await ctx.io.waitUntil(running, RUNNING_TIMEOUT_MS))) return fail(ctx, 'timed out waiting for the condition')
  if (bool(ctx, 'tty')) {
    // Interactive shells arrive with the browser terminal; a script host returns here.
    err(ctx, ATTACH_HINT)
    return 0
  }
  // -i without a TTY: the container's output streams until it exits.
  await ctx.io.waitUntil(() => !!state()?.terminated, ctx.io.streamLimitMs ?? RUNNING_TIMEOUT_MS)
  const r = readContainerLog(ctx.c, ns, podName, container, {})
  if (r.ok && r.value) ctx.io.out(r.value)
  return 0
}

async function debugNode(ctx: Ctx, node: string, image: string): Promise<number> {
  const api = ctx.c.api
  const n = api.read('nodes', undefined, node)
  if (!n.ok) { err(ctx, apiErrorText(n.status)); return 1 }
  const name = `node-debugger-${node}-${randomString(ctx.c.state, 5)}`
  const container: Record<string, unknown> = { name: 'debugger', image, stdin: bool(ctx, 'stdin'), tty: bool(ctx, 'tty'), terminationMessagePolicy: 'File', volumeMounts: [{ mountPath: '/host', name: 'host-root' }] }
  if (ctx.dashArgs?.length) container.command = ctx.dashArgs
  const pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: ctx.namespace },
    spec: {
      containers: [container], hostIPC: true, hostNetwork: true, hostPID: true, nodeName: node, restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }], volumes: [{ hostPath: { path: '/' }, name: 'host-root' }],
    },
  }
  const r = api.create(pod, { namespace: ctx.namespace })
  if (!r.ok) { err(ctx, apiErrorText(r.status, 'Pod', name)); return 1 }
  out(ctx, `Creating debugging pod ${name} with container debugger on node ${node}.`)
  if (bool(ctx, 'stdin')) return attach(ctx, ctx.namespace, name, 'debugger', false)
  return 0
}

export const debug: Command = {
  name: 'debug',
  dash: true,
  flags: [F.container, F.filename, { name: 'image', type: 'string' }, { name: 'target', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' }, { name: 'tty', short: 't', type: 'bool' }, { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'profile', type: 'string' }, { name: 'image-pull-policy', type: 'string' }, { name: 'arguments-only', type: 'bool' },
    { name: 'attach', type: 'bool' }, { name: 'copy-to', type: 'string' }, { name: 'env', type: 'strings', noSplit: true }],
  async run(ctx) {
    if (!ctx.args.length) return fail(ctx, `NAME is required for debug\nSee 'kubectl debug -h' for help and examples`)
    const image = str(ctx, 'image')
    const profile = str(ctx, 'profile') ?? 'legacy'
    if (!['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'].includes(profile)) return fail(ctx, `unknown profile: ${profile}`)
    if (str(ctx, 'copy-to')) return fail(ctx, '--copy-to is not supported by this simulator yet')
    const target = ctx.args[0]
    if (/^(node|nodes|no)\//.test(target)) {
      if (!image) return fail(ctx, '--image is required for node debugging')
      return debugNode(ctx, target.split('/')[1], image)
    }
    if (!image) return fail(ctx, '--image is required for ephemeral containers')
    const podName = target.replace(/^(pod|pods|po)\//, '')
    const api = ctx.c.api
    const cur = api.read('pods', ctx.namespace, podName)
    if (!cur.ok) { err(ctx, apiErrorText(cur.status)); return 1 }
    const pod = clone(cur.value)
    let name = str(ctx, 'container')
    if (!name) {
      // computeDebugContainerName: debugger-xxxxx, unique among the pod's containers.
      const taken = new Set([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((x: { name: string }) => x.name))
      do name = `debugger-${randomString(ctx.c.state, 5)}`
      while (taken.has(name))
      if (!bool(ctx, 'quiet')) out(ctx, `Defaulting debug container name to ${name}.`)
    }
    const ec: Record<string, unknown> = { name, image, resources: {}, terminationMessagePolicy: 'File' }
    const pull = str(ctx, 'image-pull-policy')
    if (pull) ec.imagePullPolicy = pull
    if (bool(ctx, 'stdin')) ec.stdin = true
    if (bool(ctx, 'tty')) ec.tty = true
    if (ctx.dashArgs?.length) {
      if (bool(ctx, 'arguments-only')) ec.args = ctx.dashArgs
      else ec.command = ctx.dashArgs
    }
    const tgt = str(ctx, 'target')
    if (tgt) {
      ec.targetContainerName = tgt
      if (!bool(ctx, 'quiet')) out(ctx, `Targeting container "${tgt}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.`)
    }
    pod.spec.ephemeralContainers = [...(pod.spec.ephemeralContainers ?? []), ec]
    const r = api.update(pod, { subresource: 'ephemeralcontainers' })
    if (!r.ok) { err(ctx, apiErrorText(r.status, 'Pod', podName)); return 1 }
    if (bool(ctx, 'stdin')) return attach(ctx, ctx.namespace, podName, name, true)
    return 0
  },
}
