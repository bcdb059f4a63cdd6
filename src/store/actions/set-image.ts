// Change a Deployment's image: `kubectl set image deployment/NAME CONTAINER=IMAGE` (a rollout).
import { defineAction, err, isKind, kubectl, nsFlag, objectOf, safeName } from './define'

/** An image reference: registry/name:tag or @digest; nothing a shell would interpret. */
const IMAGE = /^[a-z0-9][a-z0-9._\-/:@]{0,254}$/

export const setImage = defineAction({
  id: 'deployment.set-image',
  label: { en: 'Change image', zh: '更换镜像' },
  group: 'workload',
  input: [
    { name: 'container', label: { en: 'Container', zh: '容器' }, type: 'text', initial: (s, t) => objectOf(s, t)?.spec?.template?.spec?.containers?.[0]?.name },
    { name: 'image', label: { en: 'Image', zh: '镜像' }, type: 'text', initial: (s, t) => objectOf(s, t)?.spec?.template?.spec?.containers?.[0]?.image },
  ],
  appliesTo: (t) => isKind(t, 'deployments'),
  available: (s, t) => {
    const o = objectOf(s, t)
    return !!o && !o.metadata.deletionTimestamp
  },
  dispatch: (s, t, input) => {
    if (t.kind !== 'object' || !safeName(t.name)) return err('no deployment')
    const containers: { name: string }[] = objectOf(s, t)?.spec?.template?.spec?.containers ?? []
    const container = typeof input?.container === 'string' && input.container ? input.container : containers[0]?.name
    const image = typeof input?.image === 'string' ? input.image.trim() : ''
    if (!safeName(container)) return err('container must be a container name')
    if (!IMAGE.test(image)) return err('image must be an image reference like nginx:1.27')
    return kubectl(`kubectl set image deployment/${t.name} ${container}=${image}${nsFlag(t.namespace)}`)
  },
})
