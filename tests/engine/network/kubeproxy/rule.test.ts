import { describe, expect, it } from 'vitest'
import { probabilityText, statisticProbability } from '../../../../src/engine/network/kubeproxy/rule'
import { ruleText } from '../../../../src/engine/network/kubeproxy/save'

describe('statistic probabilities as iptables-save prints them', () => {
  it('1/(n−i) written with %0.10f, stored as lround(2^31·p), printed with %.11f', () => {
    const shown = [2, 3, 4, 5, 6, 7, 8].map((n) => probabilityText(statisticProbability(n)))
    expect(shown).toEqual(['0.50000000000', '0.33333333349', '0.25000000000', '0.20000000019', '0.16666666651', '0.14285714272', '0.12500000000'])
  })
})

describe('rule text', () => {
  it('prints addresses with their prefix, -p first, matches in order, targets with options', () => {
    expect(ruleText({ chain: 'KUBE-SERVICES', dst: '10.96.0.1/32', proto: 'tcp', matches: [{ m: 'comment', comment: 'default/kubernetes:https cluster IP' }, { m: 'tcp', dport: 443 }], target: 'KUBE-SVC-NPX46M4PTMTKRN6Y' }))
      .toBe('-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y')
    expect(ruleText({ chain: 'KUBE-SEP-X', src: '10.244.1.2', matches: [{ m: 'comment', comment: 'default/web' }], target: 'KUBE-MARK-MASQ' }))
      .toBe('-A KUBE-SEP-X -s 10.244.1.2/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ')
    expect(ruleText({ chain: 'KUBE-MARK-MASQ', matches: [], target: 'MARK', setXmark: [0x4000, 0x4000] })).toBe('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000')
    expect(ruleText({ chain: 'KUBE-POSTROUTING', matches: [{ m: 'mark', invert: true, value: 0x4000, mask: 0x4000 }], target: 'RETURN' })).toBe('-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN')
  })

  it('quotes strings unless they are only [A-Za-z0-9_-] (xtables_save_string)', () => {
    expect(ruleText({ chain: 'X', matches: [{ m: 'comment', comment: 'plain_word-1' }], target: 'ACCEPT' })).toBe('-A X -m comment --comment plain_word-1 -j ACCEPT')
    expect(ruleText({ chain: 'X', matches: [{ m: 'comment', comment: 'say "hi"' }], target: 'ACCEPT' })).toBe('-A X -m comment --comment "say \\"hi\\"" -j ACCEPT')
  })
})
