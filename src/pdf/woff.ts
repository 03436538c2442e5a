/**
 * WOFF 1.0 to a plain OpenType (sfnt) file, in memory.
 *
 * fontkit reads WOFF directly, but it inflates a compressed table every time the table is read,
 * and subsetting reads the `glyf` table once per glyph: embedding an Arabic subset took close to
 * half a second per document. Unpacking each font once when it is loaded avoids all of that.
 * Format: https://www.w3.org/TR/WOFF/ (header, table directory, zlib-compressed tables).
 */
import { inflateSync } from 'node:zlib'

const WOFF_SIGNATURE = 0x774f4646 // 'wOFF'
const HEADER_SIZE = 44
const ENTRY_SIZE = 20

interface TableEntry {
  readonly tag: number
  readonly checksum: number
  readonly data: Uint8Array
}

/** Whether the bytes are a WOFF 1.0 file. */
export function isWoff(data: Uint8Array): boolean {
  return data.length >= HEADER_SIZE && new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0) === WOFF_SIGNATURE
}

/** Unpacks a WOFF 1.0 file into the sfnt it wraps; throws on a malformed file. */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength)
  if (!isWoff(woff)) throw new Error('Not a WOFF file')
  const flavor = view.getUint32(4)
  const numTables = view.getUint16(12)
  const tables: TableEntry[] = []
  for (let i = 0; i < numTables; i++) {
    const at = HEADER_SIZE + i * ENTRY_SIZE
    const offset = view.getUint32(at + 4)
    const compLength = view.getUint32(at + 8)
    const origLength = view.getUint32(at + 12)
    const stored = woff.subarray(offset, offset + compLength)
    const data = compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length')
    tables.push({ tag: view.getUint32(at), checksum: view.getUint32(at + 16), data })
  }

  const padded = (n: number): number => (n + 3) & ~3
  const directorySize = 12 + 16 * numTables
  const size = tables.reduce((sum, t) => sum + padded(t.data.length), directorySize)
  const out = new Uint8Array(size)
  const outView = new DataView(out.buffer)
  const entrySelector = Math.floor(Math.log2(numTables))
  const searchRange = 2 ** entrySelector * 16
  outView.setUint32(0, flavor)
  outView.setUint16(4, numTables)
  outView.setUint16(6, searchRange)
  outView.setUint16(8, entrySelector)
  outView.setUint16(10, numTables * 16 - searchRange)
  let offset = directorySize
  tables.forEach((table, i) => {
    const at = 12 + i * 16
    outView.setUint32(at, table.tag)
    outView.setUint32(at + 4, table.checksum)
    outView.setUint32(at + 8, offset)
    outView.setUint32(at + 12, table.data.length)
    out.set(table.data, offset)
    offset += padded(table.data.length)
  })
  return out
}
