// vCard (.vcf) contacts and iCalendar (.ics) events as readable child documents: folded lines, quoted-printable
// vCard 2.1, escapes, parameters with quotes; times as metadata; a broken file refused while the rest lands.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { readDocument } from '../../src/ingest/read-document.js';
import { rejectsWith } from './helpers/assert-failure.js';
import { writeZip } from './helpers/zip-writer.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

// Three contacts as phones and mail programs export them: vCard 3.0 with a folded NOTE and escapes, vCard 2.1 from
// an old phone (quoted-printable Windows-1252 with a soft line break, bare TEL parameters), vCard 4.0 with only N.
const VCF = [
  'BEGIN:VCARD', 'VERSION:3.0', 'FN:Layla Haddad', 'N:Haddad;Layla;;Dr.;', 'ORG:Ministry of Finance;Audit Office',
  'TITLE:Deputy Director', 'TEL;TYPE=WORK,VOICE:+964 1 555 0100', 'TEL;TYPE=CELL:+964 770 555 0101',
  'item1.EMAIL;TYPE=INTERNET,pref:layla.haddad@example.org',
  'ADR;TYPE=WORK:;;12 Rashid Street;Baghdad;;;Iraq',
  'NOTE:Met the contractor from Basra twice in 2019\\, once at the ministry\\; see the ledg',
  ' er notes.',
  'END:VCARD',
  'BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen', 'FN;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller',
  'ORG;ENCODING=QUOTED-PRINTABLE:Stadtwerke L=FCbeck GmbH, Abteilung f=FCr Beschaffung und Vertr=',
  'ieb',
  'TEL;WORK;VOICE:+49 451 555 0102', 'EMAIL;INTERNET:j.mueller@example.de', 'END:VCARD',
  'BEGIN:VCARD', 'VERSION:4.0', 'N:Said;Omar;;;', 'EMAIL:omar.said@example.net', 'END:VCARD', '',
].join('\r\n');

test('reads each contact of a .vcf as a child: name, organisation, title, phones, e-mails as lines and metadata', async () => {
  const doc = await readDocument('phone/contacts.vcf', new Uint8Array(iconv.encode(VCF, 'windows-1252')));
  assert.equal(doc.format, 'vcard');
  assert.equal(doc.text, 'Layla Haddad\nJürgen Müller\nOmar Said');
  const [layla, juergen, omar] = doc.children ?? [];
  assert.equal(layla?.path, 'phone/contacts.vcf#1');
  assert.equal(layla?.format, 'contact');
  assert.equal(layla?.title, 'Layla Haddad');
  assert.equal(layla?.text, [
    'Layla Haddad, Deputy Director, Ministry of Finance, Audit Office.',
    'Phone (work): +964 1 555 0100',
    'Phone (cell): +964 770 555 0101',
    'E-mail: layla.haddad@example.org',
    'Address (work): 12 Rashid Street, Baghdad, Iraq',
    'Note: Met the contractor from Basra twice in 2019, once at the ministry; see the ledger notes.',
  ].join('\n'));
  assert.deepEqual(layla?.meta, {
    name: 'Layla Haddad', org: 'Ministry of Finance, Audit Office', title: 'Deputy Director',
    email: 'layla.haddad@example.org', phone: '+964 1 555 0100, +964 770 555 0101',
  });
  assert.equal(layla?.language, 'en');
  assert.equal(juergen?.title, 'Jürgen Müller');
  assert.equal(juergen?.meta?.org, 'Stadtwerke Lübeck GmbH, Abteilung für Beschaffung und Vertrieb');
  assert.match(juergen?.text ?? '', /^Phone \(work\): \+49 451 555 0102$/m);
  assert.equal(omar?.title, 'Omar Said', 'without FN the name comes from N');
});

const ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example Corp//Calendar 1.0//EN', 'X-WR-CALNAME:Desk calendar',
  'BEGIN:VTIMEZONE', 'TZID:Asia/Baghdad', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0300', 'END:STANDARD', 'END:VTIMEZONE',
  'BEGIN:VEVENT', 'UID:meeting-1@example.org', 'DTSTAMP:20191120T080000Z', 'CREATED:20191118T091500Z',
  'DTSTART;TZID=Asia/Baghdad:20191119T100000', 'DTEND;TZID=Asia/Baghdad:20191119T113000',
  'SUMMARY:Meeting with the contractor about the Basra payments', 'LOCATION:Ministry of Finance\\, room 4\\, Baghdad',
  'ORGANIZER;CN=Layla Haddad:mailto:layla.haddad@example.org',
  'ATTENDEE;CN="Said, Omar";PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:omar.said@example.net',
  'ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:desk@example.com',
  'DESCRIPTION:Agenda:\\n1. the two payments of last year\\n2. the next tender; bring the le',
  '\tdger.',
  'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Reminder', 'TRIGGER:-PT15M', 'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT', 'UID:holiday@example.org', 'DTSTART;VALUE=DATE:20191201', 'DTEND;VALUE=DATE:20191202', 'SUMMARY:Office closed', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n');

test('reads each event of an .ics as a child: summary, time, place, organiser, attendees; times as metadata', async () => {
  const doc = await readDocument('desk.ics', bytes(ICS));
  assert.equal(doc.format, 'icalendar');
  assert.equal(doc.title, 'Desk calendar');
  const [meeting, holiday] = doc.children ?? [];
  assert.equal(meeting?.path, 'desk.ics#1');
  assert.equal(meeting?.format, 'event');
  assert.equal(meeting?.title, 'Meeting with the contractor about the Basra payments');
  assert.equal(meeting?.text, [
    'Meeting with the contractor about the Basra payments.',
    'When: 2019-11-19 10:00 Asia/Baghdad to 11:30 Asia/Baghdad',
    'Where: Ministry of Finance, room 4, Baghdad',
    'Organizer: Layla Haddad <layla.haddad@example.org>',
    'Attendees: Said, Omar <omar.said@example.net> (accepted); desk@example.com',
    '',
    'Agenda:\n1. the two payments of last year\n2. the next tender; bring the ledger.',
  ].join('\n'));
  assert.deepEqual(meeting?.meta, {
    kind: 'event', start: '2019-11-19T10:00:00', end: '2019-11-19T11:30:00', timezone: 'Asia/Baghdad',
    location: 'Ministry of Finance, room 4, Baghdad', organizer: 'Layla Haddad <layla.haddad@example.org>',
    attendees: 'Said, Omar <omar.said@example.net> (accepted); desk@example.com', uid: 'meeting-1@example.org',
  });
  assert.equal(meeting?.published, '2019-11-18', 'written the day it was created');
  assert.equal(meeting?.author, 'Layla Haddad');
  assert.doesNotMatch(meeting?.text ?? '', /Reminder/, 'alarms are not part of the event text');
  assert.deepEqual([holiday?.meta?.start, holiday?.meta?.end, holiday?.published], ['2019-12-01', '2019-12-02', '2019-12-01']);
  assert.match(holiday?.text ?? '', /^When: 2019-12-01 to 2019-12-02$/m);
});

test('sniffs contacts and calendars saved under other names', async () => {
  assert.equal((await readDocument('export.txt', bytes(ICS))).format, 'icalendar');
  assert.equal((await readDocument('card', bytes(VCF))).format, 'vcard');
});

test('a broken .vcf or .ics fails with its path and reason; the other files of the archive land', async () => {
  await rejectsWith(readDocument('empty.vcf', bytes('Name: Layla Haddad\nPhone: +964 1 555 0100\n')), 'corrupt-contacts', /^empty\.vcf holds no contact: no BEGIN:VCARD/);
  await rejectsWith(readDocument('bad.ics', bytes('SUMMARY:Meeting\nDTSTART:20191119\n')), 'corrupt-calendar', /^bad\.ics is not an iCalendar file/);
  const zip = await readDocument('export.zip', writeZip([{ name: 'bad.ics', data: 'SUMMARY:Meeting\n' }, { name: 'desk.ics', data: ICS }, { name: 'contacts.vcf', data: VCF }]));
  assert.deepEqual(zip.children?.map((c) => [c.path, c.children?.length]), [['export.zip!/desk.ics', 2], ['export.zip!/contacts.vcf', 3]]);
  assert.deepEqual(zip.warnings?.map((w) => [w.path, w.code]), [['export.zip!/bad.ics', 'corrupt-calendar']]);
});
