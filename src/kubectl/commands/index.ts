// Every kubectl command, one file each.
import type { Command } from '../command'
import { apply } from './apply'
import { create } from './create'
import { run } from './run'
import { get } from './get'
import { describe } from './describe'
import { del } from './delete'
import { logs } from './logs'
import { exec } from './exec'
import { debug } from './debug'
import { scale } from './scale'
import { autoscale } from './autoscale'
import { expose } from './expose'
import { label, annotate } from './label'
import { cordon, uncordon, drain } from './nodes'
import { set } from './set'
import { rollout } from './rollout'
import { version, clusterInfo, apiResources, explain } from './info'
import { top } from './top'
import { help } from './help'
import { wait } from './wait'
import { config } from './config'
import { events } from './events'
import { patch } from './patch'
import { replace } from './replace'

export const COMMANDS: Command[] = [
  annotate, apiResources, apply, autoscale, clusterInfo, config, cordon, create, debug, del, describe, drain, events, exec, explain,
  expose, get, help, label, logs, patch, replace, rollout, run, scale, set, top, uncordon, version, wait,
]
