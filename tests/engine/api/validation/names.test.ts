import { describe, it, expect } from 'vitest'
import { isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName } from '../../../../src/engine/api/validation/names'

describe('name syntax', () => {
  it('accepts good names', () => {
    expect(isDNS1123Subdomain('web.example-1')).toEqual([])
    expect(isDNS1123Label('web-1')).toEqual([])
    expect(isDNS1035Label('web-1')).toEqual([])
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([])
    expect(isValidLabelValue('')).toEqual([])
    expect(isConfigMapKey('game.properties')).toEqual([])
    expect(isValidPortName('http')).toEqual([])
  })

  it('rejects bad names with upstream texts', () => {
    expect(isDNS1123Subdomain('Bad_Name')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ])
    expect(isDNS1123Label('a.b')[0]).toBe(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    )
    expect(isDNS1035Label('1web')[0]).toContain('a DNS-1035 label must consist of lower case alphanumeric characters')
    expect(isDNS1123Label('a'.repeat(64))).toContain('must be no more than 63 characters')
    expect(isValidLabelValue('bad value')[0]).toContain('a valid label must be an empty string')
    expect(isQualifiedName('-bad')[0]).toContain("name part must consist of alphanumeric characters, '-', '_' or '.'")
    expect(isConfigMapKey('bad key')[0]).toContain('a valid config key must consist of alphanumeric characters')
    expect(isValidPortName('HTTP')).toContain('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  })
})
