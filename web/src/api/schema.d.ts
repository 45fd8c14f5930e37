// Generated from the platform's OpenAPI document by `npm run web:api` (scripts/generate-web-api.ts). Do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database, Redis (when used) and the malware scanner ("disabled" when not configured) reachable */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current dashboard session: user, organization, role and CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            };
                            /** @description The organization the session acts for, with the scopes its role gives; null when it acts for none (an operator without one) */
                            organization: {
                                id: string;
                                name: string;
                                slug: string;
                                /**
                                 * @description A suspended organization can read its standing and appeal, nothing else
                                 * @enum {string}
                                 */
                                status: "active" | "suspended";
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "agent" | "viewer";
                                scopes: ("messages:write" | "messages:read" | "templates:write" | "templates:read" | "contacts:write" | "contacts:read" | "phone_numbers:write" | "phone_numbers:read" | "webhooks:write" | "webhooks:read" | "audit:read" | "compliance:review" | "api_keys:read" | "api_keys:write")[];
                            } | null;
                            /** @description Every organization the user may switch to (POST /v1/session/organization) */
                            organizations: {
                                id: string;
                                name: string;
                                slug: string;
                                /**
                                 * @description A suspended organization can read its standing and appeal, nothing else
                                 * @enum {string}
                                 */
                                status: "active" | "suspended";
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "agent" | "viewer";
                            }[];
                            /** @description The user is one of Xpecto's operators: the session also opens /v1/operator/* */
                            operator: boolean;
                            /** @description Send it as `x-csrf-token` with every POST, PUT, PATCH and DELETE made with the session cookie */
                            csrf_token: string;
                            /**
                             * Format: date-time
                             * @description The session's absolute end; it also ends after the idle timeout without use
                             */
                            expires_at: string;
                        };
                    };
                };
                /** @description Not signed in, or the session has ended */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Sign in to the dashboard with email and password
         * @description Sets the `xp_session` cookie (HttpOnly; Secure; SameSite=Strict; Path=/). A wrong email and a wrong password get the same 401 `invalid_credentials`; repeated failures are slowed, then blocked (429).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            };
                            /** @description The organization the session acts for, with the scopes its role gives; null when it acts for none (an operator without one) */
                            organization: {
                                id: string;
                                name: string;
                                slug: string;
                                /**
                                 * @description A suspended organization can read its standing and appeal, nothing else
                                 * @enum {string}
                                 */
                                status: "active" | "suspended";
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "agent" | "viewer";
                                scopes: ("messages:write" | "messages:read" | "templates:write" | "templates:read" | "contacts:write" | "contacts:read" | "phone_numbers:write" | "phone_numbers:read" | "webhooks:write" | "webhooks:read" | "audit:read" | "compliance:review" | "api_keys:read" | "api_keys:write")[];
                            } | null;
                            /** @description Every organization the user may switch to (POST /v1/session/organization) */
                            organizations: {
                                id: string;
                                name: string;
                                slug: string;
                                /**
                                 * @description A suspended organization can read its standing and appeal, nothing else
                                 * @enum {string}
                                 */
                                status: "active" | "suspended";
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "agent" | "viewer";
                            }[];
                            /** @description The user is one of Xpecto's operators: the session also opens /v1/operator/* */
                            operator: boolean;
                            /** @description Send it as `x-csrf-token` with every POST, PUT, PATCH and DELETE made with the session cookie */
                            csrf_token: string;
                            /**
                             * Format: date-time
                             * @description The session's absolute end; it also ends after the idle timeout without use
                             */
                            expires_at: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Wrong email or password */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /**
         * Sign out
         * @description Ends the session and clears its cookie; needs `x-csrf-token`. Without a live session it only clears the cookie.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make the session act for another of the user's organizations
         * @description Needs `x-csrf-token`. An organization the user is not a member of answers 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        org_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                name: string;
                            };
                            /** @description The organization the session acts for, with the scopes its role gives; null when it acts for none (an operator without one) */
                            organization: {
                                id: string;
                                name: string;
                                slug: string;
                                /**
                                 * @description A suspended organization can read its standing and appeal, nothing else
                                 * @enum {string}
                                 */
                                status: "active" | "suspended";
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "agent" | "viewer";
                                scopes: ("messages:write" | "messages:read" | "templates:write" | "templates:read" | "contacts:write" | "contacts:read" | "phone_numbers:write" | "phone_numbers:read" | "webhooks:write" | "webhooks:read" | "audit:read" | "compliance:review" | "api_keys:read" | "api_keys:write")[];
                            } | null;
                            /** @description Every organization the user may switch to (POST /v1/session/organization) */
                            organizations: {
                                id: string;
                                name: string;
                                slug: string;
                                /**
                                 * @description A suspended organization can read its standing and appeal, nothing else
                                 * @enum {string}
                                 */
                                status: "active" | "suspended";
                                /** @enum {string} */
                                role: "owner" | "admin" | "developer" | "agent" | "viewer";
                            }[];
                            /** @description The user is one of Xpecto's operators: the session also opens /v1/operator/* */
                            operator: boolean;
                            /** @description Send it as `x-csrf-token` with every POST, PUT, PATCH and DELETE made with the session cookie */
                            csrf_token: string;
                            /**
                             * Format: date-time
                             * @description The session's absolute end; it also ends after the idle timeout without use
                             */
                            expires_at: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meta's verification handshake */
        get: {
            parameters: {
                query?: {
                    "hub.mode"?: string;
                    "hub.verify_token"?: string;
                    "hub.challenge"?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Meta's event deliveries (signed with X-Hub-Signature-256) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List connected phone numbers
         * @description Requires scope `phone_numbers:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                waba_id?: string;
                                phone_number_id?: string;
                                display_phone_number?: string;
                                verified_name?: string | null;
                                /** @description GREEN, YELLOW, RED or UNKNOWN, as last reported by Meta */
                                quality_rating?: string | null;
                                /** @description e.g. TIER_2K */
                                messaging_limit_tier?: string | null;
                                /** @description STANDARD (80 msg/s), HIGH (1,000 msg/s) */
                                throughput_level?: string | null;
                                /** @description The rate Xpecto sends at from this number, in messages per second */
                                send_rate_mps?: number;
                                /**
                                 * Format: date-time
                                 * @description Set when the Cloud API refused the account (e.g. an invalid token); sending waits until resumed
                                 */
                                paused_at?: string | null;
                                pause_reason?: {
                                    [key: string]: unknown;
                                } | null;
                                status?: string | null;
                                /** Format: date-time */
                                last_synced_at?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Connect a WhatsApp Business Account phone number
         * @description Checks the credentials against the Cloud API, stores them encrypted (never returned), and syncs the account's templates.
         *
         *     Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `phone_numbers:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        waba_id: string;
                        phone_number_id: string;
                        access_token: string;
                        app_secret: string;
                        verify_token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            waba_id?: string;
                            phone_number_id?: string;
                            display_phone_number?: string;
                            verified_name?: string | null;
                            /** @description GREEN, YELLOW, RED or UNKNOWN, as last reported by Meta */
                            quality_rating?: string | null;
                            /** @description e.g. TIER_2K */
                            messaging_limit_tier?: string | null;
                            /** @description STANDARD (80 msg/s), HIGH (1,000 msg/s) */
                            throughput_level?: string | null;
                            /** @description The rate Xpecto sends at from this number, in messages per second */
                            send_rate_mps?: number;
                            /**
                             * Format: date-time
                             * @description Set when the Cloud API refused the account (e.g. an invalid token); sending waits until resumed
                             */
                            paused_at?: string | null;
                            pause_reason?: {
                                [key: string]: unknown;
                            } | null;
                            status?: string | null;
                            /** Format: date-time */
                            last_synced_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The WhatsApp Cloud API could not be reached */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a phone number with its quality rating, messaging limit tier and throughput level
         * @description Requires scope `phone_numbers:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            waba_id?: string;
                            phone_number_id?: string;
                            display_phone_number?: string;
                            verified_name?: string | null;
                            /** @description GREEN, YELLOW, RED or UNKNOWN, as last reported by Meta */
                            quality_rating?: string | null;
                            /** @description e.g. TIER_2K */
                            messaging_limit_tier?: string | null;
                            /** @description STANDARD (80 msg/s), HIGH (1,000 msg/s) */
                            throughput_level?: string | null;
                            /** @description The rate Xpecto sends at from this number, in messages per second */
                            send_rate_mps?: number;
                            /**
                             * Format: date-time
                             * @description Set when the Cloud API refused the account (e.g. an invalid token); sending waits until resumed
                             */
                            paused_at?: string | null;
                            pause_reason?: {
                                [key: string]: unknown;
                            } | null;
                            status?: string | null;
                            /** Format: date-time */
                            last_synced_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume sending from a paused number
         * @description A number is paused when the Cloud API refuses its account (invalid token, policy block, payment). Fix the cause (e.g. register a new token), then resume: waiting messages go out.
         *
         *     Requires scope `phone_numbers:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            waba_id?: string;
                            phone_number_id?: string;
                            display_phone_number?: string;
                            verified_name?: string | null;
                            /** @description GREEN, YELLOW, RED or UNKNOWN, as last reported by Meta */
                            quality_rating?: string | null;
                            /** @description e.g. TIER_2K */
                            messaging_limit_tier?: string | null;
                            /** @description STANDARD (80 msg/s), HIGH (1,000 msg/s) */
                            throughput_level?: string | null;
                            /** @description The rate Xpecto sends at from this number, in messages per second */
                            send_rate_mps?: number;
                            /**
                             * Format: date-time
                             * @description Set when the Cloud API refused the account (e.g. an invalid token); sending waits until resumed
                             */
                            paused_at?: string | null;
                            pause_reason?: {
                                [key: string]: unknown;
                            } | null;
                            status?: string | null;
                            /** Format: date-time */
                            last_synced_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List templates, newest first
         * @description Requires scope `templates:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "DRAFT" | "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "IN_APPEAL" | "PENDING_DELETION" | "DELETED" | "LIMIT_EXCEEDED" | "ARCHIVED";
                    category?: "MARKETING" | "UTILITY" | "AUTHENTICATION";
                    language?: string;
                    name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                /** @description The WhatsApp Business Account (ours, `waba_…`) the template belongs to */
                                account_id?: string;
                                name?: string;
                                language?: string;
                                /** @enum {string} */
                                category?: "MARKETING" | "UTILITY" | "AUTHENTICATION";
                                /** @description Set when Meta re-categorised the template */
                                previous_category?: string | null;
                                /**
                                 * @description `DRAFT` (ours, not at Meta yet) or Meta's status. Only APPROVED templates can be sent; PAUSED (low quality) and DISABLED are refused.
                                 * @enum {string}
                                 */
                                status?: "DRAFT" | "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "IN_APPEAL" | "PENDING_DELETION" | "DELETED" | "LIMIT_EXCEEDED" | "ARCHIVED";
                                /** @enum {string} */
                                parameter_format?: "POSITIONAL" | "NAMED";
                                components?: {
                                    [key: string]: unknown;
                                }[];
                                /** @description Other create fields: allow_category_change, message_send_ttl_seconds… */
                                options?: {
                                    [key: string]: unknown;
                                };
                                /** @description GREEN, YELLOW, RED or UNKNOWN */
                                quality_score?: string | null;
                                /** @description Meta's reason: PROMOTIONAL, ABUSIVE_CONTENT, INCORRECT_CATEGORY, INVALID_FORMAT, SCAM… */
                                rejected_reason?: string | null;
                                /** @description {reason, recommendation} in Meta's words */
                                rejection_info?: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description Meta's other_info (FIRST_PAUSE, SECOND_PAUSE…) or disable date */
                                status_detail?: {
                                    [key: string]: unknown;
                                } | null;
                                meta_template_id?: string | null;
                                /** Format: date-time */
                                submitted_at?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a template (a draft), optionally submitting it
         * @description The body is Meta's create body (`name`, `language`, `category`, `parameter_format`, `components`, …). It is checked against every rule Meta reviews on; a violation answers 400 with each one's path and rule, and nothing is written.
         *
         *     Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `templates:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        language: string;
                        category: string;
                        parameter_format?: string;
                        components: unknown[];
                        /** @description Which WhatsApp account; needed only when the organization has several */
                        account_id?: string;
                        /**
                         * @description Submit to Meta for review right away
                         * @default false
                         */
                        submit?: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @description The WhatsApp Business Account (ours, `waba_…`) the template belongs to */
                            account_id?: string;
                            name?: string;
                            language?: string;
                            /** @enum {string} */
                            category?: "MARKETING" | "UTILITY" | "AUTHENTICATION";
                            /** @description Set when Meta re-categorised the template */
                            previous_category?: string | null;
                            /**
                             * @description `DRAFT` (ours, not at Meta yet) or Meta's status. Only APPROVED templates can be sent; PAUSED (low quality) and DISABLED are refused.
                             * @enum {string}
                             */
                            status?: "DRAFT" | "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "IN_APPEAL" | "PENDING_DELETION" | "DELETED" | "LIMIT_EXCEEDED" | "ARCHIVED";
                            /** @enum {string} */
                            parameter_format?: "POSITIONAL" | "NAMED";
                            components?: {
                                [key: string]: unknown;
                            }[];
                            /** @description Other create fields: allow_category_change, message_send_ttl_seconds… */
                            options?: {
                                [key: string]: unknown;
                            };
                            /** @description GREEN, YELLOW, RED or UNKNOWN */
                            quality_score?: string | null;
                            /** @description Meta's reason: PROMOTIONAL, ABUSIVE_CONTENT, INCORRECT_CATEGORY, INVALID_FORMAT, SCAM… */
                            rejected_reason?: string | null;
                            /** @description {reason, recommendation} in Meta's words */
                            rejection_info?: {
                                [key: string]: unknown;
                            } | null;
                            /** @description Meta's other_info (FIRST_PAUSE, SECOND_PAUSE…) or disable date */
                            status_detail?: {
                                [key: string]: unknown;
                            } | null;
                            meta_template_id?: string | null;
                            /** Format: date-time */
                            submitted_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The WhatsApp Cloud API could not be reached */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pull templates from the Cloud API
         * @description Brings in templates created elsewhere (e.g. Meta's WhatsApp Manager) and takes Meta's current state for known ones.
         *
         *     Requires scope `templates:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        account_id?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total?: number;
                            created?: number;
                            changed?: number;
                            deleted?: number;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The WhatsApp Cloud API could not be reached */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a template with its status history
         * @description Requires scope `templates:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @description The WhatsApp Business Account (ours, `waba_…`) the template belongs to */
                            account_id?: string;
                            name?: string;
                            language?: string;
                            /** @enum {string} */
                            category?: "MARKETING" | "UTILITY" | "AUTHENTICATION";
                            /** @description Set when Meta re-categorised the template */
                            previous_category?: string | null;
                            /**
                             * @description `DRAFT` (ours, not at Meta yet) or Meta's status. Only APPROVED templates can be sent; PAUSED (low quality) and DISABLED are refused.
                             * @enum {string}
                             */
                            status?: "DRAFT" | "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "IN_APPEAL" | "PENDING_DELETION" | "DELETED" | "LIMIT_EXCEEDED" | "ARCHIVED";
                            /** @enum {string} */
                            parameter_format?: "POSITIONAL" | "NAMED";
                            components?: {
                                [key: string]: unknown;
                            }[];
                            /** @description Other create fields: allow_category_change, message_send_ttl_seconds… */
                            options?: {
                                [key: string]: unknown;
                            };
                            /** @description GREEN, YELLOW, RED or UNKNOWN */
                            quality_score?: string | null;
                            /** @description Meta's reason: PROMOTIONAL, ABUSIVE_CONTENT, INCORRECT_CATEGORY, INVALID_FORMAT, SCAM… */
                            rejected_reason?: string | null;
                            /** @description {reason, recommendation} in Meta's words */
                            rejection_info?: {
                                [key: string]: unknown;
                            } | null;
                            /** @description Meta's other_info (FIRST_PAUSE, SECOND_PAUSE…) or disable date */
                            status_detail?: {
                                [key: string]: unknown;
                            } | null;
                            meta_template_id?: string | null;
                            /** Format: date-time */
                            submitted_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            /** @description Every status, quality and category event, applied or not (a late or repeated webhook is kept with applied false) */
                            history?: {
                                /** @enum {string} */
                                kind?: "status" | "quality" | "category" | "components";
                                event?: string;
                                previous?: string | null;
                                reason?: string | null;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                source?: "api" | "webhook" | "sync";
                                /** Format: date-time */
                                meta_time?: string | null;
                                applied?: boolean;
                                /** Format: date-time */
                                recorded_at?: string;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a template
         * @description A draft is removed. A submitted template is deleted at Meta (this language only) and kept here as DELETED. Disabled templates cannot be deleted.
         *
         *     Requires scope `templates:write`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The WhatsApp Cloud API could not be reached */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a template
         * @description A draft changes freely. APPROVED, REJECTED and PAUSED templates are edited at Meta (`components`, `parameter_format`, `message_send_ttl_seconds`, and `category` unless approved) and go back to review; an approved one at most once per 24 hours and 10 times per 30 days.
         *
         *     Requires scope `templates:write`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        components?: unknown[];
                        category?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @description The WhatsApp Business Account (ours, `waba_…`) the template belongs to */
                            account_id?: string;
                            name?: string;
                            language?: string;
                            /** @enum {string} */
                            category?: "MARKETING" | "UTILITY" | "AUTHENTICATION";
                            /** @description Set when Meta re-categorised the template */
                            previous_category?: string | null;
                            /**
                             * @description `DRAFT` (ours, not at Meta yet) or Meta's status. Only APPROVED templates can be sent; PAUSED (low quality) and DISABLED are refused.
                             * @enum {string}
                             */
                            status?: "DRAFT" | "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "IN_APPEAL" | "PENDING_DELETION" | "DELETED" | "LIMIT_EXCEEDED" | "ARCHIVED";
                            /** @enum {string} */
                            parameter_format?: "POSITIONAL" | "NAMED";
                            components?: {
                                [key: string]: unknown;
                            }[];
                            /** @description Other create fields: allow_category_change, message_send_ttl_seconds… */
                            options?: {
                                [key: string]: unknown;
                            };
                            /** @description GREEN, YELLOW, RED or UNKNOWN */
                            quality_score?: string | null;
                            /** @description Meta's reason: PROMOTIONAL, ABUSIVE_CONTENT, INCORRECT_CATEGORY, INVALID_FORMAT, SCAM… */
                            rejected_reason?: string | null;
                            /** @description {reason, recommendation} in Meta's words */
                            rejection_info?: {
                                [key: string]: unknown;
                            } | null;
                            /** @description Meta's other_info (FIRST_PAUSE, SECOND_PAUSE…) or disable date */
                            status_detail?: {
                                [key: string]: unknown;
                            } | null;
                            meta_template_id?: string | null;
                            /** Format: date-time */
                            submitted_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The WhatsApp Cloud API could not be reached */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/templates/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a draft to Meta for review
         * @description The template is PENDING afterwards; Meta's decision arrives by webhook (`template.status`).
         *
         *     Requires scope `templates:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @description The WhatsApp Business Account (ours, `waba_…`) the template belongs to */
                            account_id?: string;
                            name?: string;
                            language?: string;
                            /** @enum {string} */
                            category?: "MARKETING" | "UTILITY" | "AUTHENTICATION";
                            /** @description Set when Meta re-categorised the template */
                            previous_category?: string | null;
                            /**
                             * @description `DRAFT` (ours, not at Meta yet) or Meta's status. Only APPROVED templates can be sent; PAUSED (low quality) and DISABLED are refused.
                             * @enum {string}
                             */
                            status?: "DRAFT" | "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "IN_APPEAL" | "PENDING_DELETION" | "DELETED" | "LIMIT_EXCEEDED" | "ARCHIVED";
                            /** @enum {string} */
                            parameter_format?: "POSITIONAL" | "NAMED";
                            components?: {
                                [key: string]: unknown;
                            }[];
                            /** @description Other create fields: allow_category_change, message_send_ttl_seconds… */
                            options?: {
                                [key: string]: unknown;
                            };
                            /** @description GREEN, YELLOW, RED or UNKNOWN */
                            quality_score?: string | null;
                            /** @description Meta's reason: PROMOTIONAL, ABUSIVE_CONTENT, INCORRECT_CATEGORY, INVALID_FORMAT, SCAM… */
                            rejected_reason?: string | null;
                            /** @description {reason, recommendation} in Meta's words */
                            rejection_info?: {
                                [key: string]: unknown;
                            } | null;
                            /** @description Meta's other_info (FIRST_PAUSE, SECOND_PAUSE…) or disable date */
                            status_detail?: {
                                [key: string]: unknown;
                            } | null;
                            meta_template_id?: string | null;
                            /** Format: date-time */
                            submitted_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The WhatsApp Cloud API could not be reached */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List messages, newest first, filtered
         * @description Every given filter must hold; `status` repeats (any of them).
         *
         *     Requires scope `messages:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: ("held" | "accepted" | "queued" | "sent" | "delivered" | "read" | "played" | "failed" | "deleted" | "received")[];
                    direction?: "outbound" | "inbound";
                    /** @description The template's name (any language) */
                    template?: string;
                    /** @description The business number: its id (pn_…) or Meta's phone number id */
                    phone_number_id?: string;
                    contact_id?: string;
                    /** @description Created at or after this instant */
                    from?: string;
                    /** @description Created before this instant */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                /** @enum {string} */
                                direction?: "outbound" | "inbound";
                                from?: string;
                                to?: string;
                                type?: string;
                                /** @description accepted → queued → sent → delivered → read (→ played for voice), or failed / deleted (outbound); received (inbound) */
                                status?: string;
                                wamid?: string | null;
                                content?: {
                                    [key: string]: unknown;
                                };
                                metadata?: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description For a template: its text with the parameters filled in, as the customer sees it */
                                rendered_text?: string | null;
                                /** @description For a template: its purpose (marketing, utility, authentication) */
                                category?: string | null;
                                /** @description For a template: the consent record that allowed the send */
                                consent_record_id?: string | null;
                                /** @description Content screening's verdict (decision, score, rules) when it had something to say */
                                screening?: {
                                    [key: string]: unknown;
                                } | null;
                                error?: {
                                    /** @description Meta's error code (0 when the Cloud API could not be reached) */
                                    code?: number;
                                    title?: string;
                                    /** @description What happened, in plain language */
                                    message?: string;
                                    details?: string;
                                    /** @description Xpecto's error code when it means the same, e.g. 131047 → outside_customer_service_window */
                                    reason?: string;
                                } | null;
                                /** @description Meta's pricing of the message as last reported: category, type (regular, free_customer_service, free_entry_point), pricing_model, billable */
                                pricing?: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description Meta's conversation data, when it sends any (legacy) */
                                conversation?: {
                                    [key: string]: unknown;
                                } | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                                contact_id?: string;
                                /** @description The business number (pn_…) it was sent from or to */
                                phone_number_id?: string;
                                /** @description For a template: its name */
                                template_name?: string | null;
                                /** @description Why it failed, in one plain sentence (from the error-code table); null unless failed */
                                failure_reason?: string | null;
                                history?: {
                                    status?: string;
                                    /** Format: date-time */
                                    at?: string;
                                    /** Format: date-time */
                                    recorded_at?: string;
                                    source?: string;
                                    detail?: {
                                        [key: string]: unknown;
                                    } | null;
                                }[];
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Send a message
         * @description Takes the Cloud API message object (plus optional `from` and `metadata`), validates it, and queues it for dispatch. 202 means accepted, not delivered: follow the status with GET /v1/messages/{id} or webhooks.
         *
         *     Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `messages:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        messaging_product?: "whatsapp";
                        /** @enum {unknown} */
                        recipient_type?: "individual";
                        /** @description Recipient phone number, E.164 or national format */
                        to: string;
                        /** @description Sender: a phone number id (pn_…) or Meta phone_number_id; optional with one number */
                        from?: string;
                        /** @enum {unknown} */
                        type: "text" | "image" | "video" | "audio" | "document" | "sticker" | "location" | "contacts" | "reaction" | "interactive" | "template";
                        /** @description Reply to (quote) an earlier message: its id (msg_…) or wamid */
                        context?: {
                            message_id: string;
                        };
                        text?: {
                            body: string;
                            preview_url?: boolean;
                        };
                        /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                        image?: {
                            id?: string;
                            link?: string;
                            caption?: string;
                        } & (unknown | unknown);
                        /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                        video?: {
                            id?: string;
                            link?: string;
                            caption?: string;
                        } & (unknown | unknown);
                        /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                        audio?: {
                            id?: string;
                            link?: string;
                            voice?: boolean;
                        } & (unknown | unknown);
                        /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                        document?: {
                            id?: string;
                            link?: string;
                            caption?: string;
                            filename?: string;
                        } & (unknown | unknown);
                        /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                        sticker?: {
                            id?: string;
                            link?: string;
                        } & (unknown | unknown);
                        location?: {
                            latitude: number | string;
                            longitude: number | string;
                            name?: string;
                            address?: string;
                        };
                        contacts?: {
                            name: {
                                formatted_name: string;
                                first_name?: string;
                                last_name?: string;
                                middle_name?: string;
                                suffix?: string;
                                prefix?: string;
                            };
                            phones?: {
                                phone?: string;
                                type?: string;
                                wa_id?: string;
                            }[];
                            emails?: {
                                email?: string;
                                type?: string;
                            }[];
                            urls?: {
                                url?: string;
                                type?: string;
                            }[];
                            addresses?: {
                                street?: string;
                                city?: string;
                                state?: string;
                                zip?: string;
                                country?: string;
                                country_code?: string;
                                type?: string;
                            }[];
                            org?: {
                                company?: string;
                                department?: string;
                                title?: string;
                            };
                            birthday?: string;
                        }[];
                        /** @description A reaction to a message (its id msg_… or wamid); an empty emoji removes it */
                        reaction?: {
                            message_id: string;
                            emoji: string;
                        };
                        interactive?: {
                            /** @enum {unknown} */
                            type: "button" | "list" | "cta_url" | "flow";
                            header?: {
                                /** @enum {unknown} */
                                type: "text" | "image" | "video" | "document";
                                text?: string;
                                /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                                image?: {
                                    id?: string;
                                    link?: string;
                                    caption?: string;
                                } & (unknown | unknown);
                                /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                                video?: {
                                    id?: string;
                                    link?: string;
                                    caption?: string;
                                } & (unknown | unknown);
                                /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                                document?: {
                                    id?: string;
                                    link?: string;
                                    caption?: string;
                                    filename?: string;
                                } & (unknown | unknown);
                            };
                            body: {
                                text: string;
                            };
                            footer?: {
                                text: string;
                            };
                            action: {
                                buttons?: {
                                    /** @enum {unknown} */
                                    type: "reply";
                                    reply: {
                                        id: string;
                                        title: string;
                                    };
                                }[];
                                button?: string;
                                sections?: {
                                    title?: string;
                                    rows: {
                                        id: string;
                                        title: string;
                                        description?: string;
                                    }[];
                                }[];
                                /** @enum {unknown} */
                                name?: "cta_url" | "flow";
                                parameters?: {
                                    display_text?: string;
                                    url?: string;
                                    /** @enum {unknown} */
                                    flow_message_version?: "3";
                                    flow_id?: string;
                                    flow_name?: string;
                                    flow_cta?: string;
                                    flow_token?: string;
                                    /** @enum {unknown} */
                                    mode?: "draft" | "published";
                                    /** @enum {unknown} */
                                    flow_action?: "navigate" | "data_exchange";
                                    flow_action_payload?: {
                                        screen?: string;
                                        data?: Record<string, never>;
                                    };
                                };
                            };
                        } & (unknown & unknown & unknown & unknown);
                        template?: {
                            name: string;
                            language: {
                                code: string;
                                /** @enum {unknown} */
                                policy?: "deterministic";
                            };
                            components?: {
                                /** @enum {unknown} */
                                type: "header" | "body" | "button";
                                /** @enum {unknown} */
                                sub_type?: "quick_reply" | "url" | "copy_code" | "flow" | "catalog" | "mpm" | "voice_call";
                                index?: string | number;
                                parameters?: ({
                                    /** @enum {unknown} */
                                    type: "text" | "currency" | "date_time" | "image" | "video" | "document" | "location" | "payload" | "coupon_code" | "action";
                                    parameter_name?: string;
                                    text?: string;
                                    currency?: {
                                        fallback_value: string;
                                        code: string;
                                        amount_1000: number;
                                    };
                                    date_time?: {
                                        fallback_value: string;
                                    } & {
                                        [key: string]: unknown;
                                    };
                                    /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                                    image?: {
                                        id?: string;
                                        link?: string;
                                        caption?: string;
                                    } & (unknown | unknown);
                                    /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                                    video?: {
                                        id?: string;
                                        link?: string;
                                        caption?: string;
                                    } & (unknown | unknown);
                                    /** @description Exactly one of `id` (from POST /v1/media) or `link` (a public http(s) URL). */
                                    document?: {
                                        id?: string;
                                        link?: string;
                                        caption?: string;
                                        filename?: string;
                                    } & (unknown | unknown);
                                    location?: {
                                        latitude: number | string;
                                        longitude: number | string;
                                        name?: string;
                                        address?: string;
                                    };
                                    payload?: string;
                                    coupon_code?: string;
                                    action?: {
                                        [key: string]: unknown;
                                    };
                                } & (unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown))[];
                            }[];
                        };
                        /** @description Your own data, echoed back with the message and its webhooks */
                        metadata?: Record<string, never>;
                    } & (unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown & unknown);
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /**
                             * @description `held`: content screening asked for a reviewer; the message waits in the review queue
                             * @enum {string}
                             */
                            status?: "accepted" | "held";
                            to?: string;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send up to 1,000 messages at once
         * @description Each item is a message as for POST /v1/messages and is answered on its own, in order: accepted with its id, or refused with the error a single send would get. The accepted ones are stored together.
         *
         *     Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `messages:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        messages: Record<string, never>[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted?: number;
                            refused?: number;
                            data?: {
                                index?: number;
                                id?: string;
                                status?: string;
                                error?: {
                                    code?: string;
                                    message?: string;
                                    details?: unknown;
                                };
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a customer's message read, optionally showing the typing indicator
         * @description Requires scope `messages:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Show "typing…" until you reply or for 25 s; only when you will reply */
                        typing_indicator?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            read?: boolean;
                            typing_indicator?: boolean;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The WhatsApp Cloud API could not be reached */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a message with its status history and the policy decision behind it
         * @description Requires scope `messages:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            direction?: "outbound" | "inbound";
                            from?: string;
                            to?: string;
                            type?: string;
                            /** @description accepted → queued → sent → delivered → read (→ played for voice), or failed / deleted (outbound); received (inbound) */
                            status?: string;
                            wamid?: string | null;
                            content?: {
                                [key: string]: unknown;
                            };
                            metadata?: {
                                [key: string]: unknown;
                            } | null;
                            /** @description For a template: its text with the parameters filled in, as the customer sees it */
                            rendered_text?: string | null;
                            /** @description For a template: its purpose (marketing, utility, authentication) */
                            category?: string | null;
                            /** @description For a template: the consent record that allowed the send */
                            consent_record_id?: string | null;
                            /** @description Content screening's verdict (decision, score, rules) when it had something to say */
                            screening?: {
                                [key: string]: unknown;
                            } | null;
                            error?: {
                                /** @description Meta's error code (0 when the Cloud API could not be reached) */
                                code?: number;
                                title?: string;
                                /** @description What happened, in plain language */
                                message?: string;
                                details?: string;
                                /** @description Xpecto's error code when it means the same, e.g. 131047 → outside_customer_service_window */
                                reason?: string;
                            } | null;
                            /** @description Meta's pricing of the message as last reported: category, type (regular, free_customer_service, free_entry_point), pricing_model, billable */
                            pricing?: {
                                [key: string]: unknown;
                            } | null;
                            /** @description Meta's conversation data, when it sends any (legacy) */
                            conversation?: {
                                [key: string]: unknown;
                            } | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            contact_id?: string;
                            /** @description The business number (pn_…) it was sent from or to */
                            phone_number_id?: string;
                            /** @description For a template: its name */
                            template_name?: string | null;
                            /** @description Why it failed, in one plain sentence (from the error-code table); null unless failed */
                            failure_reason?: string | null;
                            history?: {
                                status?: string;
                                /** Format: date-time */
                                at?: string;
                                /** Format: date-time */
                                recorded_at?: string;
                                source?: string;
                                detail?: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            /** @description Why the platform let this outbound message go, held it or refused it; null for a customer's message. Sends refused before they were stored left no message: the caller got the error and its clause. */
                            policy?: {
                                /** @enum {string} */
                                decision?: "allowed" | "held" | "refused";
                                /**
                                 * @description consent: a template on the contact's opt-in; customer_service_window: a reply within 24 hours of the customer's message; consent_exemption: the double opt-in confirmation
                                 * @enum {string}
                                 */
                                basis?: "consent" | "customer_service_window" | "consent_exemption";
                                /** @description The template's purpose: marketing, utility or authentication */
                                category?: string | null;
                                /** @description The consent record the send relied on; its proof is in GET /v1/contacts/{id}/consents */
                                consent?: {
                                    record_id?: string;
                                    purpose?: string;
                                    state?: string;
                                    source?: string;
                                    /** Format: date-time */
                                    recorded_at?: string;
                                } | null;
                                /** @description Content screening's verdict (AUP 3.2, 3.5): allow with no rules when the content was clean */
                                screening?: {
                                    /** @enum {string} */
                                    decision?: "allow" | "hold" | "block";
                                    score?: number;
                                    rules?: {
                                        id?: string;
                                        clause?: string;
                                        weight?: number;
                                        evidence?: string;
                                    }[];
                                };
                                /** @description A reviewer's decision on a held message */
                                review?: {
                                    /** @enum {string} */
                                    outcome?: "released" | "rejected";
                                    by?: string | null;
                                    note?: string | null;
                                    /** Format: date-time */
                                    at?: string;
                                } | null;
                                /** @description The Acceptable Use Policy clause behind a hold or a refusal */
                                clause?: string | null;
                                /** @description The decision in one plain sentence */
                                explanation?: string;
                            } | null;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file to send
         * @description multipart/form-data with one `file` part. The type is read from the bytes and checked against WhatsApp's types and size limits (image 5 MB, video and audio 16 MB, document 100 MB, sticker 100 KB static / 500 KB animated). The file is handed to the Cloud API when a message first uses it.
         *
         *     AUP 3.4 (decision 0016): the bytes must match the part's Content-Type and the file name (422 `media_type_mismatch`); programs, scripts, macro-enabled documents and HTML/SVG with scripts are refused (422 `media_not_allowed`); with a malware scanner configured, a detection is 422 `media_malware_detected` and an unreachable scanner 503 `scanner_unavailable`. Nothing is stored for a refused file.
         *
         *     Requires scope `messages:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Use it in a send: {"type":"image","image":{"id":"med_…"}} */
                            id?: string;
                            /** @enum {string} */
                            kind?: "image" | "video" | "audio" | "document" | "sticker";
                            /** @description Read from the bytes, not from the upload's declared type */
                            mime_type?: string;
                            size_bytes?: number;
                            sha256?: string;
                            filename?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Error */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Error */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an uploaded file, or a customer's file fetched before
         * @description Requires scope `messages:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file, with its content type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the file a customer sent in a message
         * @description Fetched from the Cloud API on first request (Meta keeps inbound media 7 days), checked against its sha256, then kept.
         *
         *     Requires scope `messages:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file, with its content type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The WhatsApp Cloud API could not be reached */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints, newest first
         * @description Requires scope `webhooks:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                url?: string;
                                description?: string;
                                event_types?: string[];
                                /** @enum {string} */
                                status?: "active" | "disabled";
                                /** @description `gone` (the receiver answered 410), `failing` (every attempt failed for 5 days) or `manual` */
                                disabled_reason?: string | null;
                                /** Format: date-time */
                                disabled_at?: string | null;
                                /**
                                 * Format: date-time
                                 * @description Start of the current run of failed attempts
                                 */
                                failing_since?: string | null;
                                /**
                                 * Format: date-time
                                 * @description Until then deliveries carry a second signature, made with the previous secret
                                 */
                                previous_secret_expires_at?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register an endpoint for webhooks to your systems
         * @description Deliveries follow Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The signing secret is in this response only.
         *
         *     Requires scope `webhooks:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http(s) URL reaching a public address */
                        url: string;
                        /** @description Event types to deliver, or `*` for all: `message.status`, `message.inbound`, `template.status`, `template.quality`, `template.category`, `account.standing`, `phone_number.status`, `webhook_endpoint.disabled`, `policy.updated` */
                        event_types: ("*" | "message.status" | "message.inbound" | "template.status" | "template.quality" | "template.category" | "account.standing" | "phone_number.status" | "webhook_endpoint.disabled" | "policy.updated")[];
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            url?: string;
                            description?: string;
                            event_types?: string[];
                            /** @enum {string} */
                            status?: "active" | "disabled";
                            /** @description `gone` (the receiver answered 410), `failing` (every attempt failed for 5 days) or `manual` */
                            disabled_reason?: string | null;
                            /** Format: date-time */
                            disabled_at?: string | null;
                            /**
                             * Format: date-time
                             * @description Start of the current run of failed attempts
                             */
                            failing_since?: string | null;
                            /**
                             * Format: date-time
                             * @description Until then deliveries carry a second signature, made with the previous secret
                             */
                            previous_secret_expires_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            /** @description The signing secret (`whsec_…`). Shown only in this response: store it now. */
                            secret?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description Requires scope `webhooks:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            url?: string;
                            description?: string;
                            event_types?: string[];
                            /** @enum {string} */
                            status?: "active" | "disabled";
                            /** @description `gone` (the receiver answered 410), `failing` (every attempt failed for 5 days) or `manual` */
                            disabled_reason?: string | null;
                            /** Format: date-time */
                            disabled_at?: string | null;
                            /**
                             * Format: date-time
                             * @description Start of the current run of failed attempts
                             */
                            failing_since?: string | null;
                            /**
                             * Format: date-time
                             * @description Until then deliveries carry a second signature, made with the previous secret
                             */
                            previous_secret_expires_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint and its delivery log
         * @description Requires scope `webhooks:write`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint, or enable / disable it
         * @description `status: active` re-enables an endpoint that was disabled; replay what it missed with POST /v1/webhook-endpoints/{id}/replay.
         *
         *     Requires scope `webhooks:write`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http(s) URL reaching a public address */
                        url?: string;
                        /** @description Event types to deliver, or `*` for all: `message.status`, `message.inbound`, `template.status`, `template.quality`, `template.category`, `account.standing`, `phone_number.status`, `webhook_endpoint.disabled`, `policy.updated` */
                        event_types?: ("*" | "message.status" | "message.inbound" | "template.status" | "template.quality" | "template.category" | "account.standing" | "phone_number.status" | "webhook_endpoint.disabled" | "policy.updated")[];
                        description?: string;
                        /** @enum {string} */
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            url?: string;
                            description?: string;
                            event_types?: string[];
                            /** @enum {string} */
                            status?: "active" | "disabled";
                            /** @description `gone` (the receiver answered 410), `failing` (every attempt failed for 5 days) or `manual` */
                            disabled_reason?: string | null;
                            /** Format: date-time */
                            disabled_at?: string | null;
                            /**
                             * Format: date-time
                             * @description Start of the current run of failed attempts
                             */
                            failing_since?: string | null;
                            /**
                             * Format: date-time
                             * @description Until then deliveries carry a second signature, made with the previous secret
                             */
                            previous_secret_expires_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Returns the new secret once. The previous secret keeps signing beside it (two signatures in `webhook-signature`) for `overlap_seconds` (default 24 h; 0 ends it now).
         *
         *     Requires scope `webhooks:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        overlap_seconds?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            url?: string;
                            description?: string;
                            event_types?: string[];
                            /** @enum {string} */
                            status?: "active" | "disabled";
                            /** @description `gone` (the receiver answered 410), `failing` (every attempt failed for 5 days) or `manual` */
                            disabled_reason?: string | null;
                            /** Format: date-time */
                            disabled_at?: string | null;
                            /**
                             * Format: date-time
                             * @description Start of the current run of failed attempts
                             */
                            failing_since?: string | null;
                            /**
                             * Format: date-time
                             * @description Until then deliveries carry a second signature, made with the previous secret
                             */
                            previous_secret_expires_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                            /** @description The signing secret (`whsec_…`). Shown only in this response: store it now. */
                            secret?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of an endpoint, newest first (30 days)
         * @description Requires scope `webhooks:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "pending" | "succeeded" | "failed" | "cancelled";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                endpoint_id?: string;
                                /** @description Also the `webhook-id` header: the same on every attempt and replay */
                                event_id?: string;
                                event_type?: string;
                                /** @enum {string} */
                                status?: "pending" | "succeeded" | "failed" | "cancelled";
                                attempts?: number;
                                /** Format: date-time */
                                next_attempt_at?: string | null;
                                /** Format: date-time */
                                last_attempt_at?: string | null;
                                last_status_code?: number | null;
                                last_duration_ms?: number | null;
                                last_error?: string | null;
                                replay_of?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                                attempt_log?: {
                                    attempt?: number;
                                    /** Format: date-time */
                                    attempted_at?: string;
                                    status_code?: number | null;
                                    duration_ms?: number;
                                    error?: string | null;
                                    /** @description The first KiB of the response body */
                                    response?: string | null;
                                }[];
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay the events of a time range to this endpoint
         * @description Each event of [since, until) the endpoint subscribes to is delivered again with its original `webhook-id`. Up to 30 days back. `only_undelivered` skips events this endpoint already acknowledged.
         *
         *     Requires scope `webhooks:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        since: string;
                        /** Format: date-time */
                        until?: string;
                        only_undelivered?: boolean;
                        /** @description Continue a replay that answered `complete: false` */
                        after_event?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replayed?: number;
                            complete?: boolean;
                            after_event?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A delivery with every attempt: status code, timing, error
         * @description Requires scope `webhooks:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            endpoint_id?: string;
                            /** @description Also the `webhook-id` header: the same on every attempt and replay */
                            event_id?: string;
                            event_type?: string;
                            /** @enum {string} */
                            status?: "pending" | "succeeded" | "failed" | "cancelled";
                            attempts?: number;
                            /** Format: date-time */
                            next_attempt_at?: string | null;
                            /** Format: date-time */
                            last_attempt_at?: string | null;
                            last_status_code?: number | null;
                            last_duration_ms?: number | null;
                            last_error?: string | null;
                            replay_of?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            attempt_log?: {
                                attempt?: number;
                                /** Format: date-time */
                                attempted_at?: string;
                                status_code?: number | null;
                                duration_ms?: number;
                                error?: string | null;
                                /** @description The first KiB of the response body */
                                response?: string | null;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver one delivery's event again
         * @description A new delivery with the same `webhook-id` and body. Up to 30 days back.
         *
         *     Requires scope `webhooks:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            endpoint_id?: string;
                            /** @description Also the `webhook-id` header: the same on every attempt and replay */
                            event_id?: string;
                            event_type?: string;
                            /** @enum {string} */
                            status?: "pending" | "succeeded" | "failed" | "cancelled";
                            attempts?: number;
                            /** Format: date-time */
                            next_attempt_at?: string | null;
                            /** Format: date-time */
                            last_attempt_at?: string | null;
                            last_status_code?: number | null;
                            last_duration_ms?: number | null;
                            last_error?: string | null;
                            replay_of?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            attempt_log?: {
                                attempt?: number;
                                /** Format: date-time */
                                attempted_at?: string;
                                status_code?: number | null;
                                duration_ms?: number;
                                error?: string | null;
                                /** @description The first KiB of the response body */
                                response?: string | null;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consent/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Opt-in and opt-out settings
         * @description Keywords (matched against the whole message, normalized: case, Latin diacritics, punctuation, emoji and spacing ignored), confirmation texts, the marketing frequency cap and double opt-in. Unset fields show their defaults.
         *
         *     Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            business_name?: string | null;
                            opt_in_keywords?: string[] | null;
                            opt_out_keywords?: string[] | null;
                            marketing_opt_out_keywords?: string[] | null;
                            /** @description May say {business}, {opt_in_keyword}, {opt_out_keyword}. */
                            opt_out_confirmation?: string | null;
                            /** @description May say {business}, {opt_in_keyword}, {opt_out_keyword}. */
                            marketing_opt_out_confirmation?: string | null;
                            /** @description May say {business}, {opt_in_keyword}, {opt_out_keyword}. */
                            opt_in_confirmation?: string | null;
                            marketing_cap_per_24h?: number | null;
                            double_opt_in?: boolean;
                            double_opt_in_template?: {
                                name: string;
                                language: {
                                    code: string;
                                };
                                components?: Record<string, never>[];
                            } | null;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change opt-in and opt-out settings
         * @description Each field given replaces the current one; `null` restores the default. A keyword may sit in one list only; the opt-in confirmation must name the business and WhatsApp; double opt-in needs an approved template.
         *
         *     Requires scope `contacts:write`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        business_name?: string | null;
                        opt_in_keywords?: string[] | null;
                        opt_out_keywords?: string[] | null;
                        marketing_opt_out_keywords?: string[] | null;
                        /** @description May say {business}, {opt_in_keyword}, {opt_out_keyword}. */
                        opt_out_confirmation?: string | null;
                        /** @description May say {business}, {opt_in_keyword}, {opt_out_keyword}. */
                        marketing_opt_out_confirmation?: string | null;
                        /** @description May say {business}, {opt_in_keyword}, {opt_out_keyword}. */
                        opt_in_confirmation?: string | null;
                        marketing_cap_per_24h?: number | null;
                        double_opt_in?: boolean;
                        double_opt_in_template?: {
                            name: string;
                            language: {
                                code: string;
                            };
                            components?: Record<string, never>[];
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            business_name?: string | null;
                            opt_in_keywords?: string[] | null;
                            opt_out_keywords?: string[] | null;
                            marketing_opt_out_keywords?: string[] | null;
                            /** @description May say {business}, {opt_in_keyword}, {opt_out_keyword}. */
                            opt_out_confirmation?: string | null;
                            /** @description May say {business}, {opt_in_keyword}, {opt_out_keyword}. */
                            marketing_opt_out_confirmation?: string | null;
                            /** @description May say {business}, {opt_in_keyword}, {opt_out_keyword}. */
                            opt_in_confirmation?: string | null;
                            marketing_cap_per_24h?: number | null;
                            double_opt_in?: boolean;
                            double_opt_in_template?: {
                                name: string;
                                language: {
                                    code: string;
                                };
                                components?: Record<string, never>[];
                            } | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/consent/opt-in-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hosted opt-in page and links to it
         * @description The page URL, an HTML link to embed, and a wa.me link per phone number that opens WhatsApp with the opt-in keyword.
         *
         *     Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page_url?: string;
                            html?: string;
                            keyword?: string;
                            whatsapp_links?: {
                                phone_number_id?: string;
                                display_phone_number?: string;
                                url?: string;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/optin/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hosted opt-in page (HTML) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Submit the hosted opt-in form (application/x-www-form-urlencoded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contacts, newest first, filtered
         * @description Every given filter must hold. `tag` and `consent` repeat (all must match). `attr.<key>=v` tests equality, `attr.<key>.gt|gte|lt|lte|ne=v` compares (numbers and dates). For or/not, use POST /v1/contacts/search.
         *
         *     Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Name contains (case-insensitive), or the number starts with these digits */
                    q?: string;
                    tag?: string[];
                    /** @description e.g. `marketing:opted_in` */
                    consent?: string[];
                    /** @description "en" matches en, en-US, en-GB… */
                    language?: string;
                    last_inbound_after?: string;
                    last_inbound_before?: string;
                    created_after?: string;
                    created_before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                /** @description E.164 */
                                phone?: string;
                                /** @description The WhatsApp id, once the customer wrote */
                                wa_id?: string | null;
                                name?: string | null;
                                /** @description BCP-47, canonical form */
                                language?: string | null;
                                /** @description IANA time zone */
                                time_zone?: string | null;
                                attributes?: {
                                    [key: string]: unknown;
                                };
                                tags?: string[];
                                /** @description Current consent per purpose: the latest record for the purpose or for all purposes */
                                consent?: {
                                    marketing?: {
                                        /** @enum {string} */
                                        state?: "opted_in" | "opted_out" | "none";
                                        /** @description The ledger record that set this state */
                                        record_id?: string | null;
                                        /** Format: date-time */
                                        recorded_at?: string | null;
                                    };
                                    utility?: {
                                        /** @enum {string} */
                                        state?: "opted_in" | "opted_out" | "none";
                                        /** @description The ledger record that set this state */
                                        record_id?: string | null;
                                        /** Format: date-time */
                                        recorded_at?: string | null;
                                    };
                                    authentication?: {
                                        /** @enum {string} */
                                        state?: "opted_in" | "opted_out" | "none";
                                        /** @description The ledger record that set this state */
                                        record_id?: string | null;
                                        /** Format: date-time */
                                        recorded_at?: string | null;
                                    };
                                };
                                /** Format: date-time */
                                last_inbound_at?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a contact
         * @description A number already held by a contact answers 409 `contact_already_exists` with `details.contact_id`. Consent is recorded separately (POST /v1/contacts/{id}/consents).
         *
         *     Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `contacts:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Any common format; national numbers are read in the organization's country */
                        phone: string;
                        name?: string | null;
                        /** @description BCP-47 ("en", "pt-BR"; "pt_BR" is accepted) */
                        language?: string | null;
                        /** @description IANA time zone ("Asia/Kolkata") */
                        time_zone?: string | null;
                        /** @description Values for the organization's attribute definitions; null removes a value */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        /** @description Replaces the contact's tags. Stored trimmed, lower case, inner spaces collapsed, duplicates dropped; each 1–64 characters, at most 50. */
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @description E.164 */
                            phone?: string;
                            /** @description The WhatsApp id, once the customer wrote */
                            wa_id?: string | null;
                            name?: string | null;
                            /** @description BCP-47, canonical form */
                            language?: string | null;
                            /** @description IANA time zone */
                            time_zone?: string | null;
                            attributes?: {
                                [key: string]: unknown;
                            };
                            tags?: string[];
                            /** @description Current consent per purpose: the latest record for the purpose or for all purposes */
                            consent?: {
                                marketing?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    /** @description The ledger record that set this state */
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                                utility?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    /** @description The ledger record that set this state */
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                                authentication?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    /** @description The ledger record that set this state */
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                            };
                            /** Format: date-time */
                            last_inbound_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search contacts with a filter, newest first
         * @description A filter is a JSON tree (docs/decisions/0009-contacts-filter-language.md):
         *
         *     - `{"and": [F, …]}` all hold (`{"and": []}` is every contact) · `{"or": [F, …]}` one holds · `{"not": F}`
         *     - `{"tag": "vip"}` the contact has the tag (compared normalized: trimmed, lower case)
         *     - `{"attribute": "age", "op": "gt", "value": 30}`: op `eq`, `ne`, `in` (value a list), `exists` (no value) for every type;
         *       `gt`, `gte`, `lt`, `lte` for number and date attributes (dates "YYYY-MM-DD"). A contact without the value matches
         *       no comparison (not even `ne`); use `{"not": …}` to include it.
         *     - `{"consent": "marketing", "state": "opted_in" | "opted_out" | "none"}`: the current consent for the purpose
         *       (the latest record for it or for all purposes)
         *     - `{"last_inbound": {"after": t, "before": t, "exists": bool}}` and `{"created_at": {"after": t, "before": t}}`:
         *       ISO 8601 date-times (or dates), `after` inclusive, `before` exclusive
         *     - `{"language": "en"}` or a list: "en" matches en, en-US, en-GB…
         *     - `{"q": "ann"}`: the name contains it, or the number starts with these digits
         *
         *     At most 100 conditions, nested 8 deep. Attribute keys must be defined. Erased contacts never match.
         *
         *     Requires scope `contacts:read`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A contact filter (see the operation's description) */
                        filter?: {
                            [key: string]: unknown;
                        };
                        /** @default 50 */
                        limit?: number;
                        cursor?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                /** @description E.164 */
                                phone?: string;
                                /** @description The WhatsApp id, once the customer wrote */
                                wa_id?: string | null;
                                name?: string | null;
                                /** @description BCP-47, canonical form */
                                language?: string | null;
                                /** @description IANA time zone */
                                time_zone?: string | null;
                                attributes?: {
                                    [key: string]: unknown;
                                };
                                tags?: string[];
                                /** @description Current consent per purpose: the latest record for the purpose or for all purposes */
                                consent?: {
                                    marketing?: {
                                        /** @enum {string} */
                                        state?: "opted_in" | "opted_out" | "none";
                                        /** @description The ledger record that set this state */
                                        record_id?: string | null;
                                        /** Format: date-time */
                                        recorded_at?: string | null;
                                    };
                                    utility?: {
                                        /** @enum {string} */
                                        state?: "opted_in" | "opted_out" | "none";
                                        /** @description The ledger record that set this state */
                                        record_id?: string | null;
                                        /** Format: date-time */
                                        recorded_at?: string | null;
                                    };
                                    authentication?: {
                                        /** @enum {string} */
                                        state?: "opted_in" | "opted_out" | "none";
                                        /** @description The ledger record that set this state */
                                        record_id?: string | null;
                                        /** Format: date-time */
                                        recorded_at?: string | null;
                                    };
                                };
                                /** Format: date-time */
                                last_inbound_at?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add and remove tags on many contacts at once
         * @description Name the contacts (`contact_ids`, up to 1,000) or match them with a `filter` (see POST /v1/contacts/search; `{"and": []}` is every contact). One statement: all matched contacts change or none (422 `tag_limit_exceeded` when one would pass 50 tags).
         *
         *     Requires scope `contacts:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contact_ids?: string[];
                        /** @description A contact filter (see the operation's description) */
                        filter?: {
                            [key: string]: unknown;
                        };
                        add?: string[];
                        remove?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            matched?: number;
                            /** @description Contacts whose tags changed */
                            changed?: number;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a contact with its current consent
         * @description Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @description E.164 */
                            phone?: string;
                            /** @description The WhatsApp id, once the customer wrote */
                            wa_id?: string | null;
                            name?: string | null;
                            /** @description BCP-47, canonical form */
                            language?: string | null;
                            /** @description IANA time zone */
                            time_zone?: string | null;
                            attributes?: {
                                [key: string]: unknown;
                            };
                            tags?: string[];
                            /** @description Current consent per purpose: the latest record for the purpose or for all purposes */
                            consent?: {
                                marketing?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    /** @description The ledger record that set this state */
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                                utility?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    /** @description The ledger record that set this state */
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                                authentication?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    /** @description The ledger record that set this state */
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                            };
                            /** Format: date-time */
                            last_inbound_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Erase a contact
         * @description Removes the contact's personal data: its number, name, attributes and tags, the content of its messages, its consent proofs and stored media. Message ids, statuses and billing stay, and the consent ledger stays verifiable (an `erased` record is appended). A keyed hash of the number goes on the suppression list: no template reaches that number again until it opts in anew.
         *
         *     Requires scope `contacts:write`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** Format: date-time */
                            erased_at?: string;
                            suppressed?: boolean;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a contact
         * @description `attributes` merges (null removes a value); `tags` replaces the list. A new `phone` is refused (422 `phone_change_not_allowed`) once the contact has consent records or has written: create a new contact for the new number.
         *
         *     Requires scope `contacts:write`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Any common format; national numbers are read in the organization's country */
                        phone?: string;
                        name?: string | null;
                        /** @description BCP-47 ("en", "pt-BR"; "pt_BR" is accepted) */
                        language?: string | null;
                        /** @description IANA time zone ("Asia/Kolkata") */
                        time_zone?: string | null;
                        /** @description Values for the organization's attribute definitions; null removes a value */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        /** @description Replaces the contact's tags. Stored trimmed, lower case, inner spaces collapsed, duplicates dropped; each 1–64 characters, at most 50. */
                        tags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @description E.164 */
                            phone?: string;
                            /** @description The WhatsApp id, once the customer wrote */
                            wa_id?: string | null;
                            name?: string | null;
                            /** @description BCP-47, canonical form */
                            language?: string | null;
                            /** @description IANA time zone */
                            time_zone?: string | null;
                            attributes?: {
                                [key: string]: unknown;
                            };
                            tags?: string[];
                            /** @description Current consent per purpose: the latest record for the purpose or for all purposes */
                            consent?: {
                                marketing?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    /** @description The ledger record that set this state */
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                                utility?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    /** @description The ledger record that set this state */
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                                authentication?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    /** @description The ledger record that set this state */
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                            };
                            /** Format: date-time */
                            last_inbound_at?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/contact-attributes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The custom attributes defined for contacts
         * @description Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                key?: string;
                                label?: string;
                                /** @enum {string} */
                                type?: "text" | "number" | "date" | "boolean" | "enum";
                                options?: string[] | null;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Define a custom contact attribute
         * @description Values: text (string, up to 1,000 characters), number (JSON number), date ("YYYY-MM-DD"), boolean, enum (one of `options`). The type cannot change later.
         *
         *     Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `contacts:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        label?: string;
                        /** @enum {string} */
                        type: "text" | "number" | "date" | "boolean" | "enum";
                        options?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key?: string;
                            label?: string;
                            /** @enum {string} */
                            type?: "text" | "number" | "date" | "boolean" | "enum";
                            options?: string[] | null;
                            /** Format: date-time */
                            created_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contact-attributes/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an attribute definition and every contact's value for it
         * @description Refused (409 `attribute_in_use`, naming them) while a segment filters on the attribute.
         *
         *     Requires scope `contacts:write`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key?: string;
                            contacts_cleared?: number;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List segments, newest first
         * @description Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                name?: string;
                                /** @description The filter as stored: tags, languages and times normalized */
                                filter?: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Save a contact filter as a segment
         * @description Resolved whenever it is read (GET /v1/segments/{id}/contacts, campaigns). A filter is a JSON tree (docs/decisions/0009-contacts-filter-language.md):
         *
         *     - `{"and": [F, …]}` all hold (`{"and": []}` is every contact) · `{"or": [F, …]}` one holds · `{"not": F}`
         *     - `{"tag": "vip"}` the contact has the tag (compared normalized: trimmed, lower case)
         *     - `{"attribute": "age", "op": "gt", "value": 30}`: op `eq`, `ne`, `in` (value a list), `exists` (no value) for every type;
         *       `gt`, `gte`, `lt`, `lte` for number and date attributes (dates "YYYY-MM-DD"). A contact without the value matches
         *       no comparison (not even `ne`); use `{"not": …}` to include it.
         *     - `{"consent": "marketing", "state": "opted_in" | "opted_out" | "none"}`: the current consent for the purpose
         *       (the latest record for it or for all purposes)
         *     - `{"last_inbound": {"after": t, "before": t, "exists": bool}}` and `{"created_at": {"after": t, "before": t}}`:
         *       ISO 8601 date-times (or dates), `after` inclusive, `before` exclusive
         *     - `{"language": "en"}` or a list: "en" matches en, en-US, en-GB…
         *     - `{"q": "ann"}`: the name contains it, or the number starts with these digits
         *
         *     At most 100 conditions, nested 8 deep. Attribute keys must be defined. Erased contacts never match.
         *
         *     Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `contacts:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description A contact filter (see the operation's description) */
                        filter: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** @description The filter as stored: tags, languages and times normalized */
                            filter?: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a segment
         * @description Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** @description The filter as stored: tags, languages and times normalized */
                            filter?: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a segment
         * @description Requires scope `contacts:write`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename a segment or change its filter
         * @description Requires scope `contacts:write`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description A contact filter (see the operation's description) */
                        filter?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** @description The filter as stored: tags, languages and times normalized */
                            filter?: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            updated_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/segments/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The contacts a segment matches now, newest first
         * @description Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                /** @description E.164 */
                                phone?: string;
                                /** @description The WhatsApp id, once the customer wrote */
                                wa_id?: string | null;
                                name?: string | null;
                                /** @description BCP-47, canonical form */
                                language?: string | null;
                                /** @description IANA time zone */
                                time_zone?: string | null;
                                attributes?: {
                                    [key: string]: unknown;
                                };
                                tags?: string[];
                                /** @description Current consent per purpose: the latest record for the purpose or for all purposes */
                                consent?: {
                                    marketing?: {
                                        /** @enum {string} */
                                        state?: "opted_in" | "opted_out" | "none";
                                        /** @description The ledger record that set this state */
                                        record_id?: string | null;
                                        /** Format: date-time */
                                        recorded_at?: string | null;
                                    };
                                    utility?: {
                                        /** @enum {string} */
                                        state?: "opted_in" | "opted_out" | "none";
                                        /** @description The ledger record that set this state */
                                        record_id?: string | null;
                                        /** Format: date-time */
                                        recorded_at?: string | null;
                                    };
                                    authentication?: {
                                        /** @enum {string} */
                                        state?: "opted_in" | "opted_out" | "none";
                                        /** @description The ledger record that set this state */
                                        record_id?: string | null;
                                        /** Format: date-time */
                                        recorded_at?: string | null;
                                    };
                                };
                                /** Format: date-time */
                                last_inbound_at?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record consent for up to 1,000 contacts at once
         * @description Appends opt-ins and opt-outs to the consent ledger, naming each contact by `contact_id` or by `phone` (a contact is created for a new number). Every record is checked first; none is written unless all pass. Records cannot be edited or deleted: a correction is a new record.
         *
         *     Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `contacts:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        records: {
                            contact_id?: string;
                            phone?: string;
                            /**
                             * @description `all` opts in or out of every purpose at once
                             * @enum {string}
                             */
                            purpose: "marketing" | "utility" | "authentication" | "all";
                            /** @enum {string} */
                            state: "opted_in" | "opted_out";
                            /** @enum {string} */
                            source: "web_form" | "keyword" | "import" | "api" | "click_to_whatsapp" | "agent";
                            /** @description For an opt-in to a shown text (web_form, api, agent, import): `text` is required and must name the business and WhatsApp */
                            proof?: {
                                text?: string;
                                url?: string;
                                ip?: string;
                                user_agent?: string;
                                wamid?: string;
                                message_id?: string;
                                import_file?: string;
                                import_row?: number;
                                note?: string;
                            };
                            /**
                             * Format: date-time
                             * @description When the customer gave it, if earlier than now
                             */
                            captured_at?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                /** @description Position in the organization's ledger */
                                seq?: string;
                                contact_id?: string;
                                /** @enum {string} */
                                purpose?: "marketing" | "utility" | "authentication" | "all";
                                /** @enum {string} */
                                state?: "opted_in" | "opted_out" | "erased";
                                source?: string;
                                proof?: {
                                    [key: string]: unknown;
                                };
                                actor?: string;
                                /** Format: date-time */
                                recorded_at?: string;
                                prev_hash?: string;
                                /** @description SHA-256 over the previous hash and this record (proof by digest) */
                                hash?: string;
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A contact's current consent per purpose and its full history, newest first
         * @description Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    before_seq?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The consent that governs each purpose now: the latest record for the purpose or for `all` */
                            current?: {
                                marketing?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                                utility?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                                authentication?: {
                                    /** @enum {string} */
                                    state?: "opted_in" | "opted_out" | "none";
                                    record_id?: string | null;
                                    /** Format: date-time */
                                    recorded_at?: string | null;
                                };
                            };
                            history?: {
                                id?: string;
                                /** @description Position in the organization's ledger */
                                seq?: string;
                                contact_id?: string;
                                /** @enum {string} */
                                purpose?: "marketing" | "utility" | "authentication" | "all";
                                /** @enum {string} */
                                state?: "opted_in" | "opted_out" | "erased";
                                source?: string;
                                proof?: {
                                    [key: string]: unknown;
                                };
                                actor?: string;
                                /** Format: date-time */
                                recorded_at?: string;
                                prev_hash?: string;
                                /** @description SHA-256 over the previous hash and this record (proof by digest) */
                                hash?: string;
                            }[];
                            next_before_seq?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Record a contact's opt-in or opt-out
         * @description Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `contacts:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description `all` opts in or out of every purpose at once
                         * @enum {string}
                         */
                        purpose: "marketing" | "utility" | "authentication" | "all";
                        /** @enum {string} */
                        state: "opted_in" | "opted_out";
                        /** @enum {string} */
                        source: "web_form" | "keyword" | "import" | "api" | "click_to_whatsapp" | "agent";
                        /** @description For an opt-in to a shown text (web_form, api, agent, import): `text` is required and must name the business and WhatsApp */
                        proof?: {
                            text?: string;
                            url?: string;
                            ip?: string;
                            user_agent?: string;
                            wamid?: string;
                            message_id?: string;
                            import_file?: string;
                            import_row?: number;
                            note?: string;
                        };
                        /**
                         * Format: date-time
                         * @description When the customer gave it, if earlier than now
                         */
                        captured_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @description Position in the organization's ledger */
                            seq?: string;
                            contact_id?: string;
                            /** @enum {string} */
                            purpose?: "marketing" | "utility" | "authentication" | "all";
                            /** @enum {string} */
                            state?: "opted_in" | "opted_out" | "erased";
                            source?: string;
                            proof?: {
                                [key: string]: unknown;
                            };
                            actor?: string;
                            /** Format: date-time */
                            recorded_at?: string;
                            prev_hash?: string;
                            /** @description SHA-256 over the previous hash and this record (proof by digest) */
                            hash?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consents/double-opt-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask a number to confirm an opt-in (double opt-in)
         * @description For an opt-in given where the number's owner was not proven (a form on your own site, a call): sends the confirmation template of the consent settings and keeps the opt-in pending. It counts — an `opted_in` record with this proof, source `double_opt_in` — only once the customer answers it (a confirming quick reply or the opt-in keyword) within 24 hours. A number with an open request gets no second template.
         *
         *     Send `Idempotency-Key` (1–255 printable characters, e.g. a UUID) to make retries safe: the same key and body within the retention window replay the first response (marked `Idempotent-Replayed: true`); the same key with a different body answers 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use` with `Retry-After`.
         *
         *     Requires scope `contacts:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry of this request safe (see above). */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phone: string;
                        /**
                         * @description `all` opts in or out of every purpose at once
                         * @enum {string}
                         */
                        purpose: "marketing" | "utility" | "authentication" | "all";
                        /** @enum {string} */
                        source: "web_form" | "keyword" | "import" | "api" | "click_to_whatsapp" | "agent";
                        /** @description For an opt-in to a shown text (web_form, api, agent, import): `text` is required and must name the business and WhatsApp */
                        proof: {
                            text?: string;
                            url?: string;
                            ip?: string;
                            user_agent?: string;
                            wamid?: string;
                            message_id?: string;
                            import_file?: string;
                            import_row?: number;
                            note?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pending_opt_in_id?: string;
                            message_id?: string | null;
                            reused?: boolean;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consents/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prove the consent ledger untouched
         * @description Recomputes every link of the organization's hash chain from the first record: each record against its hash, each link against the record before, the sequence without gaps, each proof against its digest, and the head. `broken` names the first record that does not hold. Keep the returned head hash: a later verification whose chain no longer passes through it shows a rewrite.
         *
         *     Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok?: boolean;
                            records?: number;
                            head?: {
                                seq?: string;
                                hash?: string;
                            };
                            broken?: {
                                seq?: string;
                                id?: string | null;
                                reason?: string;
                            } | null;
                            /** Format: date-time */
                            verified_at?: string;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export all data held about one contact (JSON)
         * @description The contact, its consent records with their proof, its messages with their status history, and its customer-service windows: what a data-subject access request needs.
         *
         *     Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contact imports, newest first
         * @description Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                /** @enum {string} */
                                status?: "queued" | "processing" | "completed" | "failed";
                                filename?: string | null;
                                size_bytes?: number;
                                progress?: {
                                    /** @description Share of the file's bytes committed */
                                    percent?: number;
                                    /** @description Data rows read and committed (the header is not counted) */
                                    rows_read?: number;
                                    /** @description Contacts created */
                                    created?: number;
                                    /** @description Existing contacts the import updated (also a number repeated in a later batch of the file) */
                                    updated?: number;
                                    /** @description Rows refused: see rejections_url */
                                    rejected?: number;
                                    /** @description Rows superseded by a later row with the same number (the last row wins) */
                                    duplicates?: number;
                                    /** @description Consent records appended to the ledger */
                                    consents_recorded?: number;
                                };
                                columns?: string[] | null;
                                mapping?: {
                                    [key: string]: unknown;
                                } | null;
                                consent?: {
                                    [key: string]: unknown;
                                } | null;
                                error?: {
                                    message?: string;
                                    row?: number;
                                } | null;
                                rejections_url?: string;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                started_at?: string | null;
                                /** Format: date-time */
                                finished_at?: string | null;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Import contacts (and their consent) from a CSV file
         * @description multipart/form-data with
         *     - `mapping` (JSON, before the file is best: it is then checked as soon as the header arrives): which column holds what, by header name —
         *       `{"phone":"Phone","name":"Name","language":"Lang","time_zone":"TZ","tags":"Tags","attributes":{"city":"City"},"add_tags":["fair-2025"],"default_country":"IN","delimiter":","}`.
         *       Only `phone` is required; `"attributes.city":"City"` works too. Attributes must be defined first, and cells must fit their type.
         *     - `consent` (JSON, optional): `{"purpose":"marketing","state":{"column":"Consent"}|{"value":"opted_in"},"text":{"column":"…"}|{"value":"…"},"url":{…},"captured_at":{"column":"…"},"ip":{"column":"…"},"source":{"value":"web form"}}`.
         *       The text an opt-in agreed to must name WhatsApp and the business. Each row's record carries the import id, file and row as proof.
         *     - `file`: the CSV, UTF-8 (a byte-order mark is fine), with a header row.
         *
         *     The file is stored and processed by the workers in batches; follow `GET /v1/contacts/imports/{id}`. Numbers are normalized
         *     to E.164 and deduplicated: in the file the last row of a number wins; an existing contact gets the mapped fields the row fills
         *     (tags are added, attributes merged). Rows that cannot be imported are listed, with why, at `rejections_url`.
         *     An import never opts a contact back in after they opted out.
         *
         *     Requires scope `contacts:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description Which column holds what, as JSON (see the description); best before the file */
                        mapping: string;
                        /** @description How each row's consent is read, as JSON (see the description); optional */
                        consent?: string;
                        /**
                         * Format: binary
                         * @description The CSV file; the last part
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            status?: "queued" | "processing" | "completed" | "failed";
                            filename?: string | null;
                            size_bytes?: number;
                            progress?: {
                                /** @description Share of the file's bytes committed */
                                percent?: number;
                                /** @description Data rows read and committed (the header is not counted) */
                                rows_read?: number;
                                /** @description Contacts created */
                                created?: number;
                                /** @description Existing contacts the import updated (also a number repeated in a later batch of the file) */
                                updated?: number;
                                /** @description Rows refused: see rejections_url */
                                rejected?: number;
                                /** @description Rows superseded by a later row with the same number (the last row wins) */
                                duplicates?: number;
                                /** @description Consent records appended to the ledger */
                                consents_recorded?: number;
                            };
                            columns?: string[] | null;
                            mapping?: {
                                [key: string]: unknown;
                            } | null;
                            consent?: {
                                [key: string]: unknown;
                            } | null;
                            error?: {
                                message?: string;
                                row?: number;
                            } | null;
                            rejections_url?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            started_at?: string | null;
                            /** Format: date-time */
                            finished_at?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Error */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import and its progress
         * @description Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            /** @enum {string} */
                            status?: "queued" | "processing" | "completed" | "failed";
                            filename?: string | null;
                            size_bytes?: number;
                            progress?: {
                                /** @description Share of the file's bytes committed */
                                percent?: number;
                                /** @description Data rows read and committed (the header is not counted) */
                                rows_read?: number;
                                /** @description Contacts created */
                                created?: number;
                                /** @description Existing contacts the import updated (also a number repeated in a later batch of the file) */
                                updated?: number;
                                /** @description Rows refused: see rejections_url */
                                rejected?: number;
                                /** @description Rows superseded by a later row with the same number (the last row wins) */
                                duplicates?: number;
                                /** @description Consent records appended to the ledger */
                                consents_recorded?: number;
                            };
                            columns?: string[] | null;
                            mapping?: {
                                [key: string]: unknown;
                            } | null;
                            consent?: {
                                [key: string]: unknown;
                            } | null;
                            error?: {
                                message?: string;
                                row?: number;
                            } | null;
                            rejections_url?: string;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            started_at?: string | null;
                            /** Format: date-time */
                            finished_at?: string | null;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/imports/{id}/rejections.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rows an import refused, as CSV
         * @description Columns: `row` (the header is row 1), `reason`, then the file's own columns with the row's original cells. Cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) are prefixed with a single quote.
         *
         *     Requires scope `contacts:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Acceptable Use Policy in force, the versions to come, and this organization's acceptance
         * @description Open to a suspended organization too: it can read the policy it is held to.
         *
         *     Requires scope `authenticated`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            in_force?: {
                                version?: number;
                                title?: string;
                                summary?: string;
                                /** Format: date-time */
                                effective_at?: string;
                                /** Format: date-time */
                                published_at?: string;
                                url?: string;
                                document?: {
                                    [key: string]: unknown;
                                };
                            };
                            upcoming?: {
                                version?: number;
                                title?: string;
                                summary?: string;
                                /** Format: date-time */
                                effective_at?: string;
                                /** Format: date-time */
                                published_at?: string;
                                url?: string;
                                changes?: {
                                    [key: string]: unknown;
                                }[];
                            }[];
                            acceptances?: {
                                version?: number;
                                /** Format: date-time */
                                accepted_at?: string;
                                /** @enum {string} */
                                method?: "explicit" | "continued_use";
                                actor?: string;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/enforcement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which checks enforce each clause of the policy
         * @description Each clause id with the checks behind it: what they do (prevent, detect, record), the error code a refusal carries, the code and the tests. `planned` checks name the work that will bring them.
         *
         *     Requires scope `authenticated`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version?: number;
                            clauses?: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compliance/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Screen a text or a message body without sending it
         * @description The verdict the send path would give — allow, hold for review, or block — with the rules that matched. For the composer, for checking a campaign before it goes, and for tests.
         *
         *     Requires scope `messages:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text?: string;
                        /** @description A message object as POST /v1/messages takes it, or a template definition */
                        message?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            decision?: "allow" | "hold" | "block";
                            score?: number;
                            rules?: {
                                id?: string;
                                clause?: string;
                                weight?: number;
                                evidence?: string;
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compliance/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages content screening held for review, newest first
         * @description Requires scope `messages:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                to?: string;
                                type?: string;
                                content?: {
                                    [key: string]: unknown;
                                };
                                rendered_text?: string | null;
                                screening?: {
                                    [key: string]: unknown;
                                } | null;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compliance/held/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a held message: it is queued and sent
         * @description Needs the `compliance:review` scope, which keys do not get unless it is named when they are created.
         *
         *     Requires scope `compliance:review`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            status?: string;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compliance/held/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a held message: it fails and is never sent
         * @description Requires scope `compliance:review`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            status?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/compliance/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's screening lists
         * @description Requires scope `messages:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allow?: string[];
                            deny?: string[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /**
         * Replace the organization's screening lists
         * @description Registrable domains (shop.example, not www.shop.example). Links to an allowed domain are not scored; a denied domain blocks. The platform's own deny list wins over an organization's allow.
         *
         *     Requires scope `compliance:review`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allow: string[];
                        deny: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allow?: string[];
                            deny?: string[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's audit log, newest first
         * @description Who changed what: keys, members, policy acceptance, consent recorded through the API, erasures, templates, webhook endpoints, enforcement and cases. Filter by `action` (exact, or a family such as `template.*`), `actor` and time. Actions: `organization.created`, `user.added`, `operator.created`, `api_key.created`, `api_key.revoked`, `api_key.allow_list_changed`, `policy.accepted`, `policy.published`, `consent.recorded`, `contact.erased`, `template.created`, `template.submitted`, `template.edited`, `template.edit_refused`, `template.deleted`, `webhook_endpoint.created`, `webhook_endpoint.secret_rotated`, `webhook_endpoint.deleted`, `enforcement.warned`, `enforcement.restricted`, `enforcement.suspended`, `enforcement.reinstated`, `enforcement.terminated`, `enforcement.appealed`, `enforcement.appeal_decided`, `report.received`, `report.outcome_recorded`, `case.opened`, `case.report_added`, `case.assigned`, `case.note_added`, `case.action_taken`, `case.resolved`, `case.evidence_exported`, `operator.accessed_tenant_data`, `session.signed_in`, `session.sign_in_failed`, `session.signed_out`, `session.organization_switched`.
         *
         *     Requires scope `audit:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    action?: string;
                    actor?: string;
                    since?: string;
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                /** @description Position in the organization's audit chain */
                                seq?: string;
                                action?: string;
                                /** @description `api_key:<id>`, `user:<id>`, `operator:<id>`, `system:<what>` or `cli` */
                                actor?: string;
                                subject?: string | null;
                                detail?: {
                                    [key: string]: unknown;
                                };
                                /** @description SHA-256 of the canonical detail, which the hash covers */
                                detail_digest?: string;
                                request_id?: string | null;
                                /** Format: date-time */
                                recorded_at?: string;
                                prev_hash?: string;
                                hash?: string;
                            }[];
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prove the audit log untouched
         * @description Recomputes every link of the organization's audit chain from the first entry: the sequence without gaps, each link, each entry against its hash, each detail against its digest, and the head. `broken` names the first entry that does not hold. Keep the returned `head` elsewhere; pass it back as `seq` and `hash` to also prove the chain still passes through it (a rewrite of the chain and its head shows then).
         *
         *     Requires scope `audit:read`.
         */
        get: {
            parameters: {
                query?: {
                    seq?: string;
                    hash?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok?: boolean;
                            entries?: number;
                            head?: {
                                seq?: string;
                                hash?: string;
                            };
                            broken?: {
                                seq?: string;
                                reason?: string;
                            } | null;
                            /** Format: date-time */
                            verified_at?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A proof-of-work challenge for one report
         * @description Find a decimal `counter` such that sha256(challenge + counter), as bytes, starts with `difficulty_bits` zero bits (18 now: about 262144 hashes), then send both with the report as `pow_challenge` and `pow_counter`. A challenge is good for one report, until it expires.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            challenge?: string;
                            difficulty_bits?: number;
                            /** Format: date-time */
                            expires_at?: string;
                            algorithm?: string;
                        };
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a violation of the Acceptable Use Policy (public, no API key)
         * @description JSON, or multipart/form-data when attaching evidence (files in `evidence` parts; base64 in JSON is not taken).
         *
         *     Fields: `reporter_email` and/or `reporter_phone` (E.164); `reported_business` and/or `reported_phone` (the WhatsApp number that wrote to you, with its country code);
         *
         *     `category` (spam, illegal, whatsapp_policy, security, intellectual_property, resource_misuse, other: AUP 3.1 to 3.6, or other); `description`; `pow_challenge` and `pow_counter` (GET /v1/reports/challenge).
         *
         *     Evidence: up to 5 files of 5 MB, PNG/JPEG/WebP screenshots or text/PDF logs, typed from their bytes.
         *
         *     At most 10 submissions per source address per hour (429 with Retry-After). The reported business never learns who reported it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description RPT-XXXX-XXXX-XXXX-XXXX: keep it private, it opens the status page */
                            reference?: string;
                            /** @enum {string} */
                            status?: "received";
                            /** @enum {string} */
                            category?: "spam" | "illegal" | "whatsapp_policy" | "security" | "intellectual_property" | "resource_misuse" | "other";
                            clause?: string;
                            status_url?: string;
                            /** Format: date-time */
                            created_at?: string;
                            evidence?: {
                                filename?: string | null;
                                mime_type?: string;
                                size_bytes?: number;
                                sha256?: string;
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Error */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Understood but refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public report form (HTML) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Submit the report form (multipart/form-data, HTML answer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report's status page (HTML), opened with its reference */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case queue, most urgent first
         * @description Priority comes from the clause of the report (3.2 and 3.4 first) and the organization's standing now. `assignee`: an operator id, `me`, or `none`.
         *
         *     Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "resolved" | "all";
                    priority?: "urgent" | "high" | "normal" | "low";
                    assignee?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Most urgent first, then oldest first */
                            data: {
                                id: string;
                                /** @enum {string} */
                                status: "open" | "resolved";
                                /**
                                 * @description From the clause and the organization's standing now
                                 * @enum {string}
                                 */
                                priority: "urgent" | "high" | "normal" | "low";
                                /** @description The weightiest clause of its reports */
                                clause: string;
                                category: string;
                                /** @description The investigated organization; null when the report names no customer */
                                organization: {
                                    id: string;
                                    name: string;
                                    /** @enum {string} */
                                    standing: "good" | "warned" | "restricted" | "suspended" | "terminated";
                                } | null;
                                report_ids: string[];
                                /** @description The operator's user id */
                                assignee: string | null;
                                outcome: string | null;
                                confirmed: boolean | null;
                                resolved_by: string | null;
                                /** Format: date-time */
                                resolved_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A case, its reports and its timeline
         * @description Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "open" | "resolved";
                            /**
                             * @description From the clause and the organization's standing now
                             * @enum {string}
                             */
                            priority: "urgent" | "high" | "normal" | "low";
                            /** @description The weightiest clause of its reports */
                            clause: string;
                            category: string;
                            /** @description The investigated organization; null when the report names no customer */
                            organization: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                standing: "good" | "warned" | "restricted" | "suspended" | "terminated";
                            } | null;
                            report_ids: string[];
                            /** @description The operator's user id */
                            assignee: string | null;
                            outcome: string | null;
                            confirmed: boolean | null;
                            resolved_by: string | null;
                            /** Format: date-time */
                            resolved_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @description The timeline, oldest first */
                            events: {
                                id: string;
                                /** @enum {string} */
                                kind: "opened" | "report_added" | "assigned" | "note" | "action" | "resolved" | "evidence_exported";
                                actor: string;
                                detail: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/cases/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign the case to an operator (id, email, or "me")
         * @description Operators only (Xpecto's trust and safety).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assignee: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The operator's user id */
                            assignee: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/cases/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a note to the case
         * @description Operators only (Xpecto's trust and safety).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/cases/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's messages relevant to the case (audited in its chain)
         * @description Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Newest first */
                            data: {
                                id: string;
                                /** @enum {string} */
                                direction: "outbound" | "inbound";
                                counterpart: string;
                                contact_id: string;
                                type: string;
                                content: {
                                    [key: string]: unknown;
                                };
                                rendered_text: string | null;
                                template_id: string | null;
                                status: string;
                                error: {
                                    [key: string]: unknown;
                                } | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/cases/{id}/consent-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The consent records of the contacts in those messages (audited in its chain)
         * @description Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description In ledger order */
                            data: {
                                /** @description Position in the organization's ledger */
                                seq: string;
                                id: string;
                                contact_id: string;
                                /** @enum {string} */
                                purpose: "marketing" | "utility" | "authentication" | "all";
                                /** @enum {string} */
                                state: "opted_in" | "opted_out" | "erased";
                                source: string;
                                proof: {
                                    [key: string]: unknown;
                                };
                                actor: string;
                                /** Format: date-time */
                                recorded_at: string;
                                prev_hash: string;
                                hash: string;
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/cases/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take an enforcement step from the case (any rung of the ladder)
         * @description Operators only (Xpecto's trust and safety).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        state: "good" | "warned" | "restricted" | "suspended" | "terminated";
                        reason: string;
                        clause: string;
                        /**
                         * Format: date-time
                         * @description A suspension's end
                         */
                        until?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            change_id: string;
                            /** @enum {string} */
                            from: "good" | "warned" | "restricted" | "suspended" | "terminated";
                            /** @enum {string} */
                            to: "good" | "warned" | "restricted" | "suspended" | "terminated";
                            clause: string;
                            /**
                             * Format: date-time
                             * @description A suspension's end
                             */
                            until: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/cases/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve the case; its open reports get the outcome and their reporters are written to
         * @description Operators only (Xpecto's trust and safety).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        outcome: string;
                        /** @description The violation is real: it counts in the organization's standing */
                        confirmed: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            outcome: string;
                            confirmed: boolean;
                            /** @description The reports this resolution closed (their reporters were written to) */
                            reports_closed: string[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/cases/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The evidence bundle: a tar with MANIFEST.sha256 over every file (audited)
         * @description Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A tar: case.json, the reports and attachments, messages, consent records, audit entries, MANIFEST.sha256 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's API keys, newest first
         * @description Requires scope `api_keys:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                name?: string;
                                /** @enum {string} */
                                mode?: "live" | "test";
                                /** @description The key's mode and last four characters; the key itself is never shown again */
                                hint?: string;
                                scopes?: string[];
                                /** @description Source networks the key may be used from; null: any */
                                allowed_cidrs?: string[] | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                revoked_at?: string | null;
                                /** Format: date-time */
                                last_used_at?: string | null;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key; its secret is shown once
         * @description A key can only give what it holds: naming a scope the calling key lacks answers `403 insufficient_scope` (`details.not_held`) and creates nothing. Without `scopes`, the new key gets the default scopes (every scope but `compliance:review` and `api_keys:write`) that the calling key holds. The secret is in this response only; GET /v1/api-keys shows its hint. The creation is in the audit log.
         *
         *     Requires scope `api_keys:write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the key is for, e.g. "CRM sync" */
                        name: string;
                        /** @enum {string} */
                        mode: "live" | "test";
                        scopes?: ("messages:write" | "messages:read" | "templates:write" | "templates:read" | "contacts:write" | "contacts:read" | "phone_numbers:write" | "phone_numbers:read" | "webhooks:write" | "webhooks:read" | "audit:read" | "compliance:review" | "api_keys:read" | "api_keys:write")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** @enum {string} */
                            mode?: "live" | "test";
                            /** @description The key's mode and last four characters; the key itself is never shown again */
                            hint?: string;
                            scopes?: string[];
                            /** @description Source networks the key may be used from; null: any */
                            allowed_cidrs?: string[] | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            revoked_at?: string | null;
                            /** Format: date-time */
                            last_used_at?: string | null;
                            /** @description The key itself (`xp_live_…` / `xp_test_…`). Shown in this response only: only its hash is stored */
                            secret?: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description The key is refused (401) from its next request, in every API process. Revoking a revoked key keeps its first revocation time and answers the same. The revocation is in the audit log.
         *
         *     Requires scope `api_keys:write`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** @enum {string} */
                            mode?: "live" | "test";
                            /** @description The key's mode and last four characters; the key itself is never shown again */
                            hint?: string;
                            scopes?: string[];
                            /** @description Source networks the key may be used from; null: any */
                            allowed_cidrs?: string[] | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            revoked_at?: string | null;
                            /** Format: date-time */
                            last_used_at?: string | null;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Set or clear a key's IP allow-list
         * @description Requests with the key from outside these CIDRs are refused with `403 ip_not_allowed`. `null` or `[]`: any source. Applies within milliseconds in every API process. The scope is never given by default, so a leaked key cannot change its own list.
         *
         *     Requires scope `api_keys:write`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowed_cidrs: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            name?: string;
                            /** @enum {string} */
                            mode?: "live" | "test";
                            /** @description The key's mode and last four characters; the key itself is never shown again */
                            hint?: string;
                            scopes?: string[];
                            /** @description Source networks the key may be used from; null: any */
                            allowed_cidrs?: string[] | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            revoked_at?: string | null;
                            /** Format: date-time */
                            last_used_at?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/api-keys/{id}/networks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a key was used from, most recent first (30 days)
         * @description The networks (IPv4 /24, IPv6 /48) each key was used from, what credential-sharing detection reads (AUP 3.6).
         *
         *     Requires scope `api_keys:read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                /** @description IPv4 /24 or IPv6 /48 */
                                network?: string;
                                /** @description ISO 3166-1 alpha-2, when the platform has a country mapping */
                                country?: string | null;
                                /** Format: date-time */
                                first_seen_at?: string;
                                /** Format: date-time */
                                last_seen_at?: string;
                                requests?: number;
                                /** @description Attempts after the key was revoked */
                                revoked_requests?: number;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/standing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's standing: state, signals, thresholds, history
         * @description Signals over the rolling window (rates count from the minimum volume), each with its AUP clause, warn and action levels, and what to do. The risk score is 50 × Σ min(value ÷ action level, 1): warned from a third of one action level, restricted (marketing paused) from one signal at its action level, suspended from two.
         *
         *     Requires scope `authenticated`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            state?: "good" | "warned" | "restricted" | "suspended" | "terminated";
                            /** Format: date-time */
                            since?: string | null;
                            /** Format: date-time */
                            until?: string | null;
                            clause?: string | null;
                            risk_score?: number;
                            score_bands?: {
                                warned?: number;
                                restricted?: number;
                                suspended?: number;
                            };
                            window?: {
                                seconds?: number;
                                /** Format: date-time */
                                since?: string;
                                min_volume?: number;
                            };
                            signals?: {
                                id?: string;
                                /** @description The AUP clause the signal measures */
                                clause?: string;
                                /** @enum {string} */
                                unit?: "rate" | "ratio" | "count";
                                value?: number;
                                /** @description What the rate is taken over (messages or attempts); for a count, the count */
                                volume?: number;
                                /** @description false while a rate is below the minimum volume */
                                counts?: boolean;
                                /** @enum {string} */
                                level?: "ok" | "warn" | "action";
                                warn?: number;
                                action?: number;
                                /** @description This signal's part of the risk score */
                                score?: number;
                                description?: string;
                                what_to_do?: string;
                            }[];
                            what_to_do?: string[];
                            history?: {
                                id?: string;
                                from?: string;
                                to?: string;
                                clause?: string;
                                reason?: string;
                                actor?: string;
                                risk_score?: number | null;
                                /** Format: date-time */
                                until?: string | null;
                                evidence?: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                at?: string;
                            }[];
                            appeals?: {
                                id?: string;
                                change_id?: string;
                                message?: string;
                                /** @enum {string} */
                                status?: "pending" | "upheld" | "overturned";
                                decision_reason?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                decided_at?: string | null;
                            }[];
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Appeal an enforcement step
         * @description Appeals the latest step (or `change_id`) with a message; an operator decides, and the decision shows in the standing's `appeals`. A suspended organization's keys may still call this (and read the standing), nothing else.
         *
         *     Requires scope `authenticated`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                        change_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id?: string;
                            change_id?: string;
                            message?: string;
                            /** @enum {string} */
                            status?: "pending" | "upheld" | "overturned";
                            decision_reason?: string | null;
                            /** Format: date-time */
                            created_at?: string;
                            /** Format: date-time */
                            decided_at?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Today's message counts, a per-day series, and each phone number's quality, tier and throughput
         * @description Counts messages by the day they were created, in the time zone `tz`. Outbound counts are by how far each message got: a read message counts as sent, delivered and read.
         *
         *     Requires scope `messages:read`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description How many days, today included */
                    days?: number;
                    /** @description IANA time zone, e.g. "Europe/Berlin" */
                    tz?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            time_zone: string;
                            /** Format: date-time */
                            generated_at: string;
                            today: {
                                /**
                                 * Format: date
                                 * @description The local calendar day
                                 */
                                date: string;
                                /** @description Outbound messages that reached WhatsApp (sent, delivered or read) */
                                sent: number;
                                /** @description Outbound messages delivered to the phone (delivered or read) */
                                delivered: number;
                                /** @description Outbound messages the customer read */
                                read: number;
                                /** @description Outbound messages that failed */
                                failed: number;
                                /** @description Messages customers sent */
                                replied: number;
                            };
                            /** @description One entry per day, oldest first, ending with today; days without messages are zeros */
                            series: {
                                /**
                                 * Format: date
                                 * @description The local calendar day
                                 */
                                date: string;
                                /** @description Outbound messages that reached WhatsApp (sent, delivered or read) */
                                sent: number;
                                /** @description Outbound messages delivered to the phone (delivered or read) */
                                delivered: number;
                                /** @description Outbound messages the customer read */
                                read: number;
                                /** @description Outbound messages that failed */
                                failed: number;
                                /** @description Messages customers sent */
                                replied: number;
                            }[];
                            phone_numbers: {
                                id?: string;
                                display_phone_number?: string;
                                verified_name?: string | null;
                                /** @description GREEN, YELLOW, RED or UNKNOWN, as last reported by Meta */
                                quality_rating?: string | null;
                                /** @description e.g. TIER_2K */
                                messaging_limit_tier?: string | null;
                                /** @description STANDARD or HIGH */
                                throughput_level?: string | null;
                                /** @description The rate Xpecto sends at from this number, in messages per second */
                                send_rate_mps?: number;
                                status?: string | null;
                                /**
                                 * Format: date-time
                                 * @description Set while sending from the number is paused (GET /v1/phone-numbers/{id} says why)
                                 */
                                paused_at?: string | null;
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Conversations: one per contact with messages, the latest message first
         * @description Each with its last message, the customer messages waiting for an answer, and the 24-hour customer-service window.
         *
         *     Requires scope `messages:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                contact?: {
                                    id?: string;
                                    phone?: string;
                                    name?: string | null;
                                };
                                last_message?: {
                                    id?: string;
                                    /** @enum {string} */
                                    direction?: "outbound" | "inbound";
                                    type?: string;
                                    /** @description One line of what it says (at most 160 characters), or its type in brackets, e.g. "[sticker]" */
                                    text?: string;
                                    status?: string;
                                    /** @description The business number (pn_…) it was sent from or to */
                                    phone_number_id?: string;
                                    /** Format: date-time */
                                    at?: string;
                                };
                                /** @description Customer messages since the business last wrote to this contact (reading is not recorded, so this stands in for unread) */
                                unanswered_count?: number;
                                /**
                                 * Format: date-time
                                 * @description When the customer last wrote, to any of the organization's numbers
                                 */
                                last_inbound_at?: string | null;
                                /**
                                 * Format: date-time
                                 * @description When the 24-hour customer-service window of that last message ends (past when closed); null: the customer never wrote
                                 */
                                window_expires_at?: string | null;
                                /** @description Whether anything but a template can be sent now, from window_phone_number_id */
                                window_open?: boolean;
                                /** @description The number (pn_…) the customer last wrote to: the window is per number */
                                window_phone_number_id?: string | null;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last */
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{contact_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A contact's messages, newest first
         * @description Both directions, each with its status and, when it failed, why in plain words. Pages go back in time: show them in reverse for a chat.
         *
         *     Requires scope `messages:read`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    contact_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data?: {
                                id?: string;
                                /** @enum {string} */
                                direction?: "outbound" | "inbound";
                                type?: string;
                                /** @description Its words: the text, a template as the customer read it, a caption, the button picked; null when it has none */
                                text?: string | null;
                                content?: {
                                    [key: string]: unknown;
                                };
                                rendered_text?: string | null;
                                /** @description accepted → queued → sent → delivered → read, or held / failed (outbound); received (inbound) */
                                status?: string;
                                phone_number_id?: string;
                                error?: {
                                    code?: number;
                                    title?: string;
                                    message?: string;
                                    details?: string;
                                    reason?: string;
                                } | null;
                                /** @description Why it failed, in one plain sentence; null unless failed */
                                failure_reason?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                                /** Format: date-time */
                                updated_at?: string;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last */
                            next_cursor?: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description The key lacks the needed scope, or the organization is suspended */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The operator audit chain, newest first
         * @description Filter by `action` (exact, or a family such as `enforcement.*`) and `actor`. Actions: `organization.created`, `user.added`, `operator.created`, `api_key.created`, `api_key.revoked`, `api_key.allow_list_changed`, `policy.accepted`, `policy.published`, `consent.recorded`, `contact.erased`, `template.created`, `template.submitted`, `template.edited`, `template.edit_refused`, `template.deleted`, `webhook_endpoint.created`, `webhook_endpoint.secret_rotated`, `webhook_endpoint.deleted`, `enforcement.warned`, `enforcement.restricted`, `enforcement.suspended`, `enforcement.reinstated`, `enforcement.terminated`, `enforcement.appealed`, `enforcement.appeal_decided`, `report.received`, `report.outcome_recorded`, `case.opened`, `case.report_added`, `case.assigned`, `case.note_added`, `case.action_taken`, `case.resolved`, `case.evidence_exported`, `operator.accessed_tenant_data`, `session.signed_in`, `session.sign_in_failed`, `session.signed_out`, `session.organization_switched`.
         *
         *     Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    action?: string;
                    actor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                seq: string;
                                org_id: string | null;
                                action: string;
                                /** @description `operator:<user id>`, `system:<what>` or `cli` */
                                actor: string;
                                subject: string | null;
                                detail: {
                                    [key: string]: unknown;
                                };
                                detail_digest?: string;
                                request_id?: string | null;
                                /** Format: date-time */
                                recorded_at: string;
                                prev_hash: string;
                                hash: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prove the operator chain untouched
         * @description Recomputes every link from the first entry (as `GET /v1/audit/verify` does for an organization). Pass a head kept earlier as `seq` and `hash` to prove the chain still passes through it.
         *
         *     Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: {
                    seq?: string;
                    hash?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            entries: number;
                            head: {
                                seq?: string;
                                hash?: string;
                            };
                            broken: {
                                seq?: string;
                                reason?: string;
                            } | null;
                            /** Format: date-time */
                            verified_at: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Organizations with their standing, risk score and flagged signals, newest first
         * @description `q` matches a name or slug (substring) or an id. Each organization's signals are measured when read (one statement each).
         *
         *     Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: {
                    standing?: "good" | "warned" | "restricted" | "suspended" | "terminated";
                    q?: string;
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                slug: string;
                                /** @enum {string} */
                                status: "active" | "suspended" | "terminated";
                                plan: string;
                                /** Format: date-time */
                                created_at: string;
                                standing: {
                                    /** @enum {string} */
                                    state: "good" | "warned" | "restricted" | "suspended" | "terminated";
                                    /** Format: date-time */
                                    since: string | null;
                                    /** Format: date-time */
                                    until: string | null;
                                    clause: string | null;
                                };
                                /** @description 0–100: 50 × Σ min(value ÷ action level, 1) over the signals that count */
                                risk_score: number;
                                /** @description Signals at their warn or action level */
                                signals: {
                                    id: string;
                                    clause: string;
                                    /** @enum {string} */
                                    unit: "rate" | "ratio" | "count";
                                    value: number;
                                    volume: number;
                                    /** @enum {string} */
                                    level: "warn" | "action";
                                    warn: number;
                                    action: number;
                                }[];
                                open_cases: number;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One organization: every signal with its thresholds, enforcement history, pending appeals, phone numbers
         * @description Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            slug: string;
                            /** @enum {string} */
                            status: "active" | "suspended" | "terminated";
                            plan: string;
                            /** Format: date-time */
                            created_at: string;
                            standing: {
                                /** @enum {string} */
                                state: "good" | "warned" | "restricted" | "suspended" | "terminated";
                                /** Format: date-time */
                                since: string | null;
                                /** Format: date-time */
                                until: string | null;
                                clause: string | null;
                            };
                            /** @description 0–100: 50 × Σ min(value ÷ action level, 1) over the signals that count */
                            risk_score: number;
                            /** @description Signals at their warn or action level */
                            signals: {
                                id: string;
                                clause: string;
                                /** @enum {string} */
                                unit: "rate" | "ratio" | "count";
                                value: number;
                                volume: number;
                                /** @enum {string} */
                                level: "warn" | "action";
                                warn: number;
                                action: number;
                            }[];
                            open_cases: number;
                            /** @description Every signal with its value, volume and thresholds */
                            all_signals: {
                                id: string;
                                clause: string;
                                /** @enum {string} */
                                unit: "rate" | "ratio" | "count";
                                value: number;
                                volume: number;
                                /** @description false while a rate is below the minimum volume */
                                counts: boolean;
                                /** @enum {string} */
                                level: "ok" | "warn" | "action";
                                warn: number;
                                action: number;
                                /** @description This signal's part of the risk score */
                                score: number;
                                description?: string;
                                what_to_do?: string;
                            }[];
                            score_bands: {
                                warned?: number;
                                restricted?: number;
                                suspended?: number;
                            };
                            window: {
                                seconds?: number;
                                /** Format: date-time */
                                since?: string;
                                min_volume?: number;
                            };
                            /** @description Enforcement steps, newest first (the last 50) */
                            history: {
                                id: string;
                                from: string;
                                to: string;
                                clause: string;
                                reason: string;
                                actor: string;
                                risk_score?: number | null;
                                /** Format: date-time */
                                until: string | null;
                                evidence?: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                at: string;
                            }[];
                            pending_appeals: {
                                id: string;
                                org_id: string;
                                change_id: string;
                                message: string;
                                /** @enum {string} */
                                status: "pending" | "upheld" | "overturned";
                                actor?: string;
                                decided_by?: string | null;
                                decision_reason?: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                decided_at?: string | null;
                            }[];
                            phone_numbers: {
                                id: string;
                                display_phone_number: string;
                                verified_name?: string | null;
                                waba_id?: string;
                                quality_rating?: string | null;
                                messaging_limit_tier?: string | null;
                                throughput_level?: string | null;
                                status?: string | null;
                                /** Format: date-time */
                                paused_at?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                            open_case_list: {
                                id?: string;
                                clause?: string;
                                category?: string;
                                assignee?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/organizations/{id}/standing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an organization on the enforcement ladder (any rung), with a reason and a clause
         * @description The organization is told (account event, `account.standing` webhook, email) and may appeal. A suspension needs `until`; termination revokes every key and is final (409 afterwards).
         *
         *     Operators only (Xpecto's trust and safety).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        state: "good" | "warned" | "restricted" | "suspended" | "terminated";
                        /** @description Sent to the organization with the notice */
                        reason: string;
                        /** @description A section or clause of the policy in force */
                        clause: string;
                        /**
                         * Format: date-time
                         * @description A suspension's end (required for, and only for, `suspended`)
                         */
                        until?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            change_id: string;
                            org_id: string;
                            from: string;
                            to: string;
                            clause: string;
                            reason: string;
                            actor: string;
                            /** Format: date-time */
                            until: string | null;
                            /** Format: date-time */
                            at: string;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Appeals waiting for a decision, across organizations, oldest first
         * @description Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                org_id: string;
                                change_id: string;
                                message: string;
                                /** @enum {string} */
                                status: "pending" | "upheld" | "overturned";
                                actor?: string;
                                decided_by?: string | null;
                                decision_reason?: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                decided_at?: string | null;
                                organization?: {
                                    id?: string;
                                    name?: string;
                                    slug?: string;
                                    standing?: string;
                                } | null;
                                appealed_change?: {
                                    id?: string;
                                    from?: string;
                                    to?: string;
                                    clause?: string;
                                    reason?: string;
                                    actor?: string;
                                    /** Format: date-time */
                                    at?: string;
                                } | null;
                            }[];
                            /** @description Pending appeals in all; data holds the oldest `limit` */
                            total: number;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/appeals/{org_id}/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an appeal: upheld (nothing moves) or overturned (the organization goes back to where the step found it)
         * @description Operators only (Xpecto's trust and safety).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "upheld" | "overturned";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appeal: {
                                id: string;
                                org_id: string;
                                change_id: string;
                                message: string;
                                /** @enum {string} */
                                status: "pending" | "upheld" | "overturned";
                                actor?: string;
                                decided_by?: string | null;
                                decision_reason?: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                decided_at?: string | null;
                            };
                            standing: {
                                /** @enum {string} */
                                state: "good" | "warned" | "restricted" | "suspended" | "terminated";
                                /** Format: date-time */
                                since: string | null;
                                /** Format: date-time */
                                until: string | null;
                                clause: string | null;
                            };
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Not found (also for another organization's resources) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version of the Acceptable Use Policy with its document, effective date and acceptances
         * @description Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every version, oldest first */
                            data: {
                                version: number;
                                title: string;
                                summary: string;
                                /** Format: date-time */
                                effective_at: string;
                                /** Format: date-time */
                                published_at: string;
                                published_by: string;
                                /** @enum {string} */
                                state: "superseded" | "in_force" | "upcoming";
                                url?: string;
                                /** @description The version's structured text, as published: a starting point for the next one */
                                document: {
                                    title: string;
                                    sections: {
                                        id: string;
                                        title: string;
                                        text?: string[];
                                        items?: string[];
                                        after?: string[];
                                        clauses?: {
                                            id: string;
                                            title: string;
                                            items: string[];
                                        }[];
                                    }[];
                                };
                                acceptances: {
                                    total: number;
                                    explicit: number;
                                    continued_use: number;
                                };
                            }[];
                            /** @description Organizations not terminated: those that can accept */
                            organizations: number;
                        };
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Publish a new version of the policy, effective at a future date
         * @description Every organization is told at once (account event, `policy.updated` webhook, email); continued use after `effective_at` is acceptance (AUP 7). The same as `xpecto policy publish`.
         *
         *     Operators only (Xpecto's trust and safety).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        document: {
                            title: string;
                            sections: {
                                id: string;
                                title: string;
                                text?: string[];
                                items?: string[];
                                after?: string[];
                                clauses?: {
                                    id: string;
                                    title: string;
                                    items: string[];
                                }[];
                            }[];
                        };
                        /** @description What changed, told to every organization */
                        summary: string;
                        /**
                         * Format: date-time
                         * @description In the future, at least POLICY_MIN_NOTICE_HOURS (168 by default) from now
                         */
                        effective_at: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            title: string;
                            summary: string;
                            /** Format: date-time */
                            effective_at: string;
                            /** Format: date-time */
                            published_at: string;
                            published_by: string;
                            /** @enum {string} */
                            state: "superseded" | "in_force" | "upcoming";
                            url?: string;
                            /** @description The version's structured text, as published: a starting point for the next one */
                            document: {
                                title: string;
                                sections: {
                                    id: string;
                                    title: string;
                                    text?: string[];
                                    items?: string[];
                                    after?: string[];
                                    clauses?: {
                                        id: string;
                                        title: string;
                                        items: string[];
                                    }[];
                                }[];
                            };
                            acceptances: {
                                total: number;
                                explicit: number;
                                continued_use: number;
                            };
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Violation reports, newest first, each with the case that investigates it
         * @description Work a report through its case (`/v1/operator/cases/{id}`): notes, actions, resolution and the outcome sent to the reporter. The reporter's contact is in the case's evidence bundle, not here.
         *
         *     Operators only (Xpecto's trust and safety).
         */
        get: {
            parameters: {
                query?: {
                    status?: "received" | "closed" | "all";
                    limit?: number;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id?: string;
                                /** @enum {string} */
                                status?: "received" | "closed";
                                category?: string;
                                clause?: string;
                                organization?: {
                                    id?: string;
                                    name?: string;
                                } | null;
                                /** @description The case investigating the report: GET /v1/operator/cases/{id} */
                                case?: {
                                    id?: string;
                                    status?: string;
                                    url?: string;
                                } | null;
                                reported_business?: string | null;
                                reported_phone?: string | null;
                                description?: string;
                                /** @enum {string} */
                                source?: "form" | "api";
                                evidence_count?: number;
                                outcome?: string | null;
                                outcome_by?: string | null;
                                /** Format: date-time */
                                outcome_at?: string | null;
                                /** Format: date-time */
                                created_at?: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Validation failed; details lists each violation with its path */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Missing, unknown or revoked API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description A request budget is spent (`rate_limited`), or failed authentications blocked this address (`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` (on every response) say what each budget holds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Error */
        "def-0": {
            error: {
                /**
                 * @description Stable machine-readable code: `validation_failed` (400) The request is not valid. · `invalid_idempotency_key` (400) Idempotency-Key must be 1 to 255 printable ASCII characters. · `invalid_phone_number` (400) The phone number is not valid. · `template_parameters_mismatch` (400) The template parameters do not match the template. · `unauthorized` (401) A valid API key is required. · `invalid_credentials` (401) The email or password is not correct. · `invalid_signature` (401) X-Hub-Signature-256 does not match the body. · `insufficient_scope` (403) The API key lacks the scope this action needs. · `csrf_failed` (403) A change made with a dashboard session needs the X-CSRF-Token header: the csrf_token of GET /v1/session. · `account_suspended` (403) This organization is suspended. · `ip_not_allowed` (403) This API key may not be used from this address: it is outside the key's IP allow-list. · `account_restricted` (403) This organization is restricted: its marketing messages are paused until its standing improves (GET /v1/account/standing). · `verification_failed` (403) Verification token not recognised. · `not_found` (404) Not found. · `conflict` (409) The resource already exists. · `contact_already_exists` (409) A contact with this phone number already exists; details.contact_id names it. · `attribute_in_use` (409) Segments filter on this attribute: change or delete them first. · `idempotency_key_in_use` (409) A request with this Idempotency-Key is still being processed; retry shortly. · `payload_too_large` (413) The request body is too large. · `proof_of_work_required` (400) A solved proof-of-work challenge is required: GET /v1/reports/challenge, then send pow_challenge and pow_counter. · `proof_of_work_invalid` (403) The proof of work is not valid: details.reason says why; get a new challenge. · `rate_limited` (429) Too many requests: a request budget is spent; retry after the Retry-After seconds. · `too_many_failed_authentications` (429) Too many failed authentications from this address or for this key prefix: refused until the block ends (Retry-After). · `unsupported_media_type` (415) The content type is not supported. · `file_not_utf8` (415) The file must be UTF-8 text (a UTF-8 byte-order mark is fine). · `file_not_csv` (415) The file is not CSV text. · `idempotency_key_reused` (422) This Idempotency-Key was already used with a different request. · `phone_number_required` (422) Name the sender with "from": this organization has several phone numbers. · `no_phone_number` (422) This organization has no WhatsApp phone number connected yet. · `outside_customer_service_window` (422) More than 24 hours have passed since this customer last wrote: only an approved template can be sent. · `consent_required` (422) The contact has not opted in to messages of this kind: record their consent before sending a template. · `contact_opted_out` (422) The contact opted out of messages of this kind. · `marketing_frequency_cap` (422) This contact has already received the most marketing messages allowed in 24 hours. · `messaging_limit_reached` (422) The business has reached Meta's messaging limit: the most customers it may start conversations with in 24 hours. · `content_blocked` (422) Content screening blocked the message: details lists the rules it matched. · `content_needs_review` (422) Content screening holds this for a reviewer: details lists the rules it matched. · `template_not_approved` (422) No approved template with that name and language. · `template_exists` (409) A template with this name and language already exists on this WhatsApp account. · `template_not_submittable` (409) Only a draft can be submitted; edit a submitted template instead. · `template_not_editable` (409) The template cannot be edited in its current status, or not in this way. · `template_edit_limit_reached` (422) An approved template can be edited once per 24 hours and 10 times per 30 days; details.next_allowed_at says when. · `template_not_deletable` (409) Disabled templates cannot be deleted (Meta's rule). · `template_refused_by_meta` (422) The Cloud API refused the template; details carry Meta's code, subcode and explanation. · `account_required` (422) Name the WhatsApp account with "account_id": this organization has several. · `phone_change_not_allowed` (422) The number of a contact with consent records or messages cannot change: create a new contact for the new number. · `tag_limit_exceeded` (422) A contact would have more tags than allowed; nothing was changed. · `webhook_url_not_allowed` (422) The webhook URL is not allowed: it must be http(s), without credentials, and reach a public address. · `webhook_endpoint_disabled` (409) The webhook endpoint is disabled: enable it before replaying. · `replay_window_exceeded` (422) Only events of the last 30 days can be replayed. · `media_rejected` (422) The Cloud API refused the media. · `media_kind_mismatch` (400) The media is not of the kind the message type needs. · `media_not_allowed` (422) This file is not allowed: executables, scripts, macro-enabled documents and active web content are refused. · `media_type_mismatch` (422) The file's bytes do not match the type it declares (its Content-Type or file name). · `media_malware_detected` (422) The malware scanner found a threat in this file. · `link_not_allowed` (400) The link points to an address that is not allowed. · `whatsapp_credentials_rejected` (422) The Cloud API rejected the credentials. · `upstream_refused` (502) The WhatsApp Cloud API refused the request. · `upstream_unavailable` (502) The WhatsApp Cloud API could not be reached. · `internal_error` (500) Something went wrong on our side. · `service_unavailable` (503) The service is temporarily unavailable. · `scanner_unavailable` (503) The malware scanner cannot be reached, so uploads are refused for now; retry shortly.
                 * @enum {string}
                 */
                code: "validation_failed" | "invalid_idempotency_key" | "invalid_phone_number" | "template_parameters_mismatch" | "unauthorized" | "invalid_credentials" | "invalid_signature" | "insufficient_scope" | "csrf_failed" | "account_suspended" | "ip_not_allowed" | "account_restricted" | "verification_failed" | "not_found" | "conflict" | "contact_already_exists" | "attribute_in_use" | "idempotency_key_in_use" | "payload_too_large" | "proof_of_work_required" | "proof_of_work_invalid" | "rate_limited" | "too_many_failed_authentications" | "unsupported_media_type" | "file_not_utf8" | "file_not_csv" | "idempotency_key_reused" | "phone_number_required" | "no_phone_number" | "outside_customer_service_window" | "consent_required" | "contact_opted_out" | "marketing_frequency_cap" | "messaging_limit_reached" | "content_blocked" | "content_needs_review" | "template_not_approved" | "template_exists" | "template_not_submittable" | "template_not_editable" | "template_edit_limit_reached" | "template_not_deletable" | "template_refused_by_meta" | "account_required" | "phone_change_not_allowed" | "tag_limit_exceeded" | "webhook_url_not_allowed" | "webhook_endpoint_disabled" | "replay_window_exceeded" | "media_rejected" | "media_kind_mismatch" | "media_not_allowed" | "media_type_mismatch" | "media_malware_detected" | "link_not_allowed" | "whatsapp_credentials_rejected" | "upstream_refused" | "upstream_unavailable" | "internal_error" | "service_unavailable" | "scanner_unavailable";
                message: string;
                details?: unknown;
                /** @description The Acceptable Use Policy clause behind a refusal */
                policy_clause?: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
