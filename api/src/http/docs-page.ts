// A self-contained docs page (no CDN): lists the operations of /api/openapi.json by tag. Its
// script and style are files of their own, so the page runs under the app's Content-Security-
// Policy (scripts from this origin only) like everything else.
export const DOCS_STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem 2rem;color:#1d2430}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
details{border:1px solid #e3e6ea;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}
summary{cursor:pointer}.m{display:inline-block;width:4.5rem;font-weight:600;font-family:monospace}
.get{color:#1f7a3d}.post{color:#1d5fbf}.put{color:#9a6a00}.delete{color:#b3261e}
code,pre{font-family:ui-monospace,monospace;font-size:12px}pre{background:#f6f8fa;padding:.5rem;overflow:auto}
.access{color:#555}
`;

export const DOCS_SCRIPT = `const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (ch) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[ch]));
fetch('/api/openapi.json').then((r) => r.json()).then((doc) => {
  const byTag = {};
  for (const [path, item] of Object.entries(doc.paths || {}))
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags && op.tags[0]) || 'other';
      (byTag[tag] = byTag[tag] || []).push({ path, method, op });
    }
  document.getElementById('ops').innerHTML = Object.entries(byTag).map(([tag, ops]) =>
    '<h2>' + esc(tag) + '</h2>' + ops.map(({ path, method, op }) =>
      '<details><summary><span class="m ' + method + '">' + method.toUpperCase() + '</span><code>' + esc(path) +
      '</code> — ' + esc(op.summary) + '</summary><p class="access">' + esc(op.description).replace(/\\n/g, '<br>') +
      '</p>' + (op.requestBody ? '<p>Body:</p><pre>' + esc(JSON.stringify(op.requestBody.content, null, 2)) + '</pre>' : '') +
      (op.parameters ? '<p>Parameters:</p><pre>' + esc(JSON.stringify(op.parameters, null, 2)) + '</pre>' : '') +
      '</details>').join('')).join('');
}).catch((e) => { document.getElementById('ops').textContent = 'Could not load the document: ' + e; });
`;

export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Baton API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/docs.css">
</head><body>
<h1>Baton API</h1>
<p>Machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are
<code>application/problem+json</code> with a stable <code>code</code>. Authenticate with the session cookie
(<code>POST /api/auth/login</code>) or <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<div id="ops">Loading…</div>
<script src="/api/docs/docs.js"></script>
</body></html>`;
