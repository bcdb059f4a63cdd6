// Every command the shell model implements, by basename.
import type { Command } from './types'
import { BASIC } from './basic'
import { TEXT } from './text'
import { SYS } from './sys'
import { NET } from './net'
import { BUSY } from './busy'

export const COMMANDS: Record<string, Command> = { ...BASIC, ...TEXT, ...SYS, ...NET, ...BUSY }
