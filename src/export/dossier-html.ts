/**
 * The dossier as one self-contained HTML page for a fact-checker: inline CSS, no script, no font, image or link to any
 * other host (no request leaves the page), every text escaped. Each edge: its ends and type, confidence, review
 * verdict, corroboration by grade, every cited sentence with its document, grade and offsets, denials and notes.
 */
import type { Dossier, DossierCitation, DossierEdge } from './dossier.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
body{font:15px/1.5 Georgia,"Times New Roman",serif;color:#1d1d1f;background:#fff;margin:0 auto;max-width:60rem;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:0}
.meta,.small{color:#555;font-size:.85rem}
.filters{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f4f4f6;padding:.5rem .75rem;border-radius:4px;white-space:pre-wrap}
section.edge{border-top:1px solid #ccc;padding:1rem 0}
.verdict{display:inline-block;font:12px/1.6 sans-serif;padding:0 .45rem;border-radius:3px;background:#eee}
.v-accepted,.v-added,.v-edited{background:#dcf3e0}.v-unreviewed{background:#fff3cd}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.15rem .5rem;font-size:.85rem;text-align:left}
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid #888;background:#fafafa}
blockquote.denial{border-left-color:#b00020}
.note{background:#fffbe6;padding:.25rem .75rem;margin:.25rem 0}
@media print{section.edge{break-inside:avoid}}
`;

function citation(c: DossierCitation, denial = false): string {
  return `<blockquote${denial ? ' class="denial"' : ''}><p>${escapeHtml(c.sentence)}</p>`
    + `<p class="small">${denial ? 'Denied in ' : ''}<strong>${escapeHtml(c.title)}</strong>`
    + `${c.source ? ` · ${escapeHtml(c.source)}` : ''}${c.published ? ` · ${escapeHtml(c.published)}` : ''}`
    + ` · grade ${escapeHtml(c.grade ?? 'ungraded')} · document ${escapeHtml(c.documentId)}, characters ${c.start}–${c.end}`
    + `${c.analyst ? ` · attached by ${escapeHtml(c.analyst.by ?? 'an analyst')} ${escapeHtml(c.analyst.at)}` : ''}</p></blockquote>`;
}

function edge(e: DossierEdge, n: number): string {
  const corroboration = Object.entries(e.corroboration).map(([g, k]) => `<tr><td>${escapeHtml(g)}</td><td>${k}</td></tr>`).join('');
  const review = e.review.verdict === 'unreviewed' ? 'unreviewed' : `${e.review.verdict}${e.review.by ? ` by ${e.review.by}` : ''}${e.review.at ? `, ${e.review.at}` : ''}`;
  return `<section class="edge" id="edge-${n}">
<h2>${n}. ${escapeHtml(e.source.name)} <em>${escapeHtml(e.label)}</em> ${escapeHtml(e.target.name)}</h2>
<p class="meta">${escapeHtml(e.type)} · ${escapeHtml(e.source.type ?? '')} → ${escapeHtml(e.target.type ?? '')} · confidence ${e.confidence.toFixed(2)} · ${e.independentSources} independent source${e.independentSources === 1 ? '' : 's'} · <span class="verdict v-${escapeHtml(e.review.verdict.split(/[ ,]/u)[0])}">${escapeHtml(review)}</span> · ${escapeHtml(e.id)}</p>
<table><caption class="small">Corroboration by grade</caption><tr><th>Grade</th><th>Independent sources</th></tr>${corroboration}</table>
<h3 class="small">Citations (${e.citations.length})</h3>
${e.citations.map((c) => citation(c)).join('\n')}
${e.denials.length > 0 ? `<h3 class="small">Denials (${e.denials.length})</h3>\n${e.denials.map((c) => citation(c, true)).join('\n')}` : ''}
${e.notes.length > 0 ? `<h3 class="small">Notes</h3>\n${e.notes.map((x) => `<div class="note"><p>${escapeHtml(x.text)}</p><p class="small">${escapeHtml(x.by ?? 'unknown')} · ${escapeHtml(x.at)}</p></div>`).join('\n')}` : ''}
</section>`;
}

/** The dossier as one HTML page. */
export function buildDossierHtml(d: Dossier): string {
  const filters = Object.entries(d.view.query).map(([k, v]) => `${k}: ${String(v)}`).join('\n') || 'none (the whole network, default filters)';
  const selected = d.entities.filter((e) => e.selected).map((e) => escapeHtml(e.name)).join(', ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dossier: ${escapeHtml(d.view.name)}</title>
<style>${CSS}</style></head>
<body>
<h1>Dossier: ${escapeHtml(d.view.name)}</h1>
<p class="meta">Saved view ${d.view.id} by ${escapeHtml(d.view.by ?? 'unknown')}, ${escapeHtml(d.view.at)} · collections ${escapeHtml(d.view.collections.join(', '))} · generated ${escapeHtml(d.generated)}</p>
<p class="meta">${d.edges.length} relation${d.edges.length === 1 ? '' : 's'} between ${d.entities.length} entities (accepted and unreviewed; rejected ones are never listed).${selected ? ` Selected: ${selected}.` : ''}</p>
${d.note ? `<p class="meta">${escapeHtml(d.note)}</p>` : ''}
<div class="filters">${escapeHtml(filters)}</div>
${d.edges.map((e, i) => edge(e, i + 1)).join('\n')}
</body></html>
`;
}
