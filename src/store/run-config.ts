// The default run and the mapping from a run's config to the engine's create options.
import { BOOT_SETTLE_MS, DEFAULT_CONFIG, type CreateOptions } from '../engine'
import { RUN_SCHEMA, type Run, type RunConfig } from './types'

export const DEFAULT_RUN_CONFIG: RunConfig = {
  workers: DEFAULT_CONFIG.workers,
  cpu: DEFAULT_CONFIG.nodeCpu,
  memory: DEFAULT_CONFIG.nodeMemory,
  network: DEFAULT_CONFIG.network.backend,
}

export function defaultRun(seed = DEFAULT_CONFIG.seed): Run {
  return { v: RUN_SCHEMA, seed, config: { ...DEFAULT_RUN_CONFIG }, log: [], time: BOOT_SETTLE_MS }
}

export function createOptions(run: Pick<Run, 'seed' | 'config'>): CreateOptions {
  return {
    seed: run.seed,
    workers: run.config.workers,
    nodeCpu: run.config.cpu,
    nodeMemory: run.config.memory,
    network: { backend: run.config.network },
  }
}
