// A boot image: the state of a freshly booted cluster for one seed and config, computed ahead
// (at build time) so the app restores it in milliseconds instead of simulating the 120 s boot.
// It is only used when the run's seed and config match exactly; restoring a state is how every
// checkpoint works, so the cluster evolves exactly as if it had booted here.
import { createCluster, restoreCluster, type Cluster, type ClusterState } from '../engine'
import { createOptions } from './run-config'
import type { Run } from './types'

export interface BootImage {
  seed: number
  config: Run['config']
  state: ClusterState
}

export function makeBootImage(run: Pick<Run, 'seed' | 'config'>): BootImage {
  return { seed: run.seed, config: { ...run.config }, state: createCluster(createOptions(run)).snapshot() }
}

const sameConfig = (a: Run['config'], b: Run['config']) => JSON.stringify(a) === JSON.stringify(b)

/** A freshly booted cluster for the run: from the image when it matches, else simulated. */
export function bootCluster(run: Pick<Run, 'seed' | 'config'>, image?: BootImage | null): Cluster {
  if (image && image.seed === run.seed && sameConfig(image.config, run.config)) return restoreCluster(image.state)
  return createCluster(createOptions(run))
}
