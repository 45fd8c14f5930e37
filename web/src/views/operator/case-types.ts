// The case routes (src/cases/routes.ts) declare no response schema yet, so the generated client types their answers
// as unknown. These are the shapes those handlers return (caseView, listCaseEvents); remove them once the routes
// declare responses and `npm run web:api` types them.

export type CaseSummary = {
  id: string;
  status: 'open' | 'resolved';
  priority: 'urgent' | 'high' | 'normal' | 'low';
  clause: string;
  category: string;
  organization: { id: string; name: string | null; standing: string | null } | null;
  report_ids: string[];
  assignee: string | null;
  outcome: string | null;
  confirmed: boolean | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
};

export type CaseEvent = { id: string; kind: string; actor: string; detail: Record<string, unknown>; created_at: string };
export type CaseDetail = CaseSummary & { events: CaseEvent[] };
