// A tagged template that keeps values bound: sql`SELECT … WHERE org_id = ${orgId}` → { text, values }.
// Interpolating another Sql fragment splices its text and renumbers its parameters, so queries compose
// without ever putting a value into the SQL text.
export type Sql = { readonly text: string; readonly values: unknown[]; readonly [SQL]: true };

const SQL = Symbol('sql');

function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && SQL in value;
}

export function sql(strings: TemplateStringsArray, ...params: unknown[]): Sql {
  let text = strings[0] ?? '';
  const values: unknown[] = [];
  params.forEach((param, i) => {
    if (isSql(param)) {
      text += param.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + values.length}`);
      values.push(...param.values);
    } else {
      values.push(param);
      text += `$${values.length}`;
    }
    text += strings[i + 1] ?? '';
  });
  return { text, values, [SQL]: true };
}

/** Joins fragments with a separator (for optional WHERE clauses and column lists). */
export function join(fragments: Sql[], separator: string): Sql {
  if (fragments.length === 0) return sql``;
  const strings = [''] as string[];
  for (let i = 1; i < fragments.length; i++) strings.push(separator);
  strings.push('');
  return sql(Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray, ...fragments);
}

/** Splices a trusted SQL keyword or identifier chosen by code, never by input. */
export function unsafeRaw(text: string): Sql {
  return { text, values: [], [SQL]: true };
}
