/** The sign-in page: a plain form (no script, no inline style, so the strict Content-Security-Policy holds). */

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The login form, with an optional message (e.g. "Wrong name or password."). */
export function loginPage(message = '', name = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in - Cablegraph</title></head>
<body><main>
<h1>Cablegraph</h1>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/login">
<p><label>Name <input name="name" autocomplete="username" required maxlength="100" value="${escapeHtml(name)}"></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="1000"></label></p>
<p><button type="submit">Sign in</button></p>
</form>
</main></body></html>
`;
}
