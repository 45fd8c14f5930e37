import type { TemplateComponent } from './store.ts';

export type ParameterMismatch = { path: string; expected: number; given: number };

type SendComponent = { type: string; sub_type?: string; index?: string | number; parameters?: unknown[] };

const PLACEHOLDER = /\{\{\s*([a-z0-9_]+)\s*\}\}/g;

function placeholderCount(text: string | undefined): number {
  if (!text) return 0;
  return new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1])).size;
}

/**
 * Compares the parameters a send supplies with the variables of the approved template, component by
 * component, so a mismatch is refused here with its path instead of failing at Meta with 132000.
 */
export function checkTemplateParameters(template: TemplateComponent[], sent: SendComponent[] | undefined): ParameterMismatch[] {
  const given = (type: string, index?: number) => {
    const i = (sent ?? []).findIndex((c) => c.type === type && (index === undefined || Number(c.index) === index));
    return { count: i < 0 ? 0 : ((sent ?? [])[i]?.parameters?.length ?? 0), path: i < 0 ? `template.components` : `template.components[${i}].parameters` };
  };
  const mismatches: ParameterMismatch[] = [];
  for (const component of template) {
    const kind = component.type.toUpperCase();
    if (kind === 'HEADER') {
      const mediaOrLocation = ['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'].includes(component.format ?? 'TEXT');
      const expected = mediaOrLocation ? 1 : placeholderCount(component.text);
      const g = given('header');
      if (g.count !== expected) mismatches.push({ path: g.path, expected, given: g.count });
    } else if (kind === 'BODY') {
      const expected = placeholderCount(component.text);
      const g = given('body');
      if (g.count !== expected) mismatches.push({ path: g.path, expected, given: g.count });
    } else if (kind === 'BUTTONS') {
      (component.buttons ?? []).forEach((button, index) => {
        const expected = button.type === 'URL' ? placeholderCount(button.url) : 0;
        if (expected === 0) return;
        const g = given('button', index);
        if (g.count !== expected) mismatches.push({ path: g.path, expected, given: g.count });
      });
    }
  }
  return mismatches;
}
