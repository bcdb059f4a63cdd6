// `kubectl describe` for service accounts and persistent volume claims.
// Source: kubernetes/kubectl pkg/describe/describe.go describeServiceAccount,
// describePersistentVolumeClaim, printPodsMultilineWithIndent (v1.30).
import type { Cluster, KObject } from '../../../engine'
import { since } from '../duration'
import { accessModes, quantityString } from '../format'
import { describeEventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common'
import { LEVEL_0, tabbedString, type PrefixWriter } from './writer'

 

/** printPodsMultilineWithIndent / the multi-line name lists of describeServiceAccount. */
function printNames(w: PrefixWriter, title: string, names: string[]): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (names.length === 0) {
    w.writeLine('<none>')
    return
  }
  names.forEach((n, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${n}\n`)
  })
}

export function describeServiceAccount(c: Cluster, sa: KObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`)
    printLabelsMultiline(w, 'Labels', sa.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations)
    printNames(w, 'Image pull secrets', ((sa.imagePullSecrets ?? []) as any[]).map((s) => s.name))
    printNames(w, 'Mountable secrets', ((sa.secrets ?? []) as any[]).map((s) => s.name))
    printNames(w, 'Tokens', [])
    describeEventsFor(c, sa, w)
  })
}

export function describePVC(c: Cluster, pvc: KObject): string {
  return tabbedString((w) => {
    const spec = pvc.spec ?? {}
    w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace}\n`)
    w.write(LEVEL_0, `StorageClass:\t${spec.storageClassName ?? ''}\n`)
    if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(c, pvc.metadata.deletionTimestamp)})\n`)
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`)
    w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations)
    w.write(LEVEL_0, `Finalizers:\t[${(pvc.metadata.finalizers ?? []).join(' ')}]\n`)
    const bound = !!spec.volumeName
    w.write(LEVEL_0, `Capacity:\t${bound ? quantityString(pvc.status?.capacity?.storage) : ''}\n`)
    w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`)
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`)
    const users = c.api.list('pods', {
      namespace: pvc.metadata.namespace,
      filter: (p) => ((p.spec?.volumes ?? []) as any[]).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
    })
    printNames(w, 'Used By', users.map((p) => p.metadata.name))
    describeEventsFor(c, pvc, w)
  })
}
