/** The sign-in page: a plain form (no script, no inline style, so the strict Content-Security-Policy holds). */

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Where to go after signing in: `next` when it is a path of this server ("/entities/ent_1?tab=2"), else "/". A scheme,
 * a host ("//evil.example") or a backslash would let a crafted sign-in link send the user elsewhere.
 */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.length <= 2000 && /^\/(?![/\\])[^\\\s]*$/.test(next) ? next : '/';
}

/** The login form, with an optional message (e.g. "Wrong name or password.") and the page to open after it. */
export function loginPage(message = '', name = '', next = '/'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in - Cablegraph</title></head>
<body><main>
<h1>Cablegraph</h1>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/login">
<p><label>Name <input name="name" autocomplete="username" required maxlength="100" value="${escapeHtml(name)}"></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="1000"></label></p>
${next !== '/' ? `<input type="hidden" name="next" value="${escapeHtml(next)}">` : ''}
<p><button type="submit">Sign in</button></p>
</form>
</main></body></html>
`;
}
