// `kubectl describe` for persistent volumes and storage classes.
// Source: kubernetes/kubectl pkg/describe/describe.go describePersistentVolume,
// printVolumeNodeAffinity, printNodeSelectorTermsMultilineWithIndent, printHostPathVolumeSource,
// printLocalVolumeSource, describeStorageClass (v1.30).
import type { Cluster, KObject } from '../../../engine'
import { since } from '../duration'
import { accessModes, quantityString } from '../format'
import { describeEventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common'
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './writer'

interface Req { key: string; operator: string; values?: string[] }

function printVolumeNodeAffinity(w: PrefixWriter, affinity: { required?: { nodeSelectorTerms?: { matchExpressions?: Req[] }[] } } | undefined): void {
  w.write(LEVEL_0, 'Node Affinity:\t')
  if (!affinity?.required) {
    w.writeLine('<none>')
    return
  }
  w.writeLine('')
  w.write(LEVEL_1, 'Required Terms:\t')
  const terms = affinity.required.nodeSelectorTerms ?? []
  if (!terms.length) {
    w.writeLine('<none>')
    return
  }
  w.writeLine('')
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`)
    const reqs = term.matchExpressions ?? []
    if (!reqs.length) {
      w.writeLine('<none>')
      return
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t')
      let expr = `${r.key} ${r.operator.toLowerCase()}`
      if (r.values?.length) expr += ` [${r.values.join(', ')}]`
      w.write(LEVEL_0, `${expr}\n`)
    })
  })
}

function printSource(w: PrefixWriter, spec: any): void {
  if (spec.hostPath) {
    w.write(LEVEL_2, 'Type:\tHostPath (bare host directory volume)\n')
    w.write(LEVEL_0, `    Path:\t${spec.hostPath.path ?? ''}\n`)
    w.write(LEVEL_0, `    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`)
  } else if (spec.local) {
    w.write(LEVEL_2, 'Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n')
    w.write(LEVEL_0, `    Path:\t${spec.local.path ?? ''}\n`)
  } else if (spec.nfs) {
    w.write(LEVEL_2, 'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n')
    w.write(LEVEL_0, `    Server:\t${spec.nfs.server ?? ''}\n`)
    w.write(LEVEL_0, `    Path:\t${spec.nfs.path ?? ''}\n`)
    w.write(LEVEL_0, `    ReadOnly:\t${spec.nfs.readOnly === true}\n`)
  }
}

export function describePV(c: Cluster, pv: KObject): string {
  return tabbedString((w) => {
    const spec = pv.spec ?? {}
    w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`)
    printLabelsMultiline(w, 'Labels', pv.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations)
    w.write(LEVEL_0, `Finalizers:\t[${(pv.metadata.finalizers ?? []).join(' ')}]\n`)
    w.write(LEVEL_0, `StorageClass:\t${pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? spec.storageClassName ?? ''}\n`)
    if (pv.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(c, pv.metadata.deletionTimestamp)})\n`)
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`)
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`)
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Access Modes:\t${accessModes(spec.accessModes)}\n`)
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
    w.write(LEVEL_0, `Capacity:\t${quantityString(spec.capacity?.storage) || '0'}\n`)
    printVolumeNodeAffinity(w, spec.nodeAffinity)
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`)
    w.write(LEVEL_0, 'Source:\n')
    printSource(w, spec)
    describeEventsFor(c, pv, w)
  })
}

/** labels.FormatLabels: `k=v,k2=v2` sorted, or `<none>`. */
function formatMap(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort()
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>'
}

export function describeStorageClass(c: Cluster, sc: KObject): string {
  return tabbedString((w) => {
    const s = sc as any
    const ann = sc.metadata.annotations ?? {}
    const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
    w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`)
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`)
    w.write(LEVEL_0, `Annotations:\t${formatMap(ann)}\n`)
    w.write(LEVEL_0, `Provisioner:\t${s.provisioner ?? ''}\n`)
    w.write(LEVEL_0, `Parameters:\t${formatMap(s.parameters)}\n`)
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${s.allowVolumeExpansion === undefined ? '<unset>' : String(s.allowVolumeExpansion)}\n`)
    w.write(LEVEL_0, `MountOptions:\t${s.mountOptions?.length ? '' : '<none>'}\n`)
    for (const o of s.mountOptions ?? []) w.write(LEVEL_1, `${o}\n`)
    if (s.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${s.reclaimPolicy}\n`)
    if (s.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${s.volumeBindingMode}\n`)
    describeEventsFor(c, sc, w)
  })
}
