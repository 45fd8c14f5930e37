import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error.ts';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, type EvidenceUpload } from './evidence.ts';

/** What @fastify/multipart is told for report submissions: the parser stops at these, before anything is kept. */
export const MULTIPART_LIMITS = { fileSize: MAX_EVIDENCE_BYTES, files: MAX_EVIDENCE_FILES, fields: 20, fieldSize: 32 * 1024, parts: 30 };

/**
 * A multipart report: its text fields and its `evidence` file parts, read whole (each at most
 * MAX_EVIDENCE_BYTES). A browser sends an empty, nameless part for a file input left empty: skipped.
 */
export async function readMultipartSubmission(request: FastifyRequest): Promise<{ fields: Record<string, string>; files: EvidenceUpload[] }> {
  const fields: Record<string, string> = {};
  const files: EvidenceUpload[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw new AppError('payload_too_large', { message: `The field ${part.fieldname} is too long.`, details: [{ path: `body.${part.fieldname}`, message: 'is too long' }] });
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'evidence') {
        throw new AppError('validation_failed', { details: [{ path: `body.${part.fieldname}`, message: 'files go in "evidence" parts' }] });
      }
      if (bytes.length === 0 && !part.filename) continue;
      files.push({ bytes, filename: part.filename || null, declaredType: part.mimetype });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('payload_too_large', { message: `An evidence file may be at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`, details: [{ path: 'body.evidence', message: 'file too large' }] });
    }
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError('validation_failed', { details: [{ path: 'body.evidence', message: `at most ${MAX_EVIDENCE_FILES} files` }] });
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('payload_too_large', { message: 'The submission has too many parts.' });
    throw error;
  }
  return { fields, files };
}
