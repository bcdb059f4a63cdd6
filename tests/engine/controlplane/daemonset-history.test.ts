// DaemonSet ControllerRevisions (k/k pkg/controller/daemon/update.go constructHistory,
// dedupCurHistories, cleanupHistory) seen through kubectl rollout history|undo.
import { describe, expect, it } from 'vitest'
import type { Cluster, KObject } from '../../../src/engine'
import { cluster, k } from '../../kubectl/helpers'
import { ownedRevisions, revisionNumber, templateOf } from '../../../src/engine/controlplane/util/history'
import { computeHash } from '../../../src/engine/controlplane/deployment/hash'
import { cleanupHistory, constructHistory, DS_HASH_LABEL } from '../../../src/engine/controlplane/daemonset-history'

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: default}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: 'nginx:1.25'}]}
`

async function withDs(c: Cluster, extra = ''): Promise<void> {
  const r = await k(c, 'apply -f -', { stdin: DS + extra } as never)
  expect(r.err).toBe('')
  c.advance(60_000)
}

const revs = (c: Cluster): KObject[] => ownedRevisions(c, 'test', c.api.get('daemonsets', 'default', 'agent')!)
const dsPods = (c: Cluster): KObject[] => c.api.list('pods', { namespace: 'default' }).filter((p) => p.metadata.name.startsWith('agent-') && !p.metadata.deletionTimestamp)
const images = (c: Cluster): string[] => dsPods(c).map((p) => p.spec.containers[0].image)

async function setImage(c: Cluster, image: string): Promise<void> {
  expect((await k(c, `set image ds/agent a=${image}`)).code).toBe(0)
  c.advance(120_000)
}

describe('DaemonSet history', () => {
  it('two image changes: revisions 1..3, pods labelled with the current revision hash', async () => {
    const c = await cluster()
    await withDs(c)
    await setImage(c, 'nginx:1.26')
    const rs = revs(c)
    expect(rs.map(revisionNumber)).toEqual([1, 2])
    const cur = rs[1]
    const hash = cur.metadata.labels![DS_HASH_LABEL]
    expect(cur.metadata.name).toBe(`agent-${hash}`)
    expect((cur as unknown as { data: unknown }).data).toEqual({ spec: { template: { ...c.api.get('daemonsets', 'default', 'agent')!.spec.template, $patch: 'replace' } } })
    expect(cur.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'agent', controller: true })
    expect(dsPods(c).length).toBeGreaterThan(0)
    for (const p of dsPods(c)) expect(p.metadata.labels?.[DS_HASH_LABEL]).toBe(hash)
    const h = await k(c, 'rollout history ds/agent')
    expect(h.out).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n')
    await setImage(c, 'nginx:1.27')
    expect(revs(c).map(revisionNumber)).toEqual([1, 2, 3])
  })

  it('--revision=N prints that revision\'s pod template; an unknown one is an error', async () => {
    const c = await cluster()
    await withDs(c)
    await setImage(c, 'nginx:1.26')
    const r1 = await k(c, 'rollout history daemonset/agent --revision=1')
    expect(r1.out).toContain('daemonset.apps/agent with revision #1\nPod Template:\n  Labels:\tapp=agent\n  Containers:\n   a:\n    Image:\tnginx:1.25\n')
    expect((await k(c, 'rollout history ds/agent --revision=2')).out).toContain('Image:\tnginx:1.26\n')
    expect(await k(c, 'rollout history ds/agent --revision=9')).toEqual({ code: 1, out: '', err: 'error: unable to find the specified revision\n' })
  })

  it('undo to revision 1 renumbers it 3 and the RollingUpdate rolls the pods back', async () => {
    const c = await cluster()
    await withDs(c)
    const first = revs(c)[0]
    await setImage(c, 'nginx:1.26')
    expect(new Set(images(c))).toEqual(new Set(['nginx:1.26']))
    const dry = await k(c, 'rollout undo ds/agent --to-revision=1 --dry-run=client')
    expect(dry.out).toContain('Image:\tnginx:1.25')
    expect(c.api.get('daemonsets', 'default', 'agent')!.spec.template.spec.containers[0].image).toBe('nginx:1.26')
    expect((await k(c, 'rollout undo ds/agent --to-revision=1')).out).toBe('daemonset.apps/agent rolled back\n')
    c.advance(120_000)
    const rs = revs(c)
    expect(rs.map(revisionNumber)).toEqual([2, 3])
    expect(rs[1].metadata.name).toBe(first.metadata.name) // the old revision, re-used
    expect(new Set(images(c))).toEqual(new Set(['nginx:1.25']))
    for (const p of dsPods(c)) expect(p.metadata.labels?.[DS_HASH_LABEL]).toBe(first.metadata.labels![DS_HASH_LABEL])
    expect((await k(c, 'rollout history ds/agent')).out).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n')
    // Plain undo goes back to the previous revision (2), which becomes 4.
    expect((await k(c, 'rollout undo ds/agent')).out).toBe('daemonset.apps/agent rolled back\n')
    c.advance(120_000)
    expect(revs(c).map(revisionNumber)).toEqual([3, 4])
    expect(new Set(images(c))).toEqual(new Set(['nginx:1.26']))
    expect((await k(c, 'rollout undo ds/agent --to-revision=4')).out).toBe('daemonset.apps/agent skipped rollback (current template already matches revision 4)\n')
    // rollback.go: a client dry run prints the template before the "already matches" check.
    expect((await k(c, 'rollout undo ds/agent --to-revision=4 --dry-run=client')).out).toContain('Image:\tnginx:1.26')
  })

  it('bad input leaves the cluster unchanged', async () => {
    const c = await cluster()
    await withDs(c)
    const before = c.hash()
    expect(await k(c, 'rollout undo ds/agent')).toEqual({ code: 1, out: '', err: 'error: no last revision to roll back to\n' })
    await setImage(c, 'nginx:1.26')
    const mid = c.hash()
    expect(mid).not.toBe(before)
    expect(await k(c, 'rollout undo ds/agent --to-revision=9')).toEqual({ code: 1, out: '', err: 'error: unable to find specified revision 9 in history\n' })
    expect(await k(c, 'rollout undo ds/agent --to-revision=-1')).toEqual({ code: 1, out: '', err: 'error: unable to find specified revision -1 in history\n' })
    expect((await k(c, 'rollout undo ds/nope')).err).toBe('Error from server (NotFound): daemonsets.apps "nope" not found\n')
    expect(c.hash()).toBe(mid)
  })

  it('the change-cause annotation is copied to new revisions; a revision without the hash label gets its name', async () => {
    const c = await cluster()
    await withDs(c)
    expect((await k(c, 'annotate ds/agent kubernetes.io/change-cause=bump')).code).toBe(0)
    await setImage(c, 'nginx:1.26')
    expect((await k(c, 'rollout history ds/agent')).out).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         bump\n\n')
    const r1 = revs(c)[0]
    c.api.mutate('controllerrevisions', 'default', r1.metadata.name, (o) => { delete o.metadata.labels![DS_HASH_LABEL] })
    c.advance(1000)
    expect(c.api.get('controllerrevisions', 'default', r1.metadata.name)!.metadata.labels?.[DS_HASH_LABEL]).toBe(r1.metadata.name)
  })

  it('a name taken by a foreign revision is a hash collision: status.collisionCount is bumped', async () => {
    const a = await cluster()
    await withDs(a)
    const taken = revs(a)[0].metadata.name
    const c = await cluster()
    const foreign = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: taken, namespace: 'default' }, data: { other: true }, revision: 1 }
    expect(c.api.create(foreign as never).ok).toBe(true)
    await withDs(c)
    const ds = c.api.get('daemonsets', 'default', 'agent')!
    expect(ds.status.collisionCount).toBe(1)
    const [r] = revs(c)
    expect(r.metadata.name).not.toBe(taken)
    expect(r.metadata.name).toBe(`agent-${computeHash(ds.spec.template, 1)}`)
    for (const p of dsPods(c)) expect(p.metadata.labels?.[DS_HASH_LABEL]).toBe(r.metadata.labels![DS_HASH_LABEL])
    expect(ds.status.numberAvailable).toBe(ds.status.desiredNumberScheduled)
  })

  it('revisionHistoryLimit truncates the oldest revisions no pod uses', async () => {
    const c = await cluster()
    await withDs(c, '  revisionHistoryLimit: 2\n')
    for (const v of ['1.26', '1.27', '1.28', '1.29']) await setImage(c, `nginx:${v}`)
    const rs = revs(c)
    // 5 revisions made; the current one plus the 2 newest old ones remain.
    expect(rs.map(revisionNumber)).toEqual([3, 4, 5])
    expect(rs.map((r) => templateOf(r).spec.containers[0].image)).toEqual(['nginx:1.27', 'nginx:1.28', 'nginx:1.29'])
    expect((await k(c, 'rollout history ds/agent')).out).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n5         <none>\n\n')
  })

  it('cleanupHistory keeps revisions a pod still uses; limit counts them', () => {
    const deleted: string[] = []
    const fake = { client: () => ({ delete: (_p: string, _ns: string, n: string) => { deleted.push(n); return { ok: true } } }) } as unknown as Cluster
    const rev = (n: number) => ({ metadata: { name: `r${n}`, namespace: 'default', labels: { [DS_HASH_LABEL]: `h${n}` } }, revision: n }) as unknown as KObject
    const ds = { spec: { revisionHistoryLimit: 1 } } as unknown as KObject
    const pod = { metadata: { labels: { [DS_HASH_LABEL]: 'h1' } } } as unknown as KObject
    cleanupHistory(fake, 'x', ds, [rev(3), rev(1), rev(2)], [pod])
    expect(deleted).toEqual(['r2', 'r3'])
    deleted.length = 0
    cleanupHistory(fake, 'x', { spec: {} } as unknown as KObject, [rev(1), rev(2)], [])
    expect(deleted).toEqual([])
  })

  it('dedupCurHistories: two revisions of the current template collapse to the newest, pods relabelled', async () => {
    const c = await cluster()
    await withDs(c)
    const [r1] = revs(c)
    // A duplicate of the current template under another name, with a higher number.
    const dup = { ...structuredClone(r1), metadata: { ...structuredClone(r1.metadata), name: 'agent-dup', labels: { app: 'agent', [DS_HASH_LABEL]: 'dup' } }, revision: 2 }
    delete (dup.metadata as Partial<KObject['metadata']>).uid
    delete (dup.metadata as Partial<KObject['metadata']>).resourceVersion
    expect(c.api.create(dup as never).ok).toBe(true)
    const ds = c.api.get('daemonsets', 'default', 'agent')!
    const h = constructHistory(c, 'test', ds, () => dsPods(c))
    expect(h?.cur.metadata.name).toBe('agent-dup')
    expect(h?.hash).toBe('dup')
    expect(revs(c).map((r) => r.metadata.name)).toEqual(['agent-dup'])
    for (const p of dsPods(c)) expect(p.metadata.labels?.[DS_HASH_LABEL]).toBe('dup')
  })
})
