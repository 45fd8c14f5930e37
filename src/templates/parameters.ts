import { renderTemplate } from './render-template.ts';
import { NAMED_VARIABLE, placeholders } from './template-rules.ts';
import type { TemplateComponent } from './store.ts';

export type ParameterMismatch = { path: string; expected: number; given: number };

type SendComponent = { type: string; sub_type?: string; index?: string | number; parameters?: unknown[] };

/**
 * The parameter counts a send gets wrong, component by component, so a mismatch is refused here with its path
 * instead of failing at Meta with 132000. Kept for compose.ts; renderTemplate does the full check (types, names,
 * media vs header format, hydrated length) and is the one place the rules live.
 */
export function checkTemplateParameters(template: TemplateComponent[], sent: SendComponent[] | undefined): ParameterMismatch[] {
  const named = template.some((c) => typeof c.text === 'string' && placeholders(c.text).some((v) => NAMED_VARIABLE.test(v.key)));
  const result = renderTemplate({ components: template, parameter_format: named ? 'NAMED' : 'POSITIONAL' }, sent);
  if (result.ok) return [];
  return result.mismatches.flatMap((m) => (m.expected === undefined || m.given === undefined ? []
    : [{ path: `template.${m.path}`, expected: m.expected, given: m.given }]));
}
