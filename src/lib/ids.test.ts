import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids.ts';

describe('newId', () => {
  it('makes prefixed, 26-character, time-ordered ids', () => {
    const ids = Array.from({ length: 5000 }, () => newId('message'));
    for (const id of ids) expect(isId('message', id)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('orders ids of later milliseconds after earlier ones', async () => {
    const a = newId('contact');
    await new Promise((r) => setTimeout(r, 2));
    const b = newId('contact');
    expect(b > a).toBe(true);
  });
});
