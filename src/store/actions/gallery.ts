// Create from a small gallery of ready manifests: `kubectl apply -f -` with the manifest on stdin.
import { WEB_APP_MANIFEST } from '../demo'
import { defineAction, err, kubectl } from './define'

export interface GalleryItem {
  id: string
  label: { en: string; zh: string }
  manifest: string
}

export const GALLERY: GalleryItem[] = [
  {
    id: 'pod',
    label: { en: 'A Pod (nginx)', zh: '一个 Pod（nginx）' },
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
`,
  },
  {
    id: 'init-pod',
    label: { en: 'A Pod with an init container', zh: '带 init 容器的 Pod' },
    manifest: `apiVersion: v1
kind: Pod
metadata:
  name: init-demo
spec:
  initContainers:
  - name: wait
    image: busybox:1.36
    command: ["sh", "-c", "sleep 10"]
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  {
    id: 'deployment-service',
    label: { en: 'A Deployment + Service', zh: 'Deployment + Service' },
    manifest: WEB_APP_MANIFEST,
  },
  {
    id: 'statefulset',
    label: { en: 'A StatefulSet', zh: '一个 StatefulSet' },
    manifest: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: nginx:1.27
`,
  },
  {
    id: 'daemonset',
    label: { en: 'A DaemonSet', zh: '一个 DaemonSet' },
    manifest: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        command: ["sh", "-c", "sleep 3600"]
`,
  },
  {
    id: 'job',
    label: { en: 'A Job', zh: '一个 Job' },
    manifest: `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: busybox:1.36
        command: ["sh", "-c", "sleep 5"]
`,
  },
]

export const createFromGallery = defineAction({
  id: 'cluster.create-from-gallery',
  label: { en: 'Create from gallery…', zh: '从示例创建…' },
  group: 'cluster',
  input: [{ name: 'item', label: { en: 'Manifest', zh: '清单' }, type: 'choice', choices: GALLERY.map((g) => ({ value: g.id, label: g.label })), initial: () => GALLERY[0].id }],
  appliesTo: (t) => t.kind === 'cluster',
  available: () => true,
  dispatch: (_s, _t, input) => {
    const item = GALLERY.find((g) => g.id === input?.item)
    return item ? kubectl('kubectl apply -f -', item.manifest) : err(`unknown gallery item ${JSON.stringify(input?.item ?? '')}`)
  },
})
