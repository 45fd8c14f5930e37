import { escapeHtml as e } from '../lib/html.ts';
import { diffDocuments, type PolicyDocument } from './document.ts';
import { versionInForce, type PolicyVersion } from './store.ts';

const date = (d: Date) => new Date(d).toISOString().slice(0, 10);

function renderDocument(doc: PolicyDocument): string {
  return doc.sections.map((s) => `
<section id="s${e(s.id)}"><h2>${e(s.id)}. ${e(s.title)}</h2>
${(s.text ?? []).map((p) => `<p>${e(p)}</p>`).join('\n')}
${s.items?.length ? `<ul>${s.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>` : ''}
${(s.clauses ?? []).map((c) => `<h3 id="c${e(c.id)}">${e(c.id)} ${e(c.title)}</h3><ul>${c.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`).join('\n')}
${(s.after ?? []).map((p) => `<p>${e(p)}</p>`).join('\n')}
</section>`).join('\n');
}

/**
 * The public policy page: the version shown (by default the one in force), when it took or takes effect, what it
 * changed from the version before, any version to come, and every earlier version.
 */
export function renderPolicyPage(p: { versions: PolicyVersion[]; shown: PolicyVersion; now: Date }): string {
  const current = versionInForce(p.versions, p.now);
  const previous = p.versions.filter((v) => v.version < p.shown.version).at(-1);
  const changes = previous ? diffDocuments(previous.document, p.shown.document) : [];
  const status = p.shown.version === current?.version
    ? `In force since ${date(p.shown.effective_at)}.`
    : p.shown.effective_at.getTime() > p.now.getTime()
      ? `Takes effect on ${date(p.shown.effective_at)}. Until then version ${current?.version ?? '–'} is in force.`
      : `Superseded. In force from ${date(p.shown.effective_at)}.`;
  const upcoming = p.versions.filter((v) => v.effective_at.getTime() > p.now.getTime() && v.version !== p.shown.version);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(p.shown.title)} — version ${p.shown.version}</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1c1e21}
.meta{color:#555}.changes li,.versions li{margin:.2rem 0}nav{margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}</style></head>
<body><h1>${e(p.shown.title)}</h1>
<p class="meta">Version ${p.shown.version}. ${e(status)}</p>
${p.shown.summary ? `<p>${e(p.shown.summary)}</p>` : ''}
${changes.length ? `<h2>What changed from version ${previous!.version}</h2><ul class="changes">${changes.map((c) => `<li>${e(c.id)} ${e(c.title)}: ${c.change}</li>`).join('')}</ul>` : ''}
${upcoming.map((v) => `<p class="meta"><a href="/legal/aup/v${v.version}">Version ${v.version}</a> takes effect on ${date(v.effective_at)}.</p>`).join('\n')}
${renderDocument(p.shown.document)}
<nav><h2>All versions</h2><ul class="versions">${[...p.versions].reverse().map((v) =>
    `<li><a href="/legal/aup/v${v.version}">Version ${v.version}</a>, effective ${date(v.effective_at)}${v.version === current?.version ? ' (in force)' : ''}</li>`).join('')}</ul></nav>
</body></html>`;
}
