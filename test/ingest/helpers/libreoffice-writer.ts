// Builds real legacy Office files with LibreOffice itself: flat OpenDocument sources (.fodt/.fodp, written here) are
// saved as Word 97 .doc and PowerPoint 97 .ppt (or .docx, .pptx, .odt), optionally with a password, by a Basic macro in a private profile, so
// one soffice start writes every fixture.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One file to write: an OpenDocument source and how to save it. */
export interface LegacyFixture {
  name: string;
  /** A flat OpenDocument file (flatText or flatPresentation). */
  source: string;
  as: 'doc' | 'ppt' | 'docx' | 'pptx' | 'odt';
  password?: string;
}

const FILTERS = {
  doc: ['fodt', 'MS Word 97'], ppt: ['fodp', 'MS PowerPoint 97'],
  docx: ['fodt', 'MS Word 2007 XML'], pptx: ['fodp', 'Impress MS PowerPoint 2007 XML'], odt: ['fodt', 'writer8'],
} as const;

/** True when soffice runs here. */
export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;
}

/** Writes every fixture in one soffice run; returns their bytes by name. */
export function writeLegacyFixtures(fixtures: LegacyFixture[]): Map<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'cablegraph-test-soffice-'));
  try {
    const profile = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`];
    const env = { ...process.env, HOME: dir };
    // A first start lays out the profile (its Basic library included, which it would overwrite); then the module goes in.
    spawnSync('soffice', ['--headless', '--terminate_after_init', ...profile], { env, timeout: 120_000 });
    writeFileSync(join(dir, 'profile', 'user', 'basic', 'Standard', 'Module1.xba'), MODULE);
    const jobs = fixtures.map((f) => {
      const [ext, filter] = FILTERS[f.as];
      const src = join(dir, `${f.name}.${ext}`);
      writeFileSync(src, f.source);
      return [src, join(dir, `${f.name}.${f.as}`), filter, f.password ?? ''].join(';');
    });
    const run = spawnSync('soffice', [
      '--headless', '--norestore', ...profile, `macro:///Standard.Module1.Save("${jobs.join('|')}")`,
    ], { env, timeout: 120_000, encoding: 'utf8' });
    const out = new Map<string, Uint8Array>();
    for (const f of fixtures) {
      try {
        out.set(f.name, new Uint8Array(readFileSync(join(dir, `${f.name}.${f.as}`))));
      } catch {
        throw new Error(`soffice did not write ${f.name}.${f.as} (status ${run.status}): ${run.stderr}`);
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A flat .fodt: paragraphs ("\f" before one starts a new page) and the document's title, author and creation date. */
export function flatText(paragraphs: string[], meta: { title?: string; author?: string; created?: string } = {}): string {
  const body = paragraphs.map((p) => p.startsWith('\f')
    ? `<text:p text:style-name="PageBreak">${escape(p.slice(1))}</text:p>`
    : `<text:p>${escape(p)}</text:p>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta>${metaXml(meta)}</office:meta>
<office:automatic-styles><style:style style:name="PageBreak" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style></office:automatic-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>`;
}

/** A flat .fodp with one text box of paragraphs per slide, and speaker notes for the slides `notes` has an entry for. */
export function flatPresentation(slides: string[][], meta: { title?: string; author?: string } = {}, notes: (string | undefined)[] = []): string {
  const box = (paras: string[]) => `<draw:text-box>${paras.map((p) => `<text:p>${escape(p)}</text:p>`).join('')}</draw:text-box>`;
  const pages = slides.map((paras, i) => `<draw:page draw:name="slide${i + 1}"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="22cm" svg:height="12cm">${box(paras)}</draw:frame>${notes[i] ? `<presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="14cm" svg:width="17cm" svg:height="10cm">${box([notes[i]!])}</draw:frame></presentation:notes>` : ''}</draw:page>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:meta>${metaXml(meta)}</office:meta>
<office:body><office:presentation>
${pages}
</office:presentation></office:body></office:document>`;
}

/** A flat .fodt whose only picture is linked from a URL (LibreOffice fetches such pictures when it lays the page out). */
export function flatTextWithLinkedImage(text: string, url: string): string {
  return flatText([text]).replace(`<text:p>${escape(text)}</text:p>`, `<text:p>${escape(text)}<draw:frame svg:width="2cm" svg:height="2cm" text:anchor-type="as-char"><draw:image xlink:href="${escape(url)}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>`);
}

/** A flat .fodt whose paragraph is followed by a picture embedded in the file (its bytes, base64). */
export function flatTextWithPicture(text: string, png: Uint8Array): string {
  return flatText([text]).replace(`<text:p>${escape(text)}</text:p>`, `<text:p>${escape(text)}</text:p><text:p><draw:frame draw:name="Picture1" svg:width="14cm" svg:height="4cm" text:anchor-type="as-char"><draw:image><office:binary-data>${Buffer.from(png).toString('base64')}</office:binary-data></draw:image></draw:frame></text:p>`);
}

/** A flat .fodp of one slide holding a title and a picture embedded in the file. */
export function flatPresentationWithPicture(title: string, png: Uint8Array): string {
  return flatPresentation([[title]]).replace('</draw:page>', `<draw:frame svg:x="2cm" svg:y="8cm" svg:width="20cm" svg:height="6cm"><draw:image><office:binary-data>${Buffer.from(png).toString('base64')}</office:binary-data></draw:image></draw:frame></draw:page>`);
}

function metaXml(meta: { title?: string; author?: string; created?: string }): string {
  return [
    meta.title ? `<dc:title>${escape(meta.title)}</dc:title>` : '',
    meta.author ? `<meta:initial-creator>${escape(meta.author)}</meta:initial-creator><dc:creator>${escape(meta.author)}</dc:creator>` : '',
    meta.created ? `<meta:creation-date>${meta.created}</meta:creation-date>` : '',
  ].join('');
}

const NS = [
  'office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"', 'text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"', 'fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"', 'dc="http://purl.org/dc/elements/1.1/"',
  'draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"', 'svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"', 'xlink="http://www.w3.org/1999/xlink"',
].map((ns) => `xmlns:${ns}`).join(' ');

// Save("src;dst;filter;password|..."): opens each source hidden and stores it with the filter (and password), then quits.
const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Save(jobs As String)
  Dim job, f, doc
  Dim load(0) As New com.sun.star.beans.PropertyValue
  Dim plain(0) As New com.sun.star.beans.PropertyValue
  Dim locked(1) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot; : load(0).Value = True
  plain(0).Name = &quot;FilterName&quot;
  locked(0).Name = &quot;FilterName&quot;
  locked(1).Name = &quot;Password&quot;
  For Each job In Split(jobs, &quot;|&quot;)
    f = Split(job, &quot;;&quot;)
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(f(0)), &quot;_blank&quot;, 0, load())
    If f(3) = &quot;&quot; Then
      plain(0).Value = f(2)
      doc.storeToURL(ConvertToURL(f(1)), plain())
    Else
      locked(0).Value = f(2)
      locked(1).Value = f(3)
      doc.storeToURL(ConvertToURL(f(1)), locked())
    End If
    doc.close(True)
  Next
  StarDesktop.terminate()
End Sub
</script:module>`;
