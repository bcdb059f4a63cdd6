import { beforeAll, describe, expect, it } from 'vitest'
import type { Cluster } from '../../../src/engine'
import { cluster, k, squash } from '../helpers'

let c: Cluster
beforeAll(async () => {
  c = await cluster()
  await k(c, 'create deployment web --image=nginx:1.7.9 --replicas=2')
  await k(c, 'run lonely --image=nginx:1.7.9 --labels=tier=solo')
  c.advance(60_000)
}, 60_000)

describe('kubectl get', () => {
  it('prints a table and errors per missing name after it', async () => {
    const r = await k(c, 'get deploy web nope')
    expect(squash(r.out)).toBe('NAME READY UP-TO-DATE AVAILABLE AGE\nweb 2/2 2 2 60s')
    expect(r.err).toBe('Error from server (NotFound): deployments.apps "nope" not found\n')
    expect(r.code).toBe(1)
  })
  it('lists several types with kind prefixes and a blank line between tables', async () => {
    const r = await k(c, 'get deploy,svc')
    const blocks = r.out.split('\n\n')
    expect(blocks).toHaveLength(2)
    expect(blocks[0]).toContain('deployment.apps/web')
    expect(blocks[1]).toContain('service/kubernetes')
  })
  it('accepts TYPE/NAME arguments', async () => {
    const r = await k(c, 'get pod/lonely deploy/web')
    expect(r.out).toContain('pod/lonely')
    expect(r.out).toContain('deployment.apps/web')
  })
  it('filters with -l and --field-selector', async () => {
    const r = await k(c, 'get pods -l app=web --no-headers')
    expect(r.out.trim().split('\n')).toHaveLength(2)
    const f = await k(c, 'get pods --field-selector metadata.name=lonely -o name')
    expect(f.out).toBe('pod/lonely\n')
    const neg = await k(c, 'get pods --field-selector=status.phase!=Running')
    expect(neg.err).toBe('No resources found in default namespace.\n')
  })
  it('says No resources found on stderr', async () => {
    expect(await k(c, 'get jobs')).toEqual({ code: 0, out: '', err: 'No resources found in default namespace.\n' })
    expect((await k(c, 'get jobs -A')).err).toBe('No resources found\n')
    expect((await k(c, 'get pods -n kube-public')).err).toBe('No resources found in kube-public namespace.\n')
  })
  it('adds NAMESPACE with -A, labels with --show-labels and -L', async () => {
    const a = await k(c, 'get pods -A')
    expect(a.out.startsWith('NAMESPACE')).toBe(true)
    const l = await k(c, 'get pod lonely --show-labels')
    expect(squash(l.out).split('\n')[1]).toMatch(/ tier=solo$/)
    const L = await k(c, 'get pod lonely -L tier')
    expect(squash(L.out).split('\n')[0]).toBe('NAME READY STATUS RESTARTS AGE TIER')
  })
  it('prints -o yaml for one object and a List for several', async () => {
    const one = await k(c, 'get pod lonely -o yaml')
    expect(one.out.startsWith('apiVersion: v1\nkind: Pod\n')).toBe(true)
    const many = await k(c, 'get pods -o json')
    expect(JSON.parse(many.out).kind).toBe('List')
    const jp = await k(c, "get pod lonely -o jsonpath={.metadata.name}")
    expect(jp.out).toBe('lonely')
  })
  it('reports bad input like kubectl', async () => {
    const before = c.hash()
    expect((await k(c, 'get')).err).toBe('error: You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n')
    expect((await k(c, 'get foos')).err).toBe('error: the server doesn\'t have a resource type "foos"\n')
    expect((await k(c, 'get pods --bogus')).err).toBe("error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n")
    expect((await k(c, 'get pod lonely -o foo')).code).toBe(1)
    expect(c.hash()).toBe(before)
  })
  it('-w prints the table then changed rows while time runs', async () => {
    const w = await cluster()
    await k(w, 'run watched --image=nginx:1.7.9')
    const r = await k(w, 'get pods -w', { streamLimitMs: 30_000 })
    const lines = r.out.trim().split('\n')
    expect(lines[0]).toMatch(/^NAME\s+READY/)
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.at(-1)).toMatch(/^watched\s+1\/1\s+Running/)
  })
})

describe('kubectl describe', () => {
  it('describes by exact name and by name prefix', async () => {
    const r = await k(c, 'describe pod lonely')
    expect(r.out.startsWith('Name:             lonely\n')).toBe(true)
    const p = await k(c, 'describe pods web')
    expect(p.out.match(/^Name:/gm)).toHaveLength(2)
    expect(p.out).toContain('\n\n\nName:')
  })
  it('reports NotFound and missing type', async () => {
    expect((await k(c, 'describe pod zzz')).err).toBe('Error from server (NotFound): pods "zzz" not found\n')
    expect((await k(c, 'describe')).err).toBe('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n')
  })
})

describe('dispatch', () => {
  it('unknown commands get cobra suggestions', async () => {
    expect(await k(c, 'gte pods')).toEqual({ code: 1, out: '', err: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n' })
    expect((await k(c, 'frobnicate')).err).toBe('error: unknown command "frobnicate" for "kubectl"\n')
  })
  it('global flags may come before the command', async () => {
    const r = await k(c, '-n kube-system get svc kube-dns -o name')
    expect(r.out).toBe('service/kube-dns\n')
  })
})

describe('generic output of empty lists', () => {
  it('prints an empty List for -o json and nothing (no message) for -o name', async () => {
    expect(JSON.parse((await k(c, 'get jobs -o json')).out)).toMatchObject({ apiVersion: 'v1', kind: 'List', items: [] })
    expect(await k(c, 'get jobs -o name')).toEqual({ code: 0, out: '', err: '' })
  })
})
