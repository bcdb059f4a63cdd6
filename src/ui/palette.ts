// Status colours: the Okabe–Ito palette (colour-blind safe), each paired with a glyph so no state
// is told by colour alone.
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  yellow: '#F0E442',
  purple: '#CC79A7',
  grey: '#8a8f98',
} as const

export type Tone = 'ok' | 'progress' | 'waiting' | 'failed' | 'done' | 'off'

export const TONE: Record<Tone, { color: string; glyph: string }> = {
  ok: { color: OKABE_ITO.green, glyph: '●' },
  progress: { color: OKABE_ITO.sky, glyph: '◐' },
  waiting: { color: OKABE_ITO.orange, glyph: '◌' },
  failed: { color: OKABE_ITO.vermillion, glyph: '✕' },
  done: { color: OKABE_ITO.blue, glyph: '✓' },
  off: { color: OKABE_ITO.grey, glyph: '○' },
}
