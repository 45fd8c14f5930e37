// Within one sender number, lower goes first: a one-time password must not wait behind a campaign.
export const PRIORITY = { authentication: 0, utility: 1, service: 1, marketing: 2 } as const;

export function priorityOf(templateCategory: string): number {
  switch (templateCategory.toUpperCase()) {
    case 'AUTHENTICATION':
      return PRIORITY.authentication;
    case 'MARKETING':
      return PRIORITY.marketing;
    default:
      return PRIORITY.utility;
  }
}
