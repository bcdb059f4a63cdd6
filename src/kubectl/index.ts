// kubectl entry point: finds the command (cobra-style, global flags allowed anywhere), parses its
// flags, and runs it. Errors print as kubectl's cmdutil.CheckErr does and exit 1.
import type { Cluster } from '../engine'
import type { KubectlIO, RunKubectl } from './types'
import { GLOBAL_FLAGS, parseArgs, positionalIndexes, suggestionsFor } from './args'
import type { Command, Ctx } from './command'
import { COMMANDS } from './commands'
import { usage } from './commands/help'

function findCommand(list: Command[], word: string): Command | undefined {
  return list.find((x) => x.name === word || x.aliases?.includes(word))
}

export const runKubectl: RunKubectl = async (c: Cluster, argv: string[], io: KubectlIO): Promise<number> => {
  const positions = positionalIndexes(argv)
  if (positions.length === 0) {
    io.out(usage())
    return 0
  }
  const word = argv[positions[0]]
  let cmd = findCommand(COMMANDS, word)
  if (!cmd) {
    const sugg = suggestionsFor(word, COMMANDS.map((x) => x.name))
    let msg = `error: unknown command "${word}" for "kubectl"`
    if (sugg.length) msg += `\n\nDid you mean this?\n${sugg.map((s) => `\t${s}`).join('\n')}\n`
    io.err(msg.endsWith('\n') ? msg : msg + '\n')
    return 1
  }
  const consumed = [positions[0]]
  let path = cmd.name
  if (cmd.sub && positions.length > 1) {
    const sub = findCommand(cmd.sub, argv[positions[1]])
    if (sub) {
      consumed.push(positions[1])
      cmd = sub
      path += ' ' + sub.name
    }
  }
  const rest = argv.filter((_, i) => !consumed.includes(i))
  const parsed = parseArgs(rest, [...GLOBAL_FLAGS, ...cmd.flags])
  if (!parsed.ok) {
    io.err(`error: ${parsed.message}\nSee 'kubectl ${path} --help' for usage.\n`)
    return 1
  }
  const p = parsed.value
  if (p.flags.help === true) {
    io.out(usage(path))
    return 0
  }
  const ns = typeof p.flags.namespace === 'string' ? p.flags.namespace : undefined
  const args = cmd.dash ? p.args : [...p.args, ...(p.dashArgs ?? [])]
  const ctx: Ctx = { c, io, path, namespace: ns || 'default', namespaceSet: !!ns, args, dashArgs: cmd.dash ? p.dashArgs : undefined, flags: p.flags }
  return cmd.run(ctx)
}

export type { KubectlIO, RunKubectl }
