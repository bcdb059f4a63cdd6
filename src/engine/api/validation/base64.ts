// Standard base64 (RFC 4648 with padding), as Go's encoding/base64.StdEncoding decodes []byte JSON fields.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Byte offset of the first problem (`illegal base64 data at input byte N`), or undefined when valid. */
export function base64ErrorOffset(s: string): number | undefined {
  const body = s.replace(/[\r\n]/g, '')
  let pad = 0
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (ch === '=') {
      if (i < body.length - 2 || (i === body.length - 2 && body[i + 1] !== '=')) return i
      pad++
      continue
    }
    if (!ALPHABET.includes(ch)) return i
  }
  if (body.length % 4 !== 0) return Math.floor(body.length / 4) * 4
  if (pad > 2) return body.length - pad
  return undefined
}

export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '='
  }
  return out
}
