// `kubectl describe pod`. Source: kubernetes/kubectl pkg/describe/describe.go describePod (v1.30).
import type { Cluster, KObject } from '../../../engine'
import { since } from '../duration'
import { milliCpu, bytes } from '../format'
import {
  controlledBy, describeContainers, describeEventsFor, describeVolumes, printAnnotationsMultiline,
  printLabelsMultiline, printTolerationsMultiline, rfc1123,
} from './common'
import { LEVEL_0, LEVEL_1, tabbedString } from './writer'

 

/** qos.GetPodQOS (simplified: cpu/memory of app + init containers). */
export function podQOS(pod: KObject): string {
  const containers: any[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  let anySet = false
  let guaranteed = true
  const req: Record<string, number> = { cpu: 0, memory: 0 }
  const lim: Record<string, number> = { cpu: 0, memory: 0 }
  for (const ctr of containers) {
    const r = ctr.resources ?? {}
    for (const res of ['cpu', 'memory']) {
      const rq = r.requests?.[res]
      const lm = r.limits?.[res]
      const conv = res === 'cpu' ? milliCpu : bytes
      if (rq !== undefined && conv(rq) !== 0) anySet = true
      if (lm !== undefined && conv(lm) !== 0) anySet = true
      if (lm === undefined) guaranteed = false
      else {
        lim[res] += conv(lm)
        // A missing request defaults to the limit (API defaulting).
        req[res] += rq === undefined ? conv(lm) : conv(rq)
      }
    }
  }
  if (!anySet) return 'BestEffort'
  if (guaranteed && req.cpu === lim.cpu && req.memory === lim.memory) return 'Guaranteed'
  return 'Burstable'
}

export function describePod(c: Cluster, pod: KObject): string {
  return tabbedString((w) => {
    const spec = pod.spec ?? {}
    const st = pod.status ?? {}
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`)
    if (typeof spec.priority === 'number') w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
    if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n')
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n`)
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123(st.startTime)}\n`)
    printLabelsMultiline(w, 'Labels', pod.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations)
    if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(c, pod.metadata.deletionTimestamp)})\n`)
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`)
    } else w.write(LEVEL_0, `Status:\t${st.phase ?? ''}\n`)
    if (st.reason) w.write(LEVEL_0, `Reason:\t${st.reason}\n`)
    if (st.message) w.write(LEVEL_0, `Message:\t${st.message}\n`)
    if (spec.securityContext?.seccompProfile) w.write(LEVEL_0, `SeccompProfile:\t${spec.securityContext.seccompProfile.type}\n`)
    w.write(LEVEL_0, `IP:\t${st.podIP ?? ''}\n`)
    // describePodIPs
    const ips: any[] = st.podIPs ?? (st.podIP ? [{ ip: st.podIP }] : [])
    if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n')
    else {
      w.write(LEVEL_0, 'IPs:\n')
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
    }
    const ctl = controlledBy(pod)
    if (ctl) w.write(LEVEL_0, `Controlled By:\t${ctl}\n`)
    if (st.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${st.nominatedNodeName}\n`)
    if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers, st.initContainerStatuses ?? [], pod)
    describeContainers(w, 'Containers', spec.containers ?? [], st.containerStatuses ?? [], pod)
    if ((spec.ephemeralContainers ?? []).length > 0) describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, st.ephemeralContainerStatuses ?? [], pod)
    const gates: any[] = spec.readinessGates ?? []
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
      for (const g of gates) {
        const cond = (st.conditions ?? []).find((x: any) => x.type === g.conditionType)
        w.write(LEVEL_1, `${g.conditionType} \t${cond ? cond.status : '<none>'} \n`)
      }
    }
    const conds: any[] = st.conditions ?? []
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
      for (const cd of conds) w.write(LEVEL_1, `${cd.type} \t${cd.status} \n`)
    }
    describeVolumes(w, spec.volumes)
    w.write(LEVEL_0, `QoS Class:\t${st.qosClass || podQOS(pod)}\n`)
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
    const tsc: any[] = spec.topologySpreadConstraints ?? []
    if (tsc.length > 0) {
      w.write(LEVEL_0, 'Topology Spread Constraints:\t')
      tsc.forEach((t, i) => {
        if (i !== 0) w.write(LEVEL_0, '\t')
        w.write(LEVEL_0, `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded for selector ${t.labelSelector ? Object.entries(t.labelSelector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') : '<none>'}\n`)
      })
    }
    describeEventsFor(c, pod, w)
  })
}
