// The API-backed PodNetwork: DNS answers from Services/EndpointSlices/Pods, HTTP/TCP straight to
// the pod that would receive the packets. The network issue replaces it with a hop-by-hop model.
import type { PodNetwork } from '../types'
import { resolve } from './dns'
import { http, tcp } from './http'

export const stubNetwork: PodNetwork = { resolve, http, tcp }
