/** Every format handler, in priority order: when several sniff a file as theirs, the first listed wins. */
import type { FormatHandler } from './handler.js';
import { accessHandler } from './handlers/access.js';
import { archiveHandler } from './handlers/archive.js';
import { dbfHandler } from './handlers/dbf.js';
import { emailHandler } from './handlers/email.js';
import { emlxHandler } from './handlers/emlx.js';
import { htmlHandler } from './handlers/html.js';
import { icalendarHandler } from './handlers/icalendar.js';
import { imageHandler } from './handlers/image.js';
import { jsonHandler } from './handlers/json.js';
import { cborHandler } from './handlers/cbor.js';
import { csvHandler } from './handlers/csv.js';
import { pkcs7Handler } from './handlers/pkcs7.js';
import { jsonlHandler } from './handlers/jsonl.js';
import { legacyOfficeHandler } from './handlers/legacy-office.js';
import { mboxHandler } from './handlers/mbox.js';
import { mifHandler } from './handlers/mif.js';
import { msgHandler } from './handlers/msg.js';
import { officeHandler } from './handlers/office.js';
import { openpgpHandler } from './handlers/openpgp.js';
import { oleHandler } from './handlers/ole.js';
import { pdfHandler } from './handlers/pdf.js';
import { pstHandler } from './handlers/pst.js';
import { rtfHandler } from './handlers/rtf.js';
import { svgHandler } from './handlers/svg.js';
import { textHandler } from './handlers/text.js';
import { vcardHandler } from './handlers/vcard.js';
import { warcHandler } from './handlers/warc.js';
import { wordmlHandler } from './handlers/wordml.js';
import { xmlHandler } from './handlers/xml.js';
import { zipHandler } from './handlers/zip.js';

/** The handlers readDocument chooses from; adding a format means writing its file and listing it here. */
export const HANDLERS: FormatHandler[] = [
  pdfHandler,
  openpgpHandler, // encrypted messages fail as "encrypted", asking for the key or password
  pkcs7Handler, // CMS signed files (.p7m: the signed content a child) and signatures; encrypted ones fail as "encrypted"
  wordmlHandler, // Word 2003 XML, also when named .doc (before the Word readers, which would send it to LibreOffice)
  imageHandler,
  zipHandler, // declines zips whose first members show an office package
  archiveHandler, // 7z, rar, tar, iso and compressed files, through bsdtar
  officeHandler, // Word, Excel, PowerPoint and OpenDocument files, which are zips too; reads .docx through handlers/docx.ts
  oleHandler, // hands Outlook messages in compound files to msgHandler, Word and PowerPoint files to LibreOffice
  legacyOfficeHandler, // WordPerfect, and non-OLE files named .doc/.ppt/.wps, through LibreOffice
  msgHandler, // claims OLE files named .msg
  pstHandler, // Outlook data files, through readpst
  accessHandler, // Access databases (.mdb, .accdb), through mdbtools: a child per table
  dbfHandler, // dBase and FoxPro tables, by extension only (their header has no signature worth sniffing)
  mifHandler, // FrameMaker MIF as text; binary FrameMaker refused by name
  warcHandler, // web archives: each captured page or file a child
  mboxHandler, // before email: an mbox starts with a "From " line and then a message's headers
  emlxHandler, // before email: a count line, then a message
  emailHandler,
  rtfHandler,
  vcardHandler,
  icalendarHandler,
  svgHandler, // before html and text: drawings are XML, their words are in <text> elements
  htmlHandler,
  xmlHandler, // after svg and html, which it leaves their roots to: any other XML as its text, never its source
  jsonlHandler,
  jsonHandler,
  cborHandler,
  csvHandler, // as text; past the table limits, parts of rows with the header repeated
  textHandler,
];
