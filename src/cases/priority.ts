/**
 * A case's place in the queue, from what it is about and where the organization already stands (decision 0023).
 * Pure: the queue computes it when read, so a standing that changed since the report moves the case at once.
 */
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

// Fraud, phishing and security abuse harm people now; brand and WhatsApp-policy abuse next; unwanted messages after.
const CLAUSE_WEIGHT: Record<string, number> = { '3.2': 3, '3.4': 3, '3.3': 2, '3.5': 2, '3.1': 1, '3.6': 1 };
// An organization already warned, restricted or suspended is a repeat; a terminated one can no longer send.
const STANDING_WEIGHT: Record<string, number> = { good: 0, warned: 1, restricted: 1, suspended: 2, terminated: -1 };

/** How much a report under this clause weighs in the queue (a case takes the weightiest of its reports' clauses). */
export function clauseWeight(clause: string): number {
  return CLAUSE_WEIGHT[clause] ?? 0;
}

export function casePriority(clause: string, standing: string | null): Priority {
  const score = clauseWeight(clause) + (standing ? STANDING_WEIGHT[standing] ?? 0 : 0);
  if (score >= 4) return 'urgent';
  if (score === 3) return 'high';
  if (score >= 1) return 'normal';
  return 'low';
}

export function priorityRank(p: Priority): number {
  return PRIORITIES.indexOf(p);
}
