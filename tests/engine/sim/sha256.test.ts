import { describe, expect, it } from 'vitest'
import { base32, sha256, sha256Hex, utf8 } from '../../../src/engine/sim/sha256'

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1')
    expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3')
  })

  it('pads across block boundaries (55, 56 and 64 bytes)', () => {
    expect(sha256Hex('a'.repeat(55))).toBe('9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318')
    expect(sha256Hex('a'.repeat(56))).toBe('b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a')
    expect(sha256Hex('a'.repeat(64))).toBe('ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb')
  })

  it('hashes strings as UTF-8', () => {
    expect(Array.from(utf8('é€𝄞'))).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9d, 0x84, 0x9e])
    expect(sha256('é')).toEqual(sha256(Uint8Array.from([0xc3, 0xa9])))
  })
})

describe('base32 (RFC 4648, padded like Go base32.StdEncoding)', () => {
  it('encodes the RFC vectors', () => {
    const enc = (s: string) => base32(utf8(s))
    expect(enc('')).toBe('')
    expect(enc('f')).toBe('MY======')
    expect(enc('fo')).toBe('MZXQ====')
    expect(enc('foo')).toBe('MZXW6===')
    expect(enc('foob')).toBe('MZXW6YQ=')
    expect(enc('fooba')).toBe('MZXW6YTB')
    expect(enc('foobar')).toBe('MZXW6YTBOI======')
  })
})
