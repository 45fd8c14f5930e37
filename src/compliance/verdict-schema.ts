/** Content screening's verdict as the API answers it: the dry run, the held queue and a message's policy decision. */
export const verdictSchema = {
  type: 'object',
  properties: {
    decision: { type: 'string', enum: ['allow', 'hold', 'block'] },
    score: { type: 'number' },
    rules: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, clause: { type: 'string' }, weight: { type: 'number' }, evidence: { type: 'string' } } },
    },
  },
} as const;
