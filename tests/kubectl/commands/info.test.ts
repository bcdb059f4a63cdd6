import { beforeAll, describe, expect, it } from 'vitest'
import type { Cluster } from '../../../src/engine'
import { cluster, k, squash } from '../helpers'

let c: Cluster
beforeAll(async () => { c = await cluster() }, 60_000)

describe('informational commands', () => {
  it('version', async () => {
    expect((await k(c, 'version')).out).toBe('Client Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.2\n')
    expect((await k(c, 'version --client')).out).toBe('Client Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n')
  })
  it('cluster-info', async () => {
    const r = await k(c, 'cluster-info')
    expect(r.out).toBe("Kubernetes control plane is running at https://192.168.56.10:6443\nCoreDNS is running at https://192.168.56.10:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n")
  })
  it('api-resources lists the registry', async () => {
    const lines = squash((await k(c, 'api-resources')).out).split('\n')
    expect(lines[0]).toBe('NAME SHORTNAMES APIVERSION NAMESPACED KIND')
    expect(lines).toContain('pods po v1 true Pod')
    expect(lines).toContain('deployments deploy apps/v1 true Deployment')
    expect(squash((await k(c, 'api-resources --namespaced=false')).out)).not.toContain(' true ')
  })
  it('explain', async () => {
    const r = await k(c, 'explain pods')
    expect(r.out.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection')).toBe(true)
    expect(r.out).toContain('FIELDS:\n  apiVersion\t<string>\n')
    expect((await k(c, 'explain deployments')).out.startsWith('GROUP:      apps\nKIND:       Deployment\n')).toBe(true)
    expect((await k(c, 'explain foo')).err).toBe('error: the server doesn\'t have a resource type "foo"\n')
  })
  it('help', async () => {
    expect((await k(c, '')).out).toContain('kubectl controls the Kubernetes cluster manager.')
    expect((await k(c, 'get --help')).out).toContain('Usage:\n  kubectl get')
  })
})

describe('kubectl config', () => {
  it('shows the kubeadm admin context', async () => {
    expect((await k(c, 'config current-context')).out).toBe('kubernetes-admin@kubernetes\n')
    expect(squash((await k(c, 'config get-contexts')).out)).toBe('CURRENT NAME CLUSTER AUTHINFO NAMESPACE\n* kubernetes-admin@kubernetes kubernetes kubernetes-admin')
    expect((await k(c, 'config view')).out).toContain('server: https://192.168.56.10:6443\n')
    expect((await k(c, 'config set-context x')).code).toBe(1)
  })
})

describe('kubectl events', () => {
  it('lists events oldest first, filtered by --for and --types', async () => {
    const e = await cluster()
    await k(e, 'run p --image=nginx:1.7.9')
    e.advance(20_000)
    const r = await k(e, 'events --for pod/p')
    const rows = squash(r.out).split('\n')
    expect(rows[0]).toBe('LAST SEEN TYPE REASON OBJECT MESSAGE')
    expect(rows[1]).toContain('Scheduled pod/p')
    expect((await k(e, 'events --types=Warning')).err).toBe('No events found in default namespace.\n')
    expect((await k(e, 'events --types=Bad')).code).toBe(1)
  })
})
