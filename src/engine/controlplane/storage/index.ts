// Simulated storage: the default StorageClass + DefaultStorageClass admission, the
// PersistentVolume controller and the local-path dynamic provisioner.
import './storageclass'
import './pv-controller'
import './protection'

export { syncClaim, syncVolume, podClaims } from './pv-controller'
export { defaultStorageClass, standardStorageClass } from './storageclass'
