// Image reference parsing and normalisation, as containerd/docker do it
// (github.com/distribution/reference: ParseNormalizedNamed, normalize.go, regexp.go).

export interface ImageRef {
  /** e.g. docker.io */
  domain: string
  /** path inside the registry, e.g. library/nginx */
  path: string
  tag: string
  digest?: string
  /** docker.io/library/nginx */
  repo: string
  /** docker.io/library/nginx:1.7.9 (or …@sha256:… when only a digest was given) */
  ref: string
}

// regexp.go: path components are lowercase alphanumerics separated by ".", "_", "__" or dashes.
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/

function validDomain(d: string): boolean {
  const [host, port, extra] = d.split(':')
  if (extra !== undefined) return false
  if (port !== undefined && !/^\d+$/.test(port)) return false
  return host.split('.').every((p) => DOMAIN_COMPONENT.test(p))
}

/** Parses an image name; undefined when it is not a valid reference ("invalid reference format"). */
export function parseImageRef(image: string): ImageRef | undefined {
  if (!image || image.length > 255 || /\s/.test(image)) return undefined
  let rest = image
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest)) return undefined
  }
  let tag = ''
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) return undefined
  }
  if (!rest) return undefined
  // normalize.go splitDockerDomain: the first component is a registry host when it looks like one.
  let domain = 'docker.io'
  let path = rest
  const slash = rest.indexOf('/')
  if (slash >= 0) {
    const first = rest.slice(0, slash)
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first
      path = rest.slice(slash + 1)
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io'
  if (!validDomain(domain)) return undefined
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`
  if (!path.split('/').every((p) => COMPONENT.test(p))) return undefined
  if (!tag && !digest) tag = 'latest' // kubelet applyDefaultImageTag
  const repo = `${domain}/${path}`
  const ref = tag ? `${repo}:${tag}` : `${repo}@${digest}`
  return { domain, path, tag, digest, repo, ref }
}
