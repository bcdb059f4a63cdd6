// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PodflowStore } from '../../../src/store'
import { Inspector } from '../../../src/ui/panels'
import { demoStore, renderPanel, storeAct } from './helpers'

afterEach(cleanup)

const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }))

describe('Inspector', () => {
  let store: PodflowStore
  const s = () => store.getState()
  beforeAll(async () => {
    store = await demoStore()
  })

  it('shows a hint when nothing is selected', async () => {
    await storeAct(() => s().select(null))
    renderPanel(<Inspector />, store)
    expect(screen.getByTestId('inspector-hint').textContent).toMatch(/Select a pod, node or service/)
  })

  it('shows a pod’s containers, logs and YAML', async () => {
    await storeAct(() => s().select('pods/default/crasher'))
    renderPanel(<Inspector />, store)
    const init = screen.getByTestId('containers-init')
    expect(within(init).getByTestId('container-setup').textContent).toMatch(/Terminated: Completed/)
    const app = within(screen.getByTestId('containers-app')).getByTestId('container-app')
    expect(app.textContent).toMatch(/CrashLoopBackOff/)
    expect(app.textContent).toMatch(/Last state.*Terminated: Error, exit code 1/)
    expect(screen.getByTestId('inspector-summary').textContent).toMatch(/STATUS.*CrashLoopBackOff/)
    expect(screen.getByTestId('inspector-conditions').textContent).toMatch(/Initialized True/)

    fireEvent.click(within(app).getByRole('button', { name: 'Logs' }))
    expect(screen.getByTestId('inspector-logs').textContent).toBe('started\n')
    fireEvent.click(screen.getByRole('checkbox', { name: /Previous instance/ }))
    expect(screen.getByTestId('inspector-logs').textContent).toBe('started\n')
    fireEvent.change(screen.getByRole('combobox', { name: 'Container' }), { target: { value: 'setup' } })
    // The init container never restarted: the API server's error, as kubectl logs -p prints it.
    expect(screen.getByTestId('inspector-logs').textContent).toBe('previous terminated container "setup" in pod "crasher" not found')

    tab('YAML')
    const yaml = screen.getByTestId('inspector-yaml').textContent ?? ''
    expect(yaml).toBe(s().inspectYaml('pods/default/crasher'))
    expect(yaml).toMatch(/^apiVersion: v1\nkind: Pod\n/)
    fireEvent.click(screen.getByRole('button', { name: 'describe' }))
    expect(screen.getByTestId('inspector-yaml').textContent).toMatch(/^Name:\s+crasher\n/)

    tab('Events')
    const reasons = screen.getAllByTestId('inspector-event').map((r) => r.children[1].textContent)
    expect(reasons).toContain('BackOff')
    expect(screen.getAllByTestId('inspector-event').some((r) => /\(x\d+ over \d+s\)/.test(r.textContent ?? ''))).toBe(true)
  })

  it('explains why a pod is pending, node by node', async () => {
    await storeAct(() => s().select('pods/default/big'))
    renderPanel(<Inspector />, store)
    const pending = screen.getByTestId('pending-reasons')
    expect(pending.textContent).toMatch(/0\/3 nodes are available/)
    const nodes = within(pending).getAllByTestId('pending-node').map((n) => n.textContent)
    expect(nodes).toEqual(['control-plane✕node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }', 'worker-1✕Insufficient cpu', 'worker-2✕Insufficient cpu'])
    // Node names are links.
    fireEvent.click(within(pending).getByRole('button', { name: 'worker-1' }))
    expect(s().selected).toBe('nodes/worker-1')
  })

  it('shows a node’s allocation, kubelet and pods as links', async () => {
    await storeAct(() => s().select('nodes/worker-1'))
    renderPanel(<Inspector />, store)
    expect(screen.getByTestId('node-details').textContent).toMatch(/kubelet.*running/)
    const a = s().nodeAllocation('worker-1')!
    const cpu = screen.getByTestId('alloc-CPU')
    expect(cpu.textContent).toContain(`${a.cpu.requests}m of 2 requested`)
    expect(within(cpu).getByRole('meter').getAttribute('aria-valuenow')).toBe(String(Math.trunc((a.cpu.requests / 2000) * 100)))
    const pods = within(screen.getByTestId('node-pods')).getAllByRole('button')
    expect(pods).toHaveLength(a.podRequests.length)
    expect(pods.map((p) => p.textContent)).toContain('kube-system/' + a.podRequests.find((p) => p.namespace === 'kube-system')!.name)
    fireEvent.click(pods[0])
    expect(s().selected).toBe(a.podRequests[0].id)
  })

  it('shows a Service’s endpoints linked to their pods', async () => {
    await storeAct(() => s().select('services/default/web'))
    renderPanel(<Inspector />, store)
    expect(screen.getByTestId('service-details').textContent).toMatch(/ClusterIP/)
    const eps = screen.getByTestId('service-endpoints')
    const links = within(eps).getAllByRole('button').filter((b) => b.textContent?.startsWith('web-'))
    expect(links).toHaveLength(2)
    fireEvent.click(links[0])
    expect(s().selected).toBe(`pods/default/${links[0].textContent}`)
  })

  it('links a Deployment to what it owns', async () => {
    await storeAct(() => s().select('deployments/default/web'))
    renderPanel(<Inspector />, store)
    const owns = screen.getByTestId('dependents')
    const rs = within(owns).getByRole('button')
    expect(rs.textContent).toMatch(/^web-[a-z0-9]+$/)
    fireEvent.click(rs)
    expect(s().selected).toBe(`replicasets/default/${rs.textContent}`)
    expect(within(screen.getByTestId('owners')).getByRole('button').textContent).toBe('web')
  })

  it('switches its labels to Chinese', async () => {
    await storeAct(() => s().select('pods/default/crasher'))
    const { i18n } = renderPanel(<Inspector />, store)
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Delete pod' })).toBeTruthy()
    await storeAct(() => i18n.changeLanguage('zh'))
    expect(screen.getByRole('tab', { name: '概览' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: '日志' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '删除 Pod' })).toBeTruthy()
    expect(screen.getByTestId('containers-init').textContent).toMatch(/Init 容器/)
    expect(screen.queryByRole('tab', { name: 'Overview' })).toBeNull()
  })

  it('scales a Deployment through the inline form and shows a rejected input', async () => {
    await storeAct(() => s().select('deployments/default/web'))
    renderPanel(<Inspector />, store)
    fireEvent.click(screen.getByRole('button', { name: 'Scale Deployment' }))
    const form = screen.getByRole('form', { name: 'Scale Deployment' })
    const replicas = within(form).getByRole('spinbutton') as HTMLInputElement
    expect(replicas.value).toBe('2')
    fireEvent.change(replicas, { target: { value: '500' } })
    await storeAct(() => fireEvent.submit(form))
    await storeAct(() => s().whenIdle())
    expect(screen.getByRole('alert').textContent).toBe('replicas must be a whole number from 0 to 100')
    fireEvent.change(replicas, { target: { value: '3' } })
    await storeAct(() => fireEvent.submit(form))
    await storeAct(() => s().whenIdle())
    expect(s().object('deployments/default/web')?.spec?.replicas).toBe(3)
    expect(s().log.at(-1)?.payload).toEqual({ line: 'kubectl scale deployment/web --replicas=3' })
    expect(screen.queryByRole('form')).toBeNull()
  })

  it('deletes the selected pod with its action, then says it was deleted and keeps the YAML', async () => {
    await storeAct(() => s().select('pods/default/big'))
    renderPanel(<Inspector />, store)
    const before = s().inspectYaml('pods/default/big')
    await storeAct(() => fireEvent.click(screen.getByRole('button', { name: 'Delete pod' })))
    await storeAct(() => s().whenIdle())
    // An unscheduled pod is removed at once.
    expect(s().object('pods/default/big')).toBeUndefined()
    expect(screen.getByRole('status').textContent).toMatch(/pod big was deleted/)
    expect(screen.getByTestId('inspector-yaml').textContent).toBe(before)
    tab('Events')
    expect(screen.getAllByTestId('inspector-event').map((r) => r.children[1].textContent)).toContain('FailedScheduling')
  })

  it('never crashes on an odd object or an unknown id', async () => {
    await storeAct(() => s().select('pods/default/never-was'))
    renderPanel(<Inspector />, store)
    expect(screen.getByTestId('inspector').textContent).toMatch(/does not exist/)
    cleanup()
    // A stored object with no status and no spec.
    const cm = await s().runKubectl('kubectl create configmap odd')
    expect(cm.exitCode).toBe(0)
    await storeAct(() => s().select('configmaps/default/odd'))
    renderPanel(<Inspector />, store)
    expect(screen.getByTestId('inspector-conditions').textContent).toMatch(/No conditions/)
    tab('YAML')
    expect(screen.getByTestId('inspector-yaml').textContent).toMatch(/kind: ConfigMap/)
    cleanup()
    // A pod shaped as no API server would store it: sections degrade, the panel stays.
    const odd = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'odd', namespace: 'default', uid: 'odd-uid', resourceVersion: '1', creationTimestamp: 'garbage' }, spec: { containers: 'nope', initContainers: [null] }, status: null }
    s().cluster.state.store.objects.pods['default/odd'] = odd as never
    try {
      await storeAct(() => s().select('pods/default/odd'))
      renderPanel(<Inspector />, store)
      expect(screen.getByTestId('inspector').textContent).toMatch(/odd/)
      expect(screen.getByRole('tab', { name: 'Overview' })).toBeTruthy()
      tab('Logs')
      tab('YAML')
      expect(screen.getByTestId('inspector-yaml').textContent).toMatch(/containers: nope/)
    } finally {
      delete s().cluster.state.store.objects.pods['default/odd']
    }
  })
})
