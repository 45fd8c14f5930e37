import type { paths } from '../../api/client.ts';

// The case routes' answers, as their OpenAPI schemas (src/cases/schemas.ts) type them.
export type CaseSummary = paths['/v1/operator/cases']['get']['responses'][200]['content']['application/json']['data'][number];
export type CaseDetail = paths['/v1/operator/cases/{id}']['get']['responses'][200]['content']['application/json'];
export type CaseEvent = CaseDetail['events'][number];
