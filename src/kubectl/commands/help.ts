// `kubectl`, `kubectl help`, `kubectl CMD --help`: short usage (kubectl's help, abridged).
import type { Command } from '../command'

const GROUPS: [string, [string, string][]][] = [
  ['Basic Commands (Beginner)', [['create', 'Create a resource from a file or from stdin'], ['expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service'], ['run', 'Run a particular image on the cluster'], ['set', 'Set specific features on objects']]],
  ['Basic Commands (Intermediate)', [['explain', 'Get documentation for a resource'], ['get', 'Display one or many resources'], ['delete', 'Delete resources by file names, stdin, resources and names, or by resources and label selector']]],
  ['Deploy Commands', [['rollout', 'Manage the rollout of a resource'], ['scale', 'Set a new size for a deployment, replica set, or replication controller'], ['autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller']]],
  ['Cluster Management Commands', [['cluster-info', 'Display cluster information'], ['top', 'Display resource (CPU/memory) usage'], ['cordon', 'Mark node as unschedulable'], ['uncordon', 'Mark node as schedulable'], ['drain', 'Drain node in preparation for maintenance']]],
  ['Troubleshooting and Debugging Commands', [['describe', 'Show details of a specific resource or group of resources'], ['logs', 'Print the logs for a container in a pod'], ['exec', 'Execute a command in a container'], ['debug', 'Create debugging sessions for troubleshooting workloads and nodes']]],
  ['Advanced Commands', [['apply', 'Apply a configuration to a resource by file name or stdin'], ['patch', 'Update fields of a resource'], ['replace', 'Replace a resource by file name or stdin'], ['wait', 'Experimental: Wait for a specific condition on one or many resources']]],
  ['Settings Commands', [['label', 'Update the labels on a resource'], ['annotate', 'Update the annotations on a resource']]],
  ['Other Commands', [['api-resources', 'Print the supported API resources on the server'], ['version', 'Print the client and server version information']]],
]

export function usage(path?: string): string {
  if (path) {
    const all = GROUPS.flatMap(([, cmds]) => cmds)
    const hit = all.find(([n]) => n === path.split(' ')[0])
    return `${hit ? hit[1] : path}.\n\nUsage:\n  kubectl ${path} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`
  }
  const lines = ['kubectl controls the Kubernetes cluster manager.', '', ' Find more information at: https://kubernetes.io/docs/reference/kubectl/', '']
  for (const [title, cmds] of GROUPS) {
    lines.push(`${title}:`)
    for (const [n, d] of cmds) lines.push(`  ${n.padEnd(14)}${d}`)
    lines.push('')
  }
  lines.push('Usage:', '  kubectl [flags] [options]', '', 'Use "kubectl <command> --help" for more information about a given command.', 'Use "kubectl options" for a list of global command-line options (applies to all commands).', '')
  return lines.join('\n')
}

export const help: Command = {
  name: 'help',
  flags: [],
  run(ctx) {
    ctx.io.out(usage(ctx.args.length ? ctx.args.join(' ') : undefined))
    return 0
  },
}
