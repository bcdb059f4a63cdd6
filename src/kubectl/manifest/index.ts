export { parseManifests, splitDocuments, type ManifestObject, type ManifestResult } from './parse'
export { loadManifests } from './load'
