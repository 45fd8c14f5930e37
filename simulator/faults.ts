// Injected faults for Graph API calls: latency, an HTTP status, one of Meta's error codes, or a
// hang until the client gives up. Tests use them to drive the platform's retry and "outcome
// unknown" paths without Meta.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { graphError, sendFailure } from './graph-errors.ts';
import { newHex } from './ids.ts';
import type { SimFault, SimState } from './state.ts';

export type FaultInput = {
  match?: { path?: string; phone_number_id?: string };
  latency_ms?: number;
  http_status?: number;
  error_code?: number;
  timeout?: boolean;
  /** Process the call, then cut the connection instead of answering: the "response lost" case. */
  drop_response?: boolean;
  rate?: number;
  count?: number;
};

/** Requests whose call is processed but whose answer is never sent (see drop_response). */
export const droppedResponses = new WeakSet<FastifyRequest>();

// The envelope a bare HTTP status fault answers with.
const CODE_FOR_STATUS: Record<number, number> = { 401: 190, 403: 10, 429: 130429, 500: 131000, 503: 131016 };

export function validateFault(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return 'body must be an object';
  const f = input as FaultInput;
  const n = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
  if (!n(f.latency_ms) || !n(f.count) || !n(f.error_code)) return 'latency_ms, count and error_code must be non-negative numbers';
  if (f.http_status !== undefined && (!Number.isInteger(f.http_status) || f.http_status < 100 || f.http_status > 599)) return 'http_status must be an HTTP status';
  if (f.rate !== undefined && (typeof f.rate !== 'number' || f.rate < 0 || f.rate > 1)) return 'rate must be between 0 and 1';
  if (f.latency_ms === undefined && f.http_status === undefined && f.error_code === undefined && !f.timeout && !f.drop_response) {
    return 'give at least one of latency_ms, http_status, error_code, timeout, drop_response';
  }
  return null;
}

export function addFault(state: SimState, input: FaultInput): SimFault {
  const fault: SimFault = {
    id: newHex(6),
    match: { ...(input.match?.path ? { path: input.match.path } : {}), ...(input.match?.phone_number_id ? { phone_number_id: input.match.phone_number_id } : {}) },
    ...(input.latency_ms !== undefined ? { latency_ms: input.latency_ms } : {}),
    ...(input.http_status !== undefined ? { http_status: input.http_status } : {}),
    ...(input.error_code !== undefined ? { error_code: input.error_code } : {}),
    ...(input.timeout ? { timeout: true } : {}),
    ...(input.drop_response ? { drop_response: true } : {}),
    rate: input.rate ?? 1,
    ...(input.count !== undefined ? { count: input.count } : {}),
    applied: 0,
  };
  state.faults.push(fault);
  return fault;
}

/** The first fault matching this request that fires (by `rate`), consuming one of its `count`. */
function pickFault(state: SimState, path: string, params: Record<string, string>): SimFault | undefined {
  for (const fault of state.faults) {
    if (fault.match.path && !path.includes(fault.match.path)) continue;
    if (fault.match.phone_number_id && !Object.values(params).includes(fault.match.phone_number_id)) continue;
    if (Math.random() >= fault.rate) continue;
    fault.applied += 1;
    if (fault.count !== undefined) {
      fault.count -= 1;
      if (fault.count <= 0) state.faults.splice(state.faults.indexOf(fault), 1);
    }
    return fault;
  }
  return undefined;
}

/** A preHandler for Graph routes; answers (or hangs) when a fault fires, else lets the call through. */
export function createFaultHook(state: SimState, sleep: (ms: number) => Promise<void>) {
  return async function applyFaults(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (state.faults.length === 0) return;
    const path = request.url.split('?')[0] ?? '';
    const fault = pickFault(state, path, (request.params ?? {}) as Record<string, string>);
    if (!fault) return;
    if (fault.latency_ms) await sleep(fault.latency_ms);
    if (fault.drop_response) {
      droppedResponses.add(request);
      return;
    }
    if (fault.timeout) {
      // Never answer: the socket stays open until the client aborts or the simulator stops.
      reply.hijack();
      return;
    }
    if (fault.error_code !== undefined) {
      const failure = graphError(fault.error_code, 'Injected by the simulator fault', fault.http_status ? { httpStatus: fault.http_status } : {});
      await sendFailure(reply, failure);
      return;
    }
    if (fault.http_status !== undefined) {
      const code = CODE_FOR_STATUS[fault.http_status] ?? 1;
      await sendFailure(reply, graphError(code, 'Injected by the simulator fault', { httpStatus: fault.http_status }));
    }
  };
}
