// Builds the app once (vite build → dist/) and serves it for every browser test.
import type { TestProject } from 'vitest/node'
import { build } from 'vite'
import { serveStatic } from './static-server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

export default async function setup(project: TestProject) {
  await build({ logLevel: 'warn', configLoader: 'runner' })
  const { server, url } = await serveStatic('dist')
  project.provide('baseUrl', url)
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}
