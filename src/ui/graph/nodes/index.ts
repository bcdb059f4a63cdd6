// Module-level nodeTypes (a new object per render would remount every node).
import type { NodeTypes } from '@xyflow/react'
import { ChipNode } from './ChipNode'
import { CollapsedNode } from './CollapsedNode'
import { ComponentNode } from './ComponentNode'
import { K8sNodeGroup } from './K8sNodeGroup'
import { OwnerNode } from './OwnerNode'
import { PendingLane } from './PendingLane'
import { PodNode } from './PodNode'
import { ServiceNode } from './ServiceNode'

export const NODE_TYPES: NodeTypes = {
  pod: PodNode,
  chip: ChipNode,
  component: ComponentNode,
  k8sNode: K8sNodeGroup,
  service: ServiceNode,
  owner: OwnerNode,
  collapsed: CollapsedNode,
  pendingLane: PendingLane,
}
