// ESLint rule: each layer imports only the layers above it (DESIGN.md "Layers"). Imports are
// resolved to files, so `src/engine/api/store.ts` is not mistaken for the `src/store` layer.
import path from 'node:path'

/** layer → layers it may import at runtime, and those it may import types from. */
export const LAYERS = {
  engine: { value: [], type: [] },
  kubectl: { value: ['engine'], type: [] },
  script: { value: ['engine', 'kubectl'], type: [] },
  lessons: { value: ['script'], type: ['engine'] },
  store: { value: ['engine', 'kubectl', 'script', 'lessons'], type: [] },
  ui: { value: ['store'], type: ['engine'] },
  app: { value: ['engine', 'kubectl', 'script', 'lessons', 'store', 'ui'], type: [] },
  cli: { value: ['engine', 'kubectl', 'script'], type: [] },
}

/** Packages a layer may import (undefined = any). The engine: type-only kubernetes-types. */
const PACKAGES = {
  engine: { allowed: ['kubernetes-types'], message: 'src/engine imports nothing outside src/engine (type-only kubernetes-types).' },
}
const UI_PACKAGES = /^(react|react-dom|zustand|@xyflow)(\/|$)/
const NO_UI = new Set(['engine', 'kubectl', 'script', 'lessons', 'cli'])

function layerOf(file, root) {
  const rel = path.relative(path.join(root, 'src'), file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  const top = rel.split(path.sep)[0]
  return top in LAYERS ? top : undefined
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true
  const specs = node.specifiers ?? []
  return specs.length > 0 && specs.every((s) => s.importKind === 'type' || s.exportKind === 'type')
}

export default {
  meta: { type: 'problem', schema: [], messages: { layer: '{{message}}' } },
  create(context) {
    const file = context.filename
    const root = context.cwd
    const own = layerOf(file, root)
    if (!own) return {}
    function check(node, source, typeOnly) {
      if (typeof source !== 'string') return
      const report = (message) => context.report({ node, messageId: 'layer', data: { message } })
      if (!source.startsWith('.')) {
        const pkg = PACKAGES[own]
        if (pkg && !pkg.allowed.some((p) => source === p || source.startsWith(p + '/'))) report(pkg.message)
        else if (NO_UI.has(own) && UI_PACKAGES.test(source)) report(`src/${own} may not import UI libraries (${source}).`)
        return
      }
      const target = layerOf(path.resolve(path.dirname(file), source), root)
      if (!target || target === own) return
      const rules = LAYERS[own]
      if (rules.value.includes(target)) return
      if (typeOnly && rules.type.includes(target)) return
      const allowed = [...rules.value, ...rules.type.map((t) => `${t} (types)`)]
      report(`DESIGN.md layers: src/${own} may not import src/${target}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`)
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    }
  },
}
