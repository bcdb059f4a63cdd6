// kubectl top tables (metricsutil/metrics_printer.go): tab-terminated cells, CPU MilliValue
// rounded up, memory in whole Mi, percentages of allocatable, <unknown> rows, --sum.
import { describe, expect, it } from 'vitest'
import type { KObject } from '../../../src/engine'
import { printNodeMetrics, printPodMetrics } from '../../../src/kubectl/printers/top'

const podM = (ns: string, name: string, containers: [string, string, string][]): KObject =>
  ({ kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name, namespace: ns }, timestamp: '', window: '15s', containers: containers.map(([n, cpu, memory]) => ({ name: n, usage: { cpu, memory } })) }) as unknown as KObject
const nodeM = (name: string, cpu: string, memory: string): KObject => ({ kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name }, usage: { cpu, memory } }) as unknown as KObject

describe('top printers', () => {
  it('pods: sums containers, rounds CPU up to millicores', () => {
    const ms = [podM('default', 'web-1', [['a', '1000400n', '3Mi'], ['b', '250m', '1536Ki']]), podM('default', 'db', [['db', '0', '100Mi']])]
    expect(printPodMetrics(ms, {})).toBe(
      'NAME    CPU(cores)   MEMORY(bytes)   \n' +
      'web-1   252m         4Mi             \n' +
      'db      0m           100Mi           \n',
    )
    expect(printPodMetrics(ms, { sortBy: 'memory', noHeaders: true }).split('\n')[0]).toMatch(/^db /)
  })

  it('containers with namespaces, and --sum', () => {
    const ms = [podM('kube-system', 'coredns', [['coredns', '4m', '15Mi']])]
    expect(printPodMetrics(ms, { containers: true, withNamespace: true })).toBe(
      'NAMESPACE     POD       NAME      CPU(cores)   MEMORY(bytes)   \n' +
      'kube-system   coredns   coredns   4m           15Mi            \n',
    )
    expect(printPodMetrics(ms, { sum: true })).toBe(
      'NAME      CPU(cores)   MEMORY(bytes)   \n' +
      'coredns   4m           15Mi            \n' +
      '          ________     ________        \n' +
      '          4m           15Mi            \n',
    )
  })

  it('nodes: percentages of allocatable; nodes without metrics show <unknown>', () => {
    const out = printNodeMetrics([nodeM('worker-1', '102500000n', '807Mi')], { 'worker-1': { cpu: '2', memory: '3990600Ki' }, 'worker-2': { cpu: '2', memory: '4Gi' } }, {})
    expect(out.split('\n').slice(0, 2)).toEqual([
      'NAME       CPU(cores)   CPU%   MEMORY(bytes)   MEMORY%     ',
      'worker-1   103m         5%     807Mi           20%         ',
    ])
    expect(out.split('\n')[2].replace(/\s+/g, ' ')).toBe('worker-2 <unknown> <unknown> <unknown> <unknown> ')
  })
})
