// `kubectl get` table output: the server-side columns for the resource, decorated the way
// kubectl's table printer does (NAMESPACE first with -A, kind-prefixed names, -L label columns,
// LABELS with --show-labels), laid out by the tabwriter.
// Source: kubernetes/cli-runtime pkg/printers/tableprinter.go (decorateTable, printTable);
// kubernetes/kubectl pkg/cmd/get/get.go (printWithNamespace off for cluster-scoped resources).
import type { Cluster, KObject } from '../../../engine'
import { STORED, resourceForKind } from '../../../engine/api/resources'
import { formatLabels } from '../format'
import { tabwrite } from '../tabwriter'
import * as core from './core'
import * as wl from './workloads'
import * as net from './networking'
import type { TableDef } from './types'

export interface PrintOptions {
  wide?: boolean
  allNamespaces?: boolean
  showLabels?: boolean
  noHeaders?: boolean
  labelColumns?: string[]
  showKind?: boolean
}

export const TABLES: Record<string, TableDef> = {
  pods: core.pods,
  nodes: core.nodes,
  services: core.services,
  endpoints: core.endpoints,
  events: core.events,
  namespaces: core.namespaces,
  configmaps: core.configmaps,
  secrets: core.secrets,
  serviceaccounts: core.serviceaccounts,
  persistentvolumeclaims: core.persistentvolumeclaims,
  persistentvolumes: core.persistentvolumes,
  deployments: wl.deployments,
  replicasets: wl.replicasets,
  replicationcontrollers: wl.replicationcontrollers,
  statefulsets: wl.statefulsets,
  daemonsets: wl.daemonsets,
  jobs: wl.jobs,
  cronjobs: wl.cronjobs,
  horizontalpodautoscalers: wl.horizontalpodautoscalers,
  endpointslices: wl.endpointslices,
  leases: wl.leases,
  controllerrevisions: wl.controllerrevisions,
  storageclasses: wl.storageclasses,
  ingresses: net.ingresses,
  networkpolicies: net.networkpolicies,
  poddisruptionbudgets: net.poddisruptionbudgets,
  resourcequotas: net.resourcequotas,
  limitranges: net.limitranges,
}

/** `pod/`, `service/`, `deployment.apps/` — the kind prefix of `kubectl get all` / `--show-kind`. */
export function kindPrefix(obj: KObject): string {
  const info = resourceForKind(obj.kind, obj.apiVersion)
  const group = info?.group ?? (obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '')
  const kind = obj.kind.toLowerCase()
  return group ? `${kind}.${group}/` : `${kind}/`
}

/** Header with -L: the label key's last path segment upper-cased (tableprinter formatLabelHeaders). */
const labelHeader = (key: string) => key.split('/').pop()!.toUpperCase()

/** The table for `kubectl get <plural>`; '' for an empty list. Each line '\n'-terminated. */
export function printTable(c: Cluster, plural: string, objs: KObject[], opts: PrintOptions = {}): string {
  if (objs.length === 0) return ''
  const def = TABLES[plural] ?? wl.fallback
  const keep = def.columns.map((col) => opts.wide || !col.wide)
  const withNs = !!opts.allNamespaces && (STORED[plural]?.namespaced ?? true)
  const rows: string[][] = []
  if (!opts.noHeaders) {
    const header = def.columns.filter((_, i) => keep[i]).map((col) => col.name)
    if (withNs) header.unshift('NAMESPACE')
    for (const l of opts.labelColumns ?? []) header.push(labelHeader(l))
    if (opts.showLabels) header.push('LABELS')
    rows.push(header)
  }
  for (const obj of objs) {
    const cells = def.row(c, obj).filter((_, i) => keep[i])
    // The NAME column is the first one for every resource except events (LAST SEEN comes first).
    if (opts.showKind && def.columns[0].name === 'NAME') cells[0] = kindPrefix(obj) + cells[0]
    if (withNs) cells.unshift(obj.metadata.namespace ?? '')
    const labels = obj.metadata.labels ?? {}
    for (const l of opts.labelColumns ?? []) cells.push(labels[l] ?? '')
    if (opts.showLabels) cells.push(formatLabels(labels))
    rows.push(cells)
  }
  return tabwrite(rows)
}
