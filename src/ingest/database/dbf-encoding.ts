/** The character encoding a dBase/FoxPro file declares in its language driver byte (offset 29 of the header). */

// Language driver IDs as dBase IV, FoxPro and the shapefile tools (ESRI) write them, to iconv-lite encoding names.
// Kamenický (0x68) and Mazovia (0x69) have no decoder here. 0x00 (none declared) and unknown IDs fall back to Windows-1252, what most Western dBase exports use.
const DRIVERS: Record<number, string> = {
  0x01: 'cp437', 0x02: 'cp850', 0x03: 'cp1252', 0x04: 'macintosh',
  0x08: 'cp865', 0x09: 'cp437', 0x0a: 'cp850', 0x0b: 'cp437', 0x0d: 'cp437', 0x0e: 'cp850', 0x0f: 'cp437',
  0x10: 'cp850', 0x11: 'cp437', 0x12: 'cp850', 0x13: 'cp932', 0x14: 'cp850', 0x15: 'cp437', 0x16: 'cp850',
  0x17: 'cp865', 0x18: 'cp437', 0x19: 'cp437', 0x1a: 'cp850', 0x1b: 'cp437', 0x1c: 'cp863', 0x1d: 'cp850',
  0x1f: 'cp852', 0x22: 'cp852', 0x23: 'cp852', 0x24: 'cp860', 0x25: 'cp850', 0x26: 'cp866', 0x37: 'cp850',
  0x40: 'cp852', 0x4d: 'cp936', 0x4e: 'cp949', 0x4f: 'cp950', 0x50: 'cp874',
  0x57: 'cp1252', 0x58: 'cp1252', 0x59: 'cp1252',
  0x64: 'cp852', 0x65: 'cp866', 0x66: 'cp865', 0x67: 'cp861', 0x6a: 'cp737',
  0x6b: 'cp857', 0x6c: 'cp863',
  0x78: 'cp950', 0x79: 'cp949', 0x7a: 'cp936', 0x7b: 'cp932', 0x7c: 'cp874', 0x7d: 'cp1255', 0x7e: 'cp1256',
  0x86: 'cp737', 0x87: 'cp852', 0x88: 'cp857',
  0x96: 'maccyrillic', 0x97: 'maccenteuro', 0x98: 'macgreek',
  0xc8: 'cp1250', 0xc9: 'cp1251', 0xca: 'cp1254', 0xcb: 'cp1253', 0xcc: 'cp1257',
};

/** Encoding used when the file declares none or one this table does not know. */
export const DEFAULT_DBF_ENCODING = 'cp1252';

/** The encoding named by a .dbf header's language driver byte, or Windows-1252. */
export function dbfEncoding(bytes: Uint8Array): string {
  return (bytes.byteLength > 29 && DRIVERS[bytes[29]!]) || DEFAULT_DBF_ENCODING;
}
