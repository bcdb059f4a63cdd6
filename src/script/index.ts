// Scenario scripts: parse, run, check (DESIGN.md "Scenario scripts").
export { parseScript, parseDuration } from './parse'
export { runScript, runSource, formatFailures, clusterOptions, waitUntil } from './run'
export type { StepResult, Transcript, RunOptions } from './run'
export { matchLines, matchLine, matchToken, formatDiff, normalize } from './match'
export { ScriptError } from './types'
export type { Script, Command, ScriptHeader, Filter } from './types'
