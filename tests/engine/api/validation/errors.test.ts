import { describe, it, expect } from 'vitest'
import { aggregate, cannotBeHandled, duplicate, errorString, forbidden, immutable, invalid, invalid_, notSupported, required } from '../../../../src/engine/api/validation/errors'
import { goLabelSelector, goStringMap, goStrings } from '../../../../src/engine/api/validation/gofmt'

describe('field error texts (apimachinery field.Error)', () => {
  it('formats each error type like upstream', () => {
    expect(errorString(required('spec.containers[0].image'))).toBe('spec.containers[0].image: Required value')
    expect(errorString(required('metadata.name', 'name or generateName is required'))).toBe('metadata.name: Required value: name or generateName is required')
    expect(errorString(notSupported('spec.restartPolicy', 'Never', ['Always']))).toBe('spec.restartPolicy: Unsupported value: "Never": supported values: "Always"')
    expect(errorString(invalid_('spec.replicas', -1, 'must be greater than or equal to 0'))).toBe('spec.replicas: Invalid value: -1: must be greater than or equal to 0')
    expect(errorString(forbidden('spec.ephemeralContainers', 'cannot be set on create'))).toBe('spec.ephemeralContainers: Forbidden: cannot be set on create')
    expect(errorString(duplicate('spec.containers[1].name', 'app'))).toBe('spec.containers[1].name: Duplicate value: "app"')
    expect(errorString(immutable('spec.selector', goLabelSelector({ matchLabels: { app: 'web' } })))).toBe(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    )
  })

  it('renders Go values', () => {
    expect(goStringMap({ b: '2', a: '1' }).go).toBe('map[string]string{"a":"1", "b":"2"}')
    expect(goStringMap(undefined).go).toBe('map[string]string(nil)')
    expect(goStrings(['10.96.0.10']).go).toBe('[]string{"10.96.0.10"}')
  })

  it('aggregates like utilerrors: one as is, several in brackets, duplicates dropped', () => {
    expect(aggregate(['a'])).toBe('a')
    expect(aggregate(['a', 'b', 'a'])).toBe('[a, b]')
  })

  it('builds the Invalid status with causes', () => {
    const s = invalid('Pod', 'x', [required('spec.containers[0].image'), required('spec.containers[1].image')])
    expect(s.code).toBe(422)
    expect(s.reason).toBe('Invalid')
    expect(s.message).toBe('The Pod "x" is invalid: [spec.containers[0].image: Required value, spec.containers[1].image: Required value]')
    expect(s.details?.causes?.[0]).toEqual({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' })
  })

  it('builds the BadRequest decode status', () => {
    const s = cannotBeHandled('Pod', 'v1', 'strict decoding error: unknown field "x"')
    expect(s).toMatchObject({ code: 400, reason: 'BadRequest', message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "x"' })
  })
})
