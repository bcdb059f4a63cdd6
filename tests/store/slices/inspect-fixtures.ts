// Manifests shared by the inspect-slice and panel tests: a pod no node can fit (cpu: 100) and a
// pod whose init container completes and whose app container crash-loops.
export const BIG = `apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "100"
`

export const CRASHER = `apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ['sh', '-c', 'echo preparing; sleep 2']
  containers:
  - name: app
    image: busybox
    command: ['sh', '-c', 'echo started; exit 1']
`
