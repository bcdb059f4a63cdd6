// Loads every engine module so that its handlers, components, admitters and bootstrap steps
// register themselves. Each area owns its own index file.
import './api/validation/index'
import './controlplane/index'
import './node/index'
import './network/index'
