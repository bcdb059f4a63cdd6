import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defaultRun, makeBootImage } from './src/store'

/**
 * `virtual:podflow-boot-image`: the default cluster's boot state, computed when the app is built,
 * so the page restores it instead of simulating the boot (budget U5). The dev server serves null
 * (the engine may change while it runs) and the app boots by simulation.
 */
function bootImage(): Plugin {
  const id = 'virtual:podflow-boot-image'
  let build = false
  return {
    name: 'podflow-boot-image',
    configResolved(c) {
      build = c.command === 'build'
    },
    resolveId: (source) => (source === id ? '\0' + id : undefined),
    load(source) {
      if (source !== '\0' + id) return undefined
      if (!build) return 'export default null'
      // JSON.parse of a string literal is faster to load than the same object as JS source.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(makeBootImage(defaultRun())))})`
    },
  }
}

export default defineConfig({
  plugins: [react(), tailwindcss(), bootImage()],
  base: './',
})
