// Table columns and rows for networking, policy and quota resources.
// Source: k/k pkg/printers/internalversion/printers.go (v1.30) printIngress, printNetworkPolicy,
// printPodDisruptionBudget, printResourceQuota, printLimitRange.
import type { Cluster, KObject } from '../../../engine'
import { since } from '../duration'
import { formatLabelSelector, quantityString } from '../format'
import { col, type TableDef } from './types'

const age = (c: Cluster, o: KObject) => since(c, o.metadata.creationTimestamp)

export const ingresses: TableDef = {
  columns: [col('NAME'), col('CLASS'), col('HOSTS'), col('ADDRESS'), col('PORTS'), col('AGE')],
  row(c, ing) {
    const spec = ing.spec ?? {}
    const hosts: string[] = []
    let count = 0
    for (const r of (spec.rules ?? []) as { host?: string }[]) {
      if (!r.host) continue
      count++
      if (hosts.length < 3) hosts.push(r.host)
    }
    const hostCell = hosts.length === 0 ? '*' : hosts.join(',') + (count > 3 ? ` + ${count - 3} more...` : '')
    const addr = ((ing.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((i) => i.ip || i.hostname).filter(Boolean).join(',')
    const ports = (spec.tls ?? []).length > 0 ? '80, 443' : '80'
    return [ing.metadata.name, spec.ingressClassName ?? '<none>', hostCell, addr, ports, age(c, ing)]
  },
}

export const networkpolicies: TableDef = {
  columns: [col('NAME'), col('POD-SELECTOR'), col('AGE')],
  row: (c, np) => [np.metadata.name, formatLabelSelector(np.spec?.podSelector ?? {}), age(c, np)],
}

export const poddisruptionbudgets: TableDef = {
  columns: [col('NAME'), col('MIN AVAILABLE'), col('MAX UNAVAILABLE'), col('ALLOWED DISRUPTIONS'), col('AGE')],
  row(c, pdb) {
    const spec = pdb.spec ?? {}
    const v = (x: unknown) => (x === undefined || x === null ? 'N/A' : String(x))
    return [pdb.metadata.name, v(spec.minAvailable), v(spec.maxUnavailable), String(pdb.status?.disruptionsAllowed ?? 0), age(c, pdb)]
  },
}

export const resourcequotas: TableDef = {
  columns: [col('NAME'), col('AGE'), col('REQUEST'), col('LIMIT')],
  row(c, q) {
    const hard = (q.spec?.hard ?? {}) as Record<string, string>
    const req: string[] = []
    const lim: string[] = []
    for (const r of Object.keys(hard).sort()) {
      const used = quantityString(q.status?.used?.[r] ?? '0')
      const h = quantityString(q.status?.hard?.[r] ?? '0')
      ;(r.split('.')[0] === 'limits' && r.includes('.') ? lim : req).push(`${r}: ${used}/${h}`)
    }
    return [q.metadata.name, age(c, q), req.join(', '), lim.join(', ')]
  },
}

export const limitranges: TableDef = {
  columns: [col('NAME'), col('CREATED AT')],
  row: (_c, l) => [l.metadata.name, l.metadata.creationTimestamp],
}
