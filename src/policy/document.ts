/**
 * A policy version's text, structured: numbered sections, some with numbered clauses, each with its items.
 * Checks name clause ids ("3.1") or section ids ("4"); the ids are stable across versions.
 */
export type PolicyClause = { id: string; title: string; items: string[] };
export type PolicySection = { id: string; title: string; text?: string[]; items?: string[]; clauses?: PolicyClause[]; after?: string[] };
export type PolicyDocument = { title: string; sections: PolicySection[] };

/** JSON Schema of a document as an operator publishes it (files and the API take the same shape). */
export const policyDocumentSchema = {
  type: 'object',
  required: ['title', 'sections'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200 },
    sections: {
      type: 'array', minItems: 1, maxItems: 50,
      items: {
        type: 'object', required: ['id', 'title'], additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[0-9]{1,2}$' },
          title: { type: 'string', minLength: 1, maxLength: 200 },
          text: { type: 'array', items: { type: 'string', maxLength: 4000 } },
          items: { type: 'array', items: { type: 'string', maxLength: 4000 } },
          after: { type: 'array', items: { type: 'string', maxLength: 4000 } },
          clauses: {
            type: 'array',
            items: {
              type: 'object', required: ['id', 'title', 'items'], additionalProperties: false,
              properties: { id: { type: 'string', pattern: '^[0-9]{1,2}\\.[0-9]{1,2}$' }, title: { type: 'string', minLength: 1, maxLength: 200 }, items: { type: 'array', items: { type: 'string', maxLength: 4000 } } },
            },
          },
        },
      },
    },
  },
} as const;

/** Every section and clause id of a document, in reading order. */
export function clauseIds(doc: PolicyDocument): string[] {
  return doc.sections.flatMap((s) => [s.id, ...(s.clauses ?? []).map((c) => c.id)]);
}

/** Problems a structurally valid document can still have: duplicate ids, clauses outside their section. */
export function documentProblems(doc: PolicyDocument): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  doc.sections.forEach((section, i) => {
    if (seen.has(section.id)) problems.push({ path: `body.document.sections[${i}].id`, message: `section ${section.id} appears twice` });
    seen.add(section.id);
    (section.clauses ?? []).forEach((clause, j) => {
      const path = `body.document.sections[${i}].clauses[${j}].id`;
      if (!clause.id.startsWith(`${section.id}.`)) problems.push({ path, message: `clause ${clause.id} is not in section ${section.id}` });
      if (seen.has(clause.id)) problems.push({ path, message: `clause ${clause.id} appears twice` });
      seen.add(clause.id);
    });
  });
  return problems;
}

export type PolicyChange = { id: string; title: string; change: 'added' | 'removed' | 'changed' };

/** What changed from one version to the next, section by section and clause by clause. */
export function diffDocuments(before: PolicyDocument, after: PolicyDocument): PolicyChange[] {
  const parts = (doc: PolicyDocument) => {
    const map = new Map<string, { title: string; body: string }>();
    for (const s of doc.sections) {
      map.set(s.id, { title: s.title, body: JSON.stringify([s.title, s.text ?? [], s.items ?? [], s.after ?? []]) });
      for (const c of s.clauses ?? []) map.set(c.id, { title: c.title, body: JSON.stringify([c.title, c.items]) });
    }
    return map;
  };
  const old = parts(before);
  const now = parts(after);
  const changes: PolicyChange[] = [];
  for (const [id, part] of now) {
    const previous = old.get(id);
    if (!previous) changes.push({ id, title: part.title, change: 'added' });
    else if (previous.body !== part.body) changes.push({ id, title: part.title, change: 'changed' });
  }
  for (const [id, part] of old) if (!now.has(id)) changes.push({ id, title: part.title, change: 'removed' });
  const order = (id: string) => id.split('.').map(Number);
  return changes.sort((a, b) => {
    const [x, y] = [order(a.id), order(b.id)];
    return (x[0]! - y[0]!) || ((x[1] ?? -1) - (y[1] ?? -1));
  });
}
