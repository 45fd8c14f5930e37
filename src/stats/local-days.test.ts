import { describe, expect, it } from 'vitest';
import { isTimeZone, localDateOf, localDays, startOfLocalDay } from './local-days.ts';

describe('local days', () => {
  it('start at local midnight', () => {
    expect(startOfLocalDay('2026-11-26', 'UTC').toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(startOfLocalDay('2026-11-26', 'Asia/Kolkata').toISOString()).toBe('2026-11-25T18:30:00.000Z');
    expect(startOfLocalDay('2026-11-26', 'Pacific/Apia').toISOString()).toBe('2026-11-25T11:00:00.000Z');
    expect(startOfLocalDay('2026-11-26', 'America/Los_Angeles').toISOString()).toBe('2026-11-26T08:00:00.000Z');
  });

  it('are 23 and 25 hours long on daylight-saving changes', () => {
    const [spring] = localDays(new Date('2026-03-08T12:00:00Z'), 'America/New_York', 1);
    expect(spring).toEqual({ date: '2026-03-08', start: new Date('2026-03-08T05:00:00Z'), end: new Date('2026-03-09T04:00:00Z') });
    const [autumn] = localDays(new Date('2026-11-01T12:00:00Z'), 'America/New_York', 1);
    expect(autumn!.end.getTime() - autumn!.start.getTime()).toBe(25 * 3600_000);
  });

  it('start when the clocks resume where midnight does not exist', () => {
    // Chile moves from 00:00 to 01:00 on the first Sunday of September: that day starts at 01:00 -03.
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateOf(new Date('2026-09-06T03:59:59Z'), 'America/Santiago')).toBe('2026-09-05');
  });

  it('cover the last N days up to today without gaps, oldest first', () => {
    const now = new Date('2026-11-26T02:00:00Z'); // still the 25th in New York
    const days = localDays(now, 'America/New_York', 14);
    expect(days).toHaveLength(14);
    expect(days.at(-1)!.date).toBe('2026-11-25');
    expect(days[0]!.date).toBe('2026-11-12');
    for (let i = 1; i < days.length; i++) expect(days[i]!.start).toEqual(days[i - 1]!.end);
    expect(days.at(-1)!.start.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(days.at(-1)!.end.getTime()).toBeGreaterThan(now.getTime());
  });

  it('takes IANA names only', () => {
    for (const good of ['Europe/Berlin', 'asia/kolkata', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) expect(isTimeZone(good), good).toBe(true);
    for (const bad of ['Not/AZone', '+05:30', '', 'Europe/Berlin; DROP', '../etc/passwd']) expect(isTimeZone(bad), bad).toBe(false);
  });
});
