// An API-only PodNetwork for engine unit tests that run no machines or nodes (the shell model's
// tests): DNS answers from the cluster zone, HTTP/TCP straight to the pod that would receive the
// packets. The engine itself installs the packet-level network (../index.ts).
import type { PodNetwork } from '../types'
import { resolve } from './dns'
import { http, tcp } from './http'

export const stubNetwork: PodNetwork = { resolve, http, tcp }
