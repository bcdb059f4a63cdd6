// Registers this area's modules (see ../wiring.ts): installs the API-backed PodNetwork.
import { setPodNetwork } from './types'
import { stubNetwork } from './stub/index'

setPodNetwork(stubNetwork)
