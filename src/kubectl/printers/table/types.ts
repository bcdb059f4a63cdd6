import type { Cluster, KObject } from '../../../engine'

/** One server-side table: the columns (wide = Priority 1) and the row function (all columns). */
export interface TableDef {
  columns: { name: string; wide?: boolean }[]
  row(c: Cluster, obj: KObject): string[]
}

export const col = (name: string, wide = false) => ({ name, wide })
