// The run a newcomer sees: the default cluster plus a small app with traffic — a Deployment of
// three nginx pods behind a Service, and a client pod that requests it every second.
import { BOOT_SETTLE_MS } from '../engine'
import { defaultRun } from './run-config'
import type { Run } from './types'

/** The demo's app, also the gallery's "Deployment + Service". */
export const WEB_APP_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: 50m
            memory: 64Mi
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`

export const DEMO_MANIFEST = `${WEB_APP_MANIFEST}---
apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    app: client
spec:
  containers:
  - name: client
    image: busybox:1.36
    command: ["sh", "-c", "while true; do wget -q -O- http://web > /dev/null; sleep 1; done"]
`

/** The default cluster with the demo app applied at boot, shown 4 s later (pods coming up live). */
export function demoRun(seed?: number): Run {
  const run = defaultRun(seed)
  run.log = [{ at: BOOT_SETTLE_MS, kind: 'kubectl', payload: { line: 'kubectl apply -f -', stdin: DEMO_MANIFEST } }]
  run.time = BOOT_SETTLE_MS + 4_000
  return run
}
