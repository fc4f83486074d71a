/**
 * The private LibreOffice profile each soffice instance starts with: settings that keep a converted leak from calling
 * out, and the Basic library whose Serve macro turns one soffice process into a converter for many files (a spool
 * folder of jobs, soffice-instance.ts), so LibreOffice's start-up (seconds) is paid once per run, not once per file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// A document may link images or text by URL (a tracking "beacon" in a leaked file): every web request goes to a proxy
// on the discard port of this machine, which refuses it, so converting a file never tells its author where and when it
// was opened. Documents are loaded with macros off (MacroExecutionMode NEVER_EXECUTE in the Serve macro) and links not
// updated; untrusted referer links are blocked. Our own macro lives in the profile's "My Macros", which is not a
// document's macro: DisableMacrosExecution would stop it too, so document macros are shut out at load time instead.
const SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${[
    ['Inet/Settings', 'ooInetProxyType', '2'],
    ['Inet/Settings', 'ooInetNoProxy', ''],
    ...['HTTP', 'HTTPS', 'FTP'].flatMap((p) => [['Inet/Settings', `ooInet${p}ProxyName`, '127.0.0.1'], ['Inet/Settings', `ooInet${p}ProxyPort`, '9']]),
    ['Office.Common/Security/Scripting', 'MacroSecurityLevel', '3'],
    ['Office.Common/Security/Scripting', 'BlockUntrustedRefererLinks', 'true'],
    // The profile is laid out here: LibreOffice must not lay out its presets over it (they would replace the library).
    ['Setup/Office', 'ooSetupInstCompleted', 'true'],
  ].map(([node, name, value]) => `<item oor:path="/org.openoffice.${node}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`).join('\n')}
</oor:items>
`;

/**
 * Serve(spool, idleMs): takes jobs "<id>.job" from the spool folder (four lines: source path, target path, export
 * filter, the filter's options or an empty line), one at a time; loads the source hidden, read-only, macros never run, links not updated; stores it with the
 * filter; writes "<id>.done" (renamed from "<id>.tmp", so it is whole when it appears) holding "ok" or "error: " and
 * LibreOffice's message. A "stop" file, or idleMs without a job, ends LibreOffice.
 */
const SERVE = `
Sub Serve(spool As String, idleMs As Long)
  Dim idle As Long, name As String
  idle = 0
  Do While idle < idleMs
    If FileExists(spool & "/stop") Then Exit Do
    name = Dir(spool & "/*.job")
    If name = "" Then
      Wait 20
      idle = idle + 20
    Else
      idle = 0
      RunJob(spool, Left(name, Len(name) - 4))
    End If
  Loop
  StarDesktop.terminate()
End Sub

Sub RunJob(spool As String, id As String)
  Dim n As Integer, src As String, dst As String, filter As String, opts As String, result As String, doc As Object
  Dim load(3) As New com.sun.star.beans.PropertyValue
  Dim save(0) As New com.sun.star.beans.PropertyValue
  Dim saveWith(1) As New com.sun.star.beans.PropertyValue
  n = FreeFile
  Open spool & "/" & id & ".job" For Input As #n
  Line Input #n, src
  Line Input #n, dst
  Line Input #n, filter
  opts = ""
  If Not EOF(n) Then Line Input #n, opts
  Close #n
  Kill spool & "/" & id & ".job"
  load(0).Name = "Hidden" : load(0).Value = True
  load(1).Name = "MacroExecutionMode" : load(1).Value = 0
  load(2).Name = "UpdateDocMode" : load(2).Value = 0
  load(3).Name = "ReadOnly" : load(3).Value = True
  save(0).Name = "FilterName" : save(0).Value = filter
  saveWith(0).Name = "FilterName" : saveWith(0).Value = filter
  saveWith(1).Name = "FilterOptions" : saveWith(1).Value = opts
  result = "ok"
  On Error GoTo Failed
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, load())
  If IsNull(doc) Then
    result = "error: source file could not be loaded"
  Else
    ' Text documents are laid out to their last page first, so the export holds every page break of the layout.
    If doc.supportsService("com.sun.star.text.TextDocument") Then doc.getCurrentController().getViewCursor().jumpToLastPage()
    If opts = "" Then
      doc.storeToURL(ConvertToURL(dst), save())
    Else
      doc.storeToURL(ConvertToURL(dst), saveWith())
    End If
    doc.close(True)
  End If
  GoTo Report
Failed:
  result = "error: " & Error$
  Resume Report
Report:
  On Error GoTo 0
  n = FreeFile
  Open spool & "/" & id & ".tmp" For Output As #n
  Print #n, result
  Close #n
  Name spool & "/" & id & ".tmp" As spool & "/" & id & ".done"
End Sub
`;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const DOCTYPE = (root: string, dtd: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ${root} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "${dtd}">\n`;
const LIBRARIES = `${DOCTYPE('library:libraries', 'libraries.dtd')}<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
`;
const library = (elements: string) => `${DOCTYPE('library:library', 'library.dtd')}<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">${elements}</library:library>
`;

/** The macro URL that starts serving the spool folder (paths quoted for Basic: a double quote doubled). */
export function serveMacro(spool: string, idleMs: number): string {
  return `macro:///Standard.Cablegraph.Serve("${spool.replace(/"/g, '""')}",${Math.round(idleMs)})`;
}

/** Writes a fresh profile (settings and the Basic library) under `profile`. */
export async function writeProfile(profile: string): Promise<void> {
  const user = join(profile, 'user');
  const basic = join(user, 'basic');
  await mkdir(join(basic, 'Standard'), { recursive: true, mode: 0o700 });
  await writeFile(join(user, 'registrymodifications.xcu'), SETTINGS);
  await writeFile(join(basic, 'script.xlc'), LIBRARIES);
  await writeFile(join(basic, 'dialog.xlc'), LIBRARIES);
  await writeFile(join(basic, 'Standard', 'script.xlb'), library('\n <library:element library:name="Cablegraph"/>\n'));
  await writeFile(join(basic, 'Standard', 'dialog.xlb'), library(''));
  await writeFile(join(basic, 'Standard', 'Cablegraph.xba'), `${DOCTYPE('script:module', 'module.dtd')}<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Cablegraph" script:language="StarBasic">${xml(SERVE)}</script:module>
`);
}
