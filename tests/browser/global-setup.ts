// Builds the app once (vite build into a fresh temp folder, so parallel runs never share one) and
// serves it for every browser test.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { build } from 'vite'
import { serveStatic } from './static-server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'podflow-dist-'))
  await build({ logLevel: 'warn', configLoader: 'runner', build: { outDir, emptyOutDir: true } })
  const { server, url } = await serveStatic(outDir)
  project.provide('baseUrl', url)
  return () => new Promise<void>((resolve) => server.close(() => {
    rmSync(outDir, { recursive: true, force: true })
    resolve()
  }))
}
