// Table columns and rows for workload, autoscaling, discovery and coordination resources.
// Source: k/k pkg/printers/internalversion/printers.go (v1.30) AddHandlers + printXxx.
import type { Cluster, KObject } from '../../../engine'
import { humanDuration, since, timeOf } from '../duration'
import { containerCells, formatLabels, formatLabelSelector, listWithMore, printBool, selectorFromSet, selectorString } from '../format'
import { col, type TableDef } from './types'

 

const age = (c: Cluster, o: KObject) => since(c, o.metadata.creationTimestamp)
const n = (v: unknown) => String(typeof v === 'number' ? v : 0)
const WIDE3 = [col('CONTAINERS', true), col('IMAGES', true), col('SELECTOR', true)]

export const deployments: TableDef = {
  columns: [col('NAME'), col('READY'), col('UP-TO-DATE'), col('AVAILABLE'), col('AGE'), ...WIDE3],
  row(c, d) {
    const st = d.status ?? {}
    return [d.metadata.name, `${n(st.readyReplicas)}/${n(d.spec?.replicas)}`, n(st.updatedReplicas), n(st.availableReplicas), age(c, d),
      ...containerCells(d.spec?.template?.spec?.containers), selectorString(d.spec?.selector)]
  },
}

export const replicasets: TableDef = {
  columns: [col('NAME'), col('DESIRED'), col('CURRENT'), col('READY'), col('AGE'), ...WIDE3],
  row(c, rs) {
    const st = rs.status ?? {}
    return [rs.metadata.name, n(rs.spec?.replicas), n(st.replicas), n(st.readyReplicas), age(c, rs),
      ...containerCells(rs.spec?.template?.spec?.containers), selectorString(rs.spec?.selector)]
  },
}

export const replicationcontrollers: TableDef = {
  columns: [col('NAME'), col('DESIRED'), col('CURRENT'), col('READY'), col('AGE'), ...WIDE3],
  row(c, rc) {
    const st = rc.status ?? {}
    return [rc.metadata.name, n(rc.spec?.replicas), n(st.replicas), n(st.readyReplicas), age(c, rc),
      ...containerCells(rc.spec?.template?.spec?.containers), selectorFromSet(rc.spec?.selector)]
  },
}

export const statefulsets: TableDef = {
  columns: [col('NAME'), col('READY'), col('AGE'), col('CONTAINERS', true), col('IMAGES', true)],
  row(c, s) {
    return [s.metadata.name, `${n(s.status?.readyReplicas)}/${n(s.spec?.replicas)}`, age(c, s), ...containerCells(s.spec?.template?.spec?.containers)]
  },
}

export const daemonsets: TableDef = {
  columns: [col('NAME'), col('DESIRED'), col('CURRENT'), col('READY'), col('UP-TO-DATE'), col('AVAILABLE'), col('NODE SELECTOR'), col('AGE'), ...WIDE3],
  row(c, ds) {
    const st = ds.status ?? {}
    return [ds.metadata.name, n(st.desiredNumberScheduled), n(st.currentNumberScheduled), n(st.numberReady), n(st.updatedNumberScheduled),
      n(st.numberAvailable), formatLabels(ds.spec?.template?.spec?.nodeSelector), age(c, ds),
      ...containerCells(ds.spec?.template?.spec?.containers), selectorString(ds.spec?.selector)]
  },
}

const hasTrue = (o: KObject, type: string) => ((o.status?.conditions ?? []) as any[]).some((x) => x.type === type && x.status === 'True')

// printJob (v1.30 STATUS column, k/k PR #123226)
export const jobs: TableDef = {
  columns: [col('NAME'), col('STATUS'), col('COMPLETIONS'), col('DURATION'), col('AGE'), ...WIDE3],
  row(c, j) {
    const spec = j.spec ?? {}
    const st = j.status ?? {}
    let completions: string
    if (typeof spec.completions === 'number') completions = `${n(st.succeeded)}/${spec.completions}`
    else if ((spec.parallelism ?? 0) > 1) completions = `${n(st.succeeded)}/1 of ${spec.parallelism}`
    else completions = `${n(st.succeeded)}/1`
    const start = timeOf(st.startTime)
    const done = timeOf(st.completionTime)
    const dur = start === undefined ? '' : humanDuration((done ?? c.now) - start)
    let status = 'Running'
    if (hasTrue(j, 'Complete')) status = 'Complete'
    else if (hasTrue(j, 'Failed')) status = 'Failed'
    else if (j.metadata.deletionTimestamp) status = 'Terminating'
    else if (hasTrue(j, 'Suspended')) status = 'Suspended'
    else if (hasTrue(j, 'FailureTarget')) status = 'FailureTarget'
    return [j.metadata.name, status, completions, dur, age(c, j), ...containerCells(spec.template?.spec?.containers), selectorString(spec.selector)]
  },
}

// printCronJob (v1.30 TIMEZONE column, k/k PR #122231)
export const cronjobs: TableDef = {
  columns: [col('NAME'), col('SCHEDULE'), col('TIMEZONE'), col('SUSPEND'), col('ACTIVE'), col('LAST SCHEDULE'), col('AGE'), ...WIDE3],
  row(c, cj) {
    const spec = cj.spec ?? {}
    const last = cj.status?.lastScheduleTime ? since(c, cj.status.lastScheduleTime) : '<none>'
    const suspend = spec.suspend === undefined || spec.suspend === null ? '<unset>' : printBool(spec.suspend)
    return [cj.metadata.name, spec.schedule ?? '', spec.timeZone ?? '<none>', suspend, String((cj.status?.active ?? []).length), last, age(c, cj),
      ...containerCells(spec.jobTemplate?.spec?.template?.spec?.containers), formatLabelSelector(spec.jobTemplate?.spec?.selector)]
  },
}

