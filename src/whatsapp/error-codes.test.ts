import { describe, expect, it } from 'vitest';
import { classifyCloudApiError, ERROR_CODES } from './error-codes.ts';

describe('classifyCloudApiError', () => {
  it('maps the retry classes of §2.4', () => {
    for (const code of [4, 17, 80007, 130429, 131000, 131016, 131057, 2]) expect(classifyCloudApiError(code).action).toBe('retry');
    expect(classifyCloudApiError(131056).action).toBe('retry_recipient');
    for (const code of [131026, 131047, 131049, 131050, 131051, 132000, 132001, 132012, 100, 131008, 131009]) {
      expect(classifyCloudApiError(code).action).toBe('fail');
    }
    for (const code of [368, 131031, 131042, 131048, 130497, 190]) expect(classifyCloudApiError(code).action).toBe('pause_number');
  });

  it('treats 200–299 as permission errors and unknown codes by their transient flag', () => {
    expect(classifyCloudApiError(250)).toMatchObject({ known: true, name: 'permission_not_granted' });
    expect(classifyCloudApiError(999999, true)).toMatchObject({ known: false, action: 'retry' });
    expect(classifyCloudApiError(999999)).toMatchObject({ known: false, action: 'fail' });
  });

  it('gives HTTP statuses the simulator answers with', () => {
    expect(classifyCloudApiError(130429).httpStatus).toBe(429);
    expect(classifyCloudApiError(131056).httpStatus).toBe(429);
    expect(classifyCloudApiError(131000).httpStatus).toBe(500);
    expect(classifyCloudApiError(131016).httpStatus).toBe(503);
    expect(classifyCloudApiError(368).httpStatus).toBe(403);
    expect(classifyCloudApiError(190).httpStatus).toBe(401);
  });

  it('has a plain-language sentence for every code', () => {
    for (const [code, info] of ERROR_CODES) {
      expect(info.explanation, String(code)).toMatch(/^[A-Z].*[.]$/);
      expect(info.title.length, String(code)).toBeGreaterThan(0);
    }
  });
});
