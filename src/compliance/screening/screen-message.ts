// Screens everything a customer would read in a Cloud API message object (text, captions, interactive parts,
// a template send's parameters) or a template definition (components and button URLs), as one text so a scare
// in the body and the link in a button are judged together. A button that shows one text and opens a URL
// becomes a Markdown anchor, so a "hdfcbank.com" button opening another domain is a shown-vs-real mismatch.

import { screenText, type ScreenContext, type Verdict } from './screen-text.ts';

type Obj = Record<string, unknown>;
const MAX_PARTS = 2000;
const MAX_DEPTH = 8;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const obj = (v: unknown): Obj | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, MAX_PARTS) : []);

export function screenMessage(body: object, context?: ScreenContext): Verdict {
  return screenText(messageTexts(body).join('\n'), context);
}

/** The customer-visible texts of a message or template, in reading order. */
export function messageTexts(body: object): string[] {
  const out: string[] = [];
  const push = (v: unknown) => { const s = str(v); if (s !== null && out.length < MAX_PARTS) out.push(s); };
  const anchor = (shown: unknown, url: unknown) => {
    const [s, u] = [str(shown), str(url)];
    if (s && u) push(`[${s.replace(/[[\]]/g, ' ')}](${u.replace(/[()\s]/g, '')})`); else { push(s); push(u); }
  };
  const root = obj(body);
  if (!root) return out;

  push(obj(root['text'])?.['body']);
  for (const media of ['image', 'video', 'document', 'audio', 'sticker']) {
    const m = obj(root[media]);
    push(m?.['caption']);
    if (media === 'document') push(m?.['filename']);
  }
  const location = obj(root['location']);
  push(location?.['name']); push(location?.['address']);
  interactive(obj(root['interactive']), push, anchor);
  const template = obj(root['template']);
  if (template) templateSend(template, push);
  // A template definition (create, edit or submission): its components, or a body that is one.
  for (const components of [root['components'], template?.['components']]) templateComponents(arr(components), push, anchor, 0);
  return out;
}

function interactive(i: Obj | null, push: (v: unknown) => void, anchor: (s: unknown, u: unknown) => void): void {
  if (!i) return;
  const header = obj(i['header']);
  push(header?.['text']);
  for (const media of ['image', 'video', 'document']) push(obj(header?.[media])?.['caption']);
  push(obj(i['body'])?.['text']);
  push(obj(i['footer'])?.['text']);
  const action = obj(i['action']);
  if (!action) return;
  push(action['button']);
  for (const b of arr(action['buttons'])) push(obj(obj(b)?.['reply'])?.['title'] ?? obj(b)?.['title']);
  for (const section of arr(action['sections'])) {
    push(obj(section)?.['title']);
    for (const row of arr(obj(section)?.['rows'])) { push(obj(row)?.['title']); push(obj(row)?.['description']); }
    for (const item of arr(obj(section)?.['product_items'])) push(obj(item)?.['product_retailer_id']);
  }
  const params = obj(action['parameters']);
  if (params) { anchor(params['display_text'], params['url']); push(params['flow_cta']); }
}

// A template send carries the parameters that fill the approved text: every text, payload or URL suffix.
function templateSend(template: Obj, push: (v: unknown) => void): void {
  for (const component of arr(template['components'])) {
    for (const p of arr(obj(component)?.['parameters'])) {
      const param = obj(p);
      if (!param) continue;
      push(param['text']); push(param['payload']);
      push(obj(param['currency'])?.['fallback_value']);
      push(obj(param['date_time'])?.['fallback_value']);
      for (const media of ['image', 'video', 'document']) push(obj(param[media])?.['caption']);
    }
  }
}

function templateComponents(components: unknown[], push: (v: unknown) => void, anchor: (s: unknown, u: unknown) => void, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const c of components) {
    const component = obj(c);
    if (!component) continue;
    if (!Array.isArray(component['parameters'])) push(component['text']);
    for (const b of arr(component['buttons'])) {
      const button = obj(b);
      if (!button) continue;
      if (str(button['url'])) anchor(button['text'], button['url']); else push(button['text']);
    }
    // Carousel cards hold components of their own.
    for (const card of arr(component['cards'])) templateComponents(arr(obj(card)?.['components']), push, anchor, depth + 1);
  }
}
