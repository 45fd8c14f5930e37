import type { Deps } from '../deps.ts';
import { newId } from '../lib/ids.ts';
import { openAccessToken } from '../phone-numbers/credentials.ts';
import { findAccountCredentials } from '../phone-numbers/store.ts';
import { upsertSyncedTemplate } from './store.ts';

const FIELDS = ['id', 'name', 'language', 'status', 'category', 'components', 'parameter_format', 'quality_score', 'rejected_reason'];

/** Pulls every template of a WABA from the Cloud API, including ones made elsewhere (e.g. Meta's own manager). */
export async function syncTemplates(deps: Deps, orgId: string, accountId: string): Promise<number> {
  const account = await findAccountCredentials(deps.db, orgId, accountId);
  if (!account) return 0;
  const token = openAccessToken(deps.sealer, orgId, accountId, account.access_token_enc);
  const templates = await deps.cloudApi.listTemplates(token, account.waba_id, { fields: FIELDS.join(',') });
  for (const t of templates) {
    await upsertSyncedTemplate(deps.db, orgId, {
      id: newId('template'),
      accountId,
      metaTemplateId: String(t.id),
      name: t.name,
      language: t.language.replace('-', '_'),
      category: t.category,
      status: t.status,
      parameterFormat: t.parameter_format ?? 'POSITIONAL',
      components: t.components ?? [],
      qualityScore: t.quality_score?.score ?? null,
      rejectedReason: t.rejected_reason ?? null,
    });
  }
  return templates.length;
}