/** printers.go formatHPAMetrics (v1.30: metric-name prefix for Resource metrics, k/k PR #122804). */
export function formatHPAMetrics(specs: any[] | undefined, statuses: any[] | undefined): string {
  const sp = specs ?? []
  const ss = statuses ?? []
  if (sp.length === 0) return '<none>'
  const list: string[] = []
  const max = 2
  for (let i = 0; i < sp.length; i++) {
    const spec = sp[i]
    const st = ss[i]
    switch (spec.type) {
      case 'External': {
        const t = spec.external?.target ?? {}
        if (t.averageValue !== undefined) list.push(`${st?.external?.current?.averageValue ?? '<unknown>'}/${t.averageValue} (avg)`)
        else list.push(`${st?.external ? st.external.current?.value ?? '0' : '<unknown>'}/${t.value}`)
        break
      }
      case 'Pods':
        list.push(`${st?.pods ? st.pods.current?.averageValue ?? '0' : '<unknown>'}/${spec.pods?.target?.averageValue}`)
        break
      case 'Object': {
        const t = spec.object?.target ?? {}
        if (t.averageValue !== undefined) list.push(`${st?.object?.current?.averageValue ?? '<unknown>'}/${t.averageValue} (avg)`)
        else list.push(`${st?.object ? st.object.current?.value ?? '0' : '<unknown>'}/${t.value}`)
        break
      }
      case 'Resource':
      case 'ContainerResource': {
        const src = spec.type === 'Resource' ? spec.resource : spec.containerResource
        const cur = spec.type === 'Resource' ? st?.resource : st?.containerResource
        const t = src?.target ?? {}
        if (t.averageValue !== undefined) {
          list.push(`${src.name}: ${cur ? cur.current?.averageValue ?? '0' : '<unknown>'}/${t.averageValue}`)
        } else {
          const current = typeof cur?.current?.averageUtilization === 'number' ? `${cur.current.averageUtilization}%` : '<unknown>'
          const target = typeof t.averageUtilization === 'number' ? `${t.averageUtilization}%` : '<auto>'
          list.push(`${src?.name}: ${current}/${target}`)
        }
        break
      }
      default:
        list.push('<unknown type>')
    }
  }
  if (list.length > max) return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`
  return list.join(', ')
}

export const horizontalpodautoscalers: TableDef = {
  columns: [col('NAME'), col('REFERENCE'), col('TARGETS'), col('MINPODS'), col('MAXPODS'), col('REPLICAS'), col('AGE')],
  row(c, h) {
    const spec = h.spec ?? {}
    const ref = `${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}`
    const min = typeof spec.minReplicas === 'number' ? String(spec.minReplicas) : '<unset>'
    return [h.metadata.name, ref, formatHPAMetrics(spec.metrics, h.status?.currentMetrics), min, n(spec.maxReplicas), n(h.status?.currentReplicas), age(c, h)]
  },
}

// printEndpointSlice: formatDiscoveryPorts / formatDiscoveryEndpoints
export const endpointslices: TableDef = {
  columns: [col('NAME'), col('ADDRESSTYPE'), col('PORTS'), col('ENDPOINTS'), col('AGE')],
  row(c, es: any) {
    const max = 3
    const ports: string[] = []
    let pMore = false
    let pCount = 0
    for (const p of es.ports ?? []) {
      if (ports.length < max) ports.push(typeof p.port === 'number' ? String(p.port) : p.name ?? '*')
      else pMore = true
      pCount++
    }
    const addrs: string[] = []
    let aMore = false
    let aCount = 0
    for (const ep of es.endpoints ?? []) {
      for (const a of ep.addresses ?? []) {
        if (addrs.length < max) addrs.push(a)
        else aMore = true
        aCount++
      }
    }
    return [es.metadata.name, es.addressType ?? '', listWithMore(ports, pMore, pCount, max), listWithMore(addrs, aMore, aCount, max), age(c, es)]
  },
}

export const leases: TableDef = {
  columns: [col('NAME'), col('HOLDER'), col('AGE')],
  row: (c, l) => [l.metadata.name, l.spec?.holderIdentity ?? '', age(c, l)],
}

export const controllerrevisions: TableDef = {
  columns: [col('NAME'), col('CONTROLLER'), col('REVISION'), col('AGE')],
  row(c, r: any) {
    const ctl = (r.metadata.ownerReferences ?? []).find((o: any) => o.controller)
    const ctlName = ctl ? `${String(ctl.kind).toLowerCase()}.${String(ctl.apiVersion).split('/')[0]}/${ctl.name}` : '<none>'
    return [r.metadata.name, ctlName, String(r.revision ?? 0), age(c, r)]
  },
}

export const storageclasses: TableDef = {
  columns: [col('NAME'), col('PROVISIONER'), col('RECLAIMPOLICY'), col('VOLUMEBINDINGMODE'), col('ALLOWVOLUMEEXPANSION'), col('AGE')],
  row(c, sc: any) {
    const def = sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true'
    return [sc.metadata.name + (def ? ' (default)' : ''), sc.provisioner ?? '', sc.reclaimPolicy ?? 'Delete', sc.volumeBindingMode ?? 'Immediate', printBool(sc.allowVolumeExpansion === true), age(c, sc)]
  },
}

export const fallback: TableDef = {
  columns: [col('NAME'), col('AGE')],
  row: (c, o) => [o.metadata.name, age(c, o)],
}
