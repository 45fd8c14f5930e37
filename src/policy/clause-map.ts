/**
 * Which code enforces which clause of the Acceptable Use Policy. Every refusal, hold, signal and enforcement
 * action names its clause (`policy_clause` in errors); this map is the other direction, published at
 * GET /v1/policy/enforcement. A check is `enforced` only when code and a test exist; `planned` names the issue
 * that brings it, so the map never claims more than the platform does.
 */
export type Check = {
  id: string;
  /** prevent: refuses before anything leaves; detect: a signal for standing; record: evidence kept. */
  kind: 'prevent' | 'detect' | 'record';
  description: string;
  status: 'enforced' | 'planned';
  /** The error code a client sees when it refuses, if any. */
  error_code?: string;
  code: string[];
  tests: string[];
};

export type ClauseEnforcement = { clause: string; checks: Check[] };

export const CLAUSE_MAP: ClauseEnforcement[] = [
  {
    clause: '2',
    checks: [
      { id: 'consent.proof_on_opt_in', kind: 'prevent', status: 'enforced', error_code: 'validation_failed', description: 'An opt-in recorded for a shown text must carry that text, naming the business and WhatsApp ("explicit consent").', code: ['src/contacts/record-consent.ts'], tests: ['test/contacts/consent.test.ts'] },
    ],
  },
  {
    clause: '3.1',
    checks: [
      { id: 'consent.required_for_templates', kind: 'prevent', status: 'enforced', error_code: 'consent_required', description: 'No template without a current opt-in for its purpose.', code: ['src/contacts/consent-policy.ts', 'src/messaging/send-message.ts', 'src/messaging/send-batch.ts'], tests: ['test/contacts/aup-3.1-walkthrough.test.ts', 'test/contacts/consent.test.ts'] },
      { id: 'consent.opt_out_honoured', kind: 'prevent', status: 'enforced', error_code: 'contact_opted_out', description: 'Opt-outs (STOP keywords, "Stop promotions", 131050, user preferences, suppression after erasure) refuse later templates of their purpose.', code: ['src/contacts/opt-out.ts', 'src/contacts/consent-policy.ts'], tests: ['test/contacts/opt-out.test.ts', 'test/contacts/privacy.test.ts'] },
      { id: 'consent.marketing_frequency_cap', kind: 'prevent', status: 'enforced', error_code: 'marketing_frequency_cap', description: 'At most N marketing templates per contact per rolling 24 hours (default 2).', code: ['src/contacts/consent-policy.ts', 'src/messaging/store.ts'], tests: ['test/contacts/consent.test.ts'] },
      { id: 'consent.refusals_counted', kind: 'detect', status: 'enforced', description: 'Every send refused for consent is a compliance signal of the organization.', code: ['src/contacts/consent-policy.ts'], tests: ['test/contacts/aup-3.1-walkthrough.test.ts'] },
      { id: 'consent.ledger', kind: 'record', status: 'enforced', description: 'Consent and its withdrawal are kept in a hash-chained, append-only ledger that verification proves untouched.', code: ['src/contacts/consent-ledger.ts'], tests: ['test/contacts/consent.test.ts', 'test/cli.test.ts'] },
    ],
  },
  {
    clause: '3.2',
    checks: [
      { id: 'screening.phishing_and_fraud', kind: 'prevent', status: 'enforced', error_code: 'content_blocked', description: 'What the customer will read (text, captions, interactive parts, a template\'s rendered text and parameters) is screened for phishing, fraud, threats and harassment in English, Hindi, Spanish and Portuguese: blocked, or held for a reviewer.', code: ['src/compliance/screening/', 'src/compliance/screen-outbound.ts'], tests: ['test/compliance/send-path-screening.test.ts', 'test/compliance/screening-rules.test.ts', 'test/compliance/screening-quality.test.ts'] },
    ],
  },
  {
    clause: '3.3',
    checks: [
      { id: 'whatsapp.customer_service_window', kind: 'prevent', status: 'enforced', error_code: 'outside_customer_service_window', description: 'Free-form messages only within 24 hours of the customer\'s last message, as Meta requires.', code: ['src/messaging/compose.ts', 'src/messaging/window.ts'], tests: ['test/policy/aup-clauses.test.ts', 'test/contacts/consent.test.ts'] },
      { id: 'whatsapp.throughput_and_pair_rate', kind: 'prevent', status: 'enforced', description: 'Each number sends at its Meta throughput, never above it, and one message per 6 s to the same recipient.', code: ['src/messaging/rate-limiter.ts', 'src/messaging/lane.ts'], tests: ['test/dispatch/pacing.test.ts', 'test/dispatch/workers.test.ts'] },
      
      { id: 'whatsapp.approved_templates_only', kind: 'prevent', status: 'enforced', error_code: 'template_not_approved', description: 'Only approved templates are sent; parameters must match them.', code: ['src/messaging/compose.ts', 'src/templates/render-template.ts'], tests: ['test/policy/aup-clauses.test.ts', 'test/messaging/template-send.test.ts', 'src/templates/render-template.test.ts'] },
    ],
  },
  {
    clause: '3.4',
    checks: [
      { id: 'security.media_sniffing', kind: 'prevent', status: 'enforced', error_code: 'media_type_mismatch', description: 'Uploaded media is typed from its bytes; it must match the declared type (Content-Type and file name) and Meta\'s allowed types and sizes; a link\'s file name must fit the message\'s kind.', code: ['src/media/screen-media.ts', 'src/media/sniff.ts', 'src/media/upload-media.ts', 'src/media/resolve-media.ts'], tests: ['test/messaging/media-screening.test.ts', 'test/messaging/media.test.ts'] },
      { id: 'security.ssrf', kind: 'prevent', status: 'enforced', error_code: 'link_not_allowed', description: 'Outbound URLs (media links, webhook endpoints) must reach public addresses.', code: ['src/lib/ssrf.ts'], tests: ['src/lib/ssrf.test.ts', 'test/messaging/media.test.ts'] },
      { id: 'security.webhook_signatures', kind: 'prevent', status: 'enforced', error_code: 'invalid_signature', description: 'Meta\'s webhooks are verified over their raw bytes before anything is stored.', code: ['src/whatsapp/verify-signature.ts'], tests: ['test/api/whatsapp-webhook.test.ts'] },
      { id: 'security.secrets_at_rest', kind: 'prevent', status: 'enforced', description: 'API keys hashed; access tokens and webhook secrets sealed; logs redacted.', code: ['src/lib/secrets.ts', 'src/lib/logger.ts'], tests: ['test/api/secrets.test.ts'] },
      { id: 'security.active_content', kind: 'prevent', status: 'enforced', error_code: 'media_not_allowed', description: 'Executables, scripts, macro-enabled and macro-carrying Office documents (OOXML, OpenDocument, legacy OLE2), installers and HTML/SVG with scripts are refused, in uploads and by name in media links; each refusal is a compliance signal.', code: ['src/media/screen-media.ts', 'src/media/inspect-container.ts', 'src/media/resolve-media.ts'], tests: ['test/messaging/media-screening.test.ts'] },
      { id: 'credentials.revoked_key_use', kind: 'detect', status: 'enforced', description: 'A revoked API key presented again is recognised by its hash, refused (401), counted per network and signalled (`revoked_key_used`) to the owners once per window: someone still holds it.', code: ['src/tenancy/api-key-cache.ts', 'src/credentials/key-usage.ts'], tests: ['test/api/credential-misuse.test.ts'] },
      { id: 'credentials.ip_allow_list', kind: 'prevent', status: 'enforced', error_code: 'ip_not_allowed', description: 'An API key may carry an allow-list of source CIDRs (PATCH /v1/api-keys/{id}, xpecto keys allow-ips); requests from outside it are refused and counted as failed authentications.', code: ['src/tenancy/api-key-cache.ts', 'src/credentials/set-key-allow-list.ts', 'src/http/auth.ts'], tests: ['test/api/credential-misuse.test.ts'] },
      { id: 'security.malware_scanning', kind: 'prevent', status: 'enforced', error_code: 'media_malware_detected', description: 'Uploads are scanned by clamd when CLAMD_URL is set; an unreachable scanner refuses uploads (503 scanner_unavailable) and makes /readyz not ready; unset, /readyz reports the scanner disabled (decision 0016).', code: ['src/media/clamd.ts', 'src/media/screen-media.ts', 'src/http/health-routes.ts'], tests: ['test/messaging/media-screening.test.ts'] },
    ],
  },
  {
    clause: '3.5',
    checks: [
      { id: 'screening.brand_impersonation', kind: 'prevent', status: 'enforced', error_code: 'content_blocked', description: 'Lookalike, punycode and typosquatted brand domains and shown-vs-real link mismatches are held or blocked.', code: ['src/compliance/screening/score-urls.ts', 'src/compliance/screen-outbound.ts'], tests: ['test/policy/aup-clauses.test.ts', 'test/compliance/screening-rules.test.ts'] },
    ],
  },
  {
    clause: '3.6',
    checks: [
      { id: 'whatsapp.messaging_limit', kind: 'prevent', status: 'enforced', error_code: 'messaging_limit_reached', description: 'Unique customers reached by business-initiated messages in a moving 24 hours stay within the portfolio\'s messaging limit, which follows Meta\'s webhooks (also 3.3).', code: ['src/messaging/messaging-limit.ts', 'src/phone-numbers/apply-number-webhooks.ts'], tests: ['test/messaging/messaging-limit.test.ts'] },
      { id: 'throttling.api_rate_limits', kind: 'prevent', status: 'enforced', error_code: 'rate_limited', description: 'Request budgets per API key and per organization (sends and other calls apart, by the organization\'s plan) and per source address (an IPv6 /64), shared by every API process through Redis or PostgreSQL: 429 with Retry-After and the RateLimit fields.', code: ['src/throttling/throttle.ts', 'src/throttling/store.ts', 'src/throttling/plans.ts'], tests: ['test/api/throttling.test.ts', 'src/throttling/store.test.ts'] },
      { id: 'throttling.throttled_signals', kind: 'detect', status: 'enforced', description: 'Refused requests are compliance signals (`throttled`), one per API key and minute with the count, for the standing of the organization.', code: ['src/throttling/throttle-signals.ts'], tests: ['test/api/throttling.test.ts'] },
      { id: 'throttling.failed_authentication_blocks', kind: 'prevent', status: 'enforced', error_code: 'too_many_failed_authentications', description: 'Failed authentications per source address and per key prefix are slowed, then blocked for a while (20 in 5 minutes: 15 minutes); a blocked address is refused even with a valid key.', code: ['src/throttling/throttle.ts', 'src/http/auth.ts'], tests: ['test/api/throttling.test.ts'] },
      { id: 'throttling.request_size_and_time', kind: 'prevent', status: 'enforced', error_code: 'payload_too_large', description: 'Request bodies are capped (BODY_LIMIT_BYTES); a request must arrive within REQUEST_TIMEOUT_MS and an idle socket closes after CONNECTION_TIMEOUT_MS.', code: ['src/app.ts', 'src/config.ts'], tests: ['test/api/throttling.test.ts'] },
      { id: 'credentials.sharing_detection', kind: 'detect', status: 'enforced', description: 'Each API key\'s source networks (IPv4 /24, IPv6 /48) and, with a country mapping, countries are recorded off the request path; many networks in a rolling window (5 in 24 h by default), a jump between distant networks in different countries within minutes, or a rotated key used at once from a network the organization never used raise a `credential_sharing` signal and alert the owners, once per key and window (decision 0021).', code: ['src/credentials/key-usage.ts', 'src/credentials/detect-misuse.ts', 'src/credentials/alert-key-misuse.ts'], tests: ['test/api/credential-misuse.test.ts', 'src/credentials/detect-misuse.test.ts'] },
    ],
  },
  {
    clause: '4',
    checks: [
      { id: 'enforcement.account_errors_pause_numbers', kind: 'prevent', status: 'enforced', description: 'Meta\'s account-level errors (131031, 368, 190, 131042) pause the number and raise an account event.', code: ['src/messaging/send-one.ts'], tests: ['test/dispatch/faults.test.ts'] },
      { id: 'enforcement.signals_and_standing', kind: 'detect', status: 'enforced', description: 'Eleven abuse signals per organization in a rolling window (opt-outs, quality events, 131049/131026/131050, consent refusals, screening, marketing spikes, throttling, credential sharing, confirmed reports), each naming its clause, with published warn and action levels and a risk score, shown at GET /v1/account/standing (decision 0022).', code: ['src/enforcement/signals.ts', 'src/enforcement/store.ts', 'src/enforcement/routes.ts'], tests: ['test/enforcement/aup-4-abusive-and-benign.test.ts', 'test/enforcement/appeals-and-operators.test.ts', 'test/enforcement/restricted-budgets.test.ts', 'test/enforcement/suspended-appeal.test.ts', 'test/dispatch/suspended.test.ts'] },
      { id: 'enforcement.ladder', kind: 'prevent', status: 'enforced', error_code: 'account_suspended', description: 'Warned, restricted (marketing refused: account_restricted; the lowest plan\'s request budgets), suspended (every key refused until its end, lifted automatically) by threshold; terminated (keys revoked, data kept) by an operator. Each step records clause, evidence and actor, notifies by account event, webhook and email, is audited, and can be appealed.', code: ['src/enforcement/evaluate-standing.ts', 'src/enforcement/change-standing.ts', 'src/enforcement/marketing-pause.ts', 'src/enforcement/appeals.ts', 'src/tenancy/api-key-cache.ts'], tests: ['test/enforcement/aup-4-abusive-and-benign.test.ts', 'test/enforcement/appeals-and-operators.test.ts'] },
      { id: 'audit.tamper_evident_log', kind: 'record', status: 'enforced', description: 'Key and member management, policy acceptance, consent recorded through the API, erasures, template and webhook endpoint changes (and, as they come, enforcement steps, cases and operator access) are kept in an append-only audit log, hash-chained per organization and for the operators, which verification proves untouched; its head can be exported and checked against later.', code: ['src/audit/record-audit.ts', 'src/audit/verify-audit.ts', 'src/audit/routes.ts'], tests: ['test/audit/aup-4-audit-tamper.test.ts', 'test/audit/audit-log.test.ts', 'test/audit/audit-cli.test.ts'] },
    ],
  },
  {
    clause: '5',
    checks: [
      { id: 'reports.intake', kind: 'record', status: 'enforced', description: 'Anyone can report a violation at /report or POST /v1/reports (no login; per-address limit in the database; a proof-of-work challenge) with their contact, the business or its WhatsApp number, a category naming the clause, a description and evidence (screenshots and logs, typed from their bytes; programs refused). A report naming a number is linked to the organization owning it as an account event and a violation_report signal, without the reporter\'s identity; the reporter gets a reference, a status page and emails of the acknowledgement and the outcome (decision 0020).', code: ['src/reports/file-report.ts', 'src/reports/routes.ts', 'src/reports/record-outcome.ts'], tests: ['test/reports/reports.test.ts', 'test/reports/reports-cli.test.ts'] },
      { id: 'reports.investigation', kind: 'record', status: 'enforced', description: 'Every report opens a case; operators (operator API keys, xp_op_…, on /v1/operator/*; tenant keys never pass) work a queue ordered by the clause and the organization\'s standing, assign, note, read the organization\'s relevant messages and consent records (each read audited in its own chain), take any step of the enforcement ladder from the case, and resolve it, which closes its reports and writes to the reporters; every step is audited (decision 0023).', code: ['src/cases/', 'src/operators/'], tests: ['test/cases/report-to-suspension.test.ts', 'test/cases/cases.test.ts'] },
      { id: 'reports.evidence_bundle', kind: 'record', status: 'enforced', description: 'Each case exports an evidence bundle for legal action: a tar of the case, its reports and attachments as filed, the relevant messages and consent records, the audit entries, and MANIFEST.sha256 over every file; the export is audited with the manifest\'s hash (decision 0023).', code: ['src/cases/export-evidence.ts', 'src/cases/tar.ts'], tests: ['test/cases/cases.test.ts'] },
    ],
  },
  {
    clause: '7',
    checks: [
      { id: 'policy.versioned_with_effective_dates', kind: 'record', status: 'enforced', description: 'The policy is versioned; a new version is published with a future effective date and every organization is told ahead of it.', code: ['src/policy/publish-policy.ts'], tests: ['test/policy/policy.test.ts'] },
      { id: 'policy.acceptance_by_continued_use', kind: 'record', status: 'enforced', description: 'Acceptance is recorded explicitly at sign-up and, after a version takes effect, on the organization\'s first authenticated use.', code: ['src/policy/policy-state.ts'], tests: ['test/policy/policy.test.ts'] },
    ],
  },
];
