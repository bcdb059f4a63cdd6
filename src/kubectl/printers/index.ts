// kubectl's printers: tables (`get`), `describe`, and the -o output formats.
export { printTable, kindPrefix, TABLES } from './table'
export type { PrintOptions } from './table'
export { describe } from './describe'
export { printObjects } from './output'
export { humanDuration } from './duration'
export { tabwrite, formatTabbed } from './tabwriter'
export { podStatusSummary } from './pod-status'
export type { PodStatusSummary } from './pod-status'
