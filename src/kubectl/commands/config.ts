// kubectl config (read-only): the kubeadm admin kubeconfig every simulated cluster has.
import { err, fail, out, type Command, type Ctx } from '../command'
import { tabulate } from './info'

const CONTEXT = 'kubernetes-admin@kubernetes'

function server(ctx: Ctx): string {
  const cp = Object.values(ctx.c.state.machines).find((m) => m.role === 'control-plane')
  return `https://${cp?.ip ?? '192.168.56.10'}:6443`
}

const currentContext: Command = { name: 'current-context', flags: [], run(ctx) { out(ctx, CONTEXT); return 0 } }

const getContexts: Command = {
  name: 'get-contexts',
  flags: [{ name: 'output', short: 'o', type: 'string' }, { name: 'no-headers', type: 'bool' }],
  run(ctx) {
    if (ctx.flags.output === 'name') { out(ctx, CONTEXT); return 0 }
    out(ctx, tabulate([['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ['*', CONTEXT, 'kubernetes', 'kubernetes-admin', '']]).replace(/ +$/gm, ''))
    return 0
  },
}

const view: Command = {
  name: 'view',
  flags: [{ name: 'minify', type: 'bool' }, { name: 'raw', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }, { name: 'flatten', type: 'bool' }],
  run(ctx) {
    out(ctx, `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${server(ctx)}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: ${CONTEXT}
current-context: ${CONTEXT}
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED`)
    return 0
  },
}

export const config: Command = {
  name: 'config',
  sub: [currentContext, getContexts, view],
  flags: [],
  run(ctx) {
    if (ctx.args.length) return fail(ctx, `unknown command "${ctx.args.join(' ')}"\nSee 'kubectl config -h' for help and examples`)
    err(ctx, 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n\nAvailable Commands:\n  current-context   Display the current-context\n  get-contexts      Describe one or many contexts\n  view              Display merged kubeconfig settings or a specified kubeconfig file\n\nUsage:\n  kubectl config SUBCOMMAND [options]')
    return 1
  },
}
