/**
 * GENERATED from the server's OpenAPI document by `npm run generate:api-types`: do not edit.
 * The server's zod response schemas (server/modules/<m>/, server/http/response-schemas.ts) are
 * the source; web/src/lib/types.ts names the shapes the UI reads.
 */
export interface paths {
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the append-only audit log */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    limit?: number;
                    offset?: number;
                    subject?: string;
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
                            items: components["schemas"]["AuditEntry"][];
                            total: number;
                        };
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
    "/api/audit/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approve / edit / reject rates and outcomes by reason code and angle */
        get: {
            parameters: {
                query?: {
                    since?: string;
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
                        "application/json": components["schemas"]["ReviewDashboard"];
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
    "/api/audit/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log (filtered) as CSV */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    limit?: number;
                    subject?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description id,at,actor,action,subject,details: one row per entry, every cell quoted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
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
                            items: components["schemas"]["Campaign"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Run the production release over a dataset as of a date: selected leads go to their reps' queues, a held-out control group does not */
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
                        /** @description Decide as of this date (default: today); only what was known then counts */
                        as_of?: string;
                        dataset_id: string;
                        /** @description Share of the selected leads kept out of the queues as the control group (default 10) */
                        holdout_pct?: number;
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
                        "application/json": components["schemas"]["CreatedCampaign"];
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
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["Campaign"];
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
    "/api/campaigns/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: `progress` {status, done, total, selected, held_out, queued} until the campaign ends, then `done` with the campaign */
        get: {
            parameters: {
                query?: {
                    access_token?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Server-sent events: `progress` {status, done, total, selected, held_out, queued}, then `done` with the campaign */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
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
    "/api/campaigns/{id}/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The selection as CSV for the CRM: one row per selected lead, treated or held out */
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
                /** @description lead_id,owner,group,decision,priority,reason,value,value_source,p_recovered,expected_value,recommendation_id: one row per selected lead */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/campaigns/{id}/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The selected leads: treated (queued) and held out (control) */
        get: {
            parameters: {
                query?: {
                    group?: "all" | "queued" | "held_out";
                    limit?: number;
                    offset?: number;
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
                            items: components["schemas"]["CampaignLead"][];
                            total: number;
                        };
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
    "/api/campaigns/{id}/recovery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recovery of treated against control, from outcomes recorded on the recommendations and, with later_dataset_id, a later CRM export */
        get: {
            parameters: {
                query?: {
                    later_dataset_id?: string;
                    window_days?: number;
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
                        "application/json": components["schemas"]["CampaignRecovery"];
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
    "/api/campaigns/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the campaign again: leads already decided are not queued twice */
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
                        "application/json": components["schemas"]["Campaign"];
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
    "/api/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                            items: components["schemas"]["Dataset"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a dataset (a named, versioned set of leads with an as_of date) */
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
                        as_of: string;
                        description?: string | null;
                        name: string;
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
                        "application/json": components["schemas"]["Dataset"];
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
    "/api/datasets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["DatasetDetail"];
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
    "/api/datasets/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import leads: application/x-ndjson canonical records, or text/csv with ?mapping=<name>
         * @description The text encoding is detected (UTF-8 with or without BOM, UTF-16, Windows-1252) unless named by ?encoding= or the charset of the Content-Type; the reply says which was used.
         */
        post: {
            parameters: {
                query?: {
                    encoding?: string;
                    mapping?: string;
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
                        "application/json": components["schemas"]["ImportResult"];
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
    "/api/datasets/{id}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a multi-file import (leads + activities / quotes files joined by record id) */
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
                        mapping: string;
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
                            created_at: string;
                            dataset_id: string;
                            expected_files: {
                                /** @enum {string} */
                                kind: "leads" | "activities" | "quotes";
                                name: string;
                            }[];
                            files: {
                                [key: string]: {
                                    encoding: {
                                        /** @enum {string} */
                                        name: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
                                        /** @enum {string} */
                                        source: "requested" | "byte order mark" | "detected";
                                    } | null;
                                    rejected: number;
                                    rows: number;
                                };
                            };
                            id: string;
                            mapping: string;
                            /** @enum {string} */
                            status: "open" | "committed";
                        };
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
    "/api/datasets/{id}/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    label?: string;
                    limit?: number;
                    offset?: number;
                    q?: string;
                    status?: string;
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
                            items: components["schemas"]["LeadRecord"][];
                            total: number;
                        };
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
    "/api/datasets/{id}/leads/{leadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    leadId: string;
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
                        "application/json": components["schemas"]["LeadDetail"];
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
    "/api/evals/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare two runs on the same dataset version: metric deltas (b - a), decision flips with both traces, changed drafts */
        get: {
            parameters: {
                query: {
                    a: string;
                    b: string;
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
                        "application/json": components["schemas"]["RunComparison"];
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
    "/api/evals/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    dataset_id?: string;
                    limit?: number;
                    offset?: number;
                    status?: "queued" | "running" | "done" | "failed" | "cancelled";
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
                            items: components["schemas"]["EvalRunSummary"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Queue an evaluation run of a candidate (defaults: latest default ruleset and prompt, template writer) on a dataset version */
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
                        /** @description Replay the dataset as of this date (a backtest): only what was known then; outcomes after it are the labels */
                        as_of?: string;
                        dataset_id: string;
                        label?: string;
                        outcome_window_days?: number;
                        prompt_version_id?: string;
                        provider?: {
                            [key: string]: unknown;
                        };
                        release_id?: string;
                        ruleset_version_id?: string;
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
                        "application/json": components["schemas"]["EvalRun"];
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
    "/api/evals/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["EvalRun"];
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
    "/api/evals/runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        "application/json": components["schemas"]["EvalRun"];
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
    "/api/evals/runs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: `progress` {done,total,eta_s} until the run ends, then `done` with the metrics */
        get: {
            parameters: {
                query?: {
                    access_token?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Server-sent events: `progress` {status, done, total, eta_s}, then `done` {status, error, metrics} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
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
    "/api/evals/runs/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-lead results; flipped=true: decision differs from the gold label (or from run compare_to) */
        get: {
            parameters: {
                query?: {
                    compare_to?: string;
                    decision?: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
                    flipped?: "true" | "false";
                    gold?: ("contact" | "wait" | "do_not_contact" | "not_worth_pursuing") | "none";
                    has_issues?: "true" | "false";
                    limit?: number;
                    offset?: number;
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
                            items: components["schemas"]["EvalResultRow"][];
                            total: number;
                        };
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
    "/api/evals/runs/{id}/results/{leadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One lead: trace, draft, grounding issues, and the lead record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    leadId: string;
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
                        "application/json": components["schemas"]["EvalLeadDetail"];
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
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                            db: "embedded" | "postgres";
                            /** @enum {string} */
                            status: "ok";
                        };
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
    "/api/human-reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Leads whose customer texts the production rules could not read with confidence (or only just), with the engine's guesses */
        get: {
            parameters: {
                query?: {
                    dataset_id?: string;
                    kind?: "unread" | "near_threshold" | "labelled";
                    limit?: number;
                    offset?: number;
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
                            as_of: string;
                            counts: {
                                labelled: number;
                                near_threshold: number;
                                unread: number;
                            };
                            dataset_id: string;
                            intents: string[];
                            items: {
                                decision: string;
                                /** @enum {string} */
                                kind: "unread" | "near_threshold" | "labelled";
                                lead_id: string;
                                reasons: {
                                    code: string;
                                    explanation: string;
                                }[];
                                texts: {
                                    activity_index: number;
                                    excerpt: string;
                                    guesses: {
                                        intent: string;
                                        score: number;
                                    }[];
                                    label: string | null;
                                    language: string | null;
                                    language_supported: boolean;
                                    text_hash: string;
                                    why: string;
                                }[];
                            }[];
                            release_id: string;
                            total: number;
                        };
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
    "/api/human-reads/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A manager reads a text and picks its intent: stored, audited, and the lead decided again with it */
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
                        dataset_id: string;
                        intent: string;
                        lead_id: string;
                        text_hash: string;
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
                            after: {
                                decision: string;
                                priority: number | null;
                                reasons: {
                                    code: string;
                                    explanation: string;
                                }[];
                                recontact_after: string | null;
                            };
                            before: {
                                decision: string;
                                reasons: {
                                    code: string;
                                    explanation: string;
                                }[];
                            };
                            intent: string;
                            lead_id: string;
                            text_hash: string;
                        };
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
    "/api/human-reads/labels/corpus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a labelled text to the intent corpus as a new ruleset version (preview and release it like any edit) */
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
                        dataset_id: string;
                        lead_id: string;
                        ruleset_version_id?: string;
                        text_hash: string;
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
                            file: string;
                            intent: string;
                            language: string;
                            ruleset_version_id: string;
                            version: number;
                        };
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
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                            created_at: string;
                            dataset_id: string;
                            expected_files: {
                                /** @enum {string} */
                                kind: "leads" | "activities" | "quotes";
                                name: string;
                            }[];
                            files: {
                                [key: string]: {
                                    encoding: {
                                        /** @enum {string} */
                                        name: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
                                        /** @enum {string} */
                                        source: "requested" | "byte order mark" | "detected";
                                    } | null;
                                    rejected: number;
                                    rows: number;
                                };
                            };
                            id: string;
                            mapping: string;
                            /** @enum {string} */
                            status: "open" | "committed";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write the staged files into the dataset in one transaction */
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
                            dataset_id: string;
                            files: {
                                [key: string]: {
                                    encoding: {
                                        /** @enum {string} */
                                        name: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
                                        /** @enum {string} */
                                        source: "requested" | "byte order mark" | "detected";
                                    } | null;
                                    rejected: number;
                                    rows: number;
                                };
                            };
                            import_id: string;
                            imported: number;
                            lead_count: number;
                            rejected: {
                                errors: string[];
                                file?: string;
                                line: number;
                            }[];
                            version: number;
                        };
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
    "/api/imports/{id}/files/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add (or replace) one file of a multi-file import: text/csv, encoding detected unless ?encoding= names it */
        put: {
            parameters: {
                query?: {
                    encoding?: string;
                };
                header?: never;
                path: {
                    file: string;
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
                            encoding: {
                                /** @enum {string} */
                                name: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
                                /** @enum {string} */
                                source: "requested" | "byte order mark" | "detected";
                            } | null;
                            file: string;
                            rejected: {
                                errors: string[];
                                file?: string;
                                line: number;
                            }[];
                            rows: number;
                        };
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
    "/api/mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List CSV column mappings */
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
                            items: components["schemas"]["Mapping"][];
                        };
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
    "/api/mappings/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
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
                        "application/json": components["schemas"]["MappingText"];
                    };
                };
            };
        };
        /** Store a CSV mapping (YAML) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
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
                            /** @description The mapping, YAML */
                            content: string;
                            name: string;
                            /**
                             * @description stored: saved through the API; file: shipped in mappings/
                             * @enum {string}
                             */
                            source: "stored" | "file";
                            version: number;
                        };
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
    "/api/mappings/{name}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Map the first rows of a CSV (text/csv body) without importing anything */
        post: {
            parameters: {
                query?: {
                    encoding?: string;
                    rows?: number;
                };
                header?: never;
                path: {
                    name: string;
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
                            encoding: components["schemas"]["Encoding"];
                            items: components["schemas"]["PreviewItem"][];
                            mapping: string;
                        };
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
    "/api/mappings/{name}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved version of a stored mapping, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
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
                            items: {
                                content: string;
                                created_at: string;
                                created_by: string;
                                version: number;
                            }[];
                        };
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
    "/api/mappings/draft-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview an unsaved mapping (YAML) on the heads of an export: canonical leads and the decisions production would give */
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
                        as_of: string;
                        content: string;
                        files: {
                            [key: string]: string;
                        };
                        /** @default 10 */
                        rows?: number;
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
                            as_of: string;
                            leads: ({
                                decision: {
                                    decision: string;
                                    priority: number;
                                    reasons: {
                                        code: string;
                                        explanation: string;
                                    }[];
                                    recontact_after: string | null;
                                } | null;
                                lead: components["schemas"]["LeadRecord"];
                                line: number;
                                /** @enum {boolean} */
                                ok: true;
                            } | {
                                errors: string[];
                                line: number;
                                /** @enum {boolean} */
                                ok: false;
                            })[];
                            mapping: string;
                            rejected: {
                                errors: string[];
                                file: string;
                                line: number;
                            }[];
                            release_id: string | null;
                            unmatched_rows: number;
                        };
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
    "/api/mappings/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The columns of a CSV (text/csv body) with sample values and field suggestions */
        post: {
            parameters: {
                query?: {
                    encoding?: string;
                    kind?: "leads" | "activities" | "quotes";
                    rows?: number;
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
                            columns: {
                                distinct: string[];
                                name: string;
                                samples: string[];
                                suggestion: {
                                    ambiguous_date: boolean;
                                    field: string | null;
                                    formats: string[];
                                    join?: string;
                                    /** @enum {string} */
                                    type: "string" | "number" | "boolean" | "date" | "datetime";
                                    values?: {
                                        [key: string]: unknown;
                                    };
                                };
                            }[];
                            encoding: {
                                /** @enum {string} */
                                name: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
                                /** @enum {string} */
                                source: "requested" | "byte order mark" | "detected";
                            } | null;
                            rows_read: number;
                        };
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
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["Me"];
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
    "/api/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models in MODELS_DIR and the recommended ones */
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
                            models: {
                                bytes: number;
                                complete: boolean;
                                id: string;
                                problem: string | null;
                                /** @enum {string|null} */
                                task: "text-generation" | "zero-shot-classification" | "feature-extraction" | null;
                            }[];
                            models_dir: string;
                            recommended: {
                                command: string;
                                id: string;
                                installed: boolean;
                                note: string;
                                size: string;
                                /** @enum {string} */
                                task: "text-generation" | "zero-shot-classification" | "feature-extraction";
                                /** @enum {string} */
                                use: "drafting" | "classification";
                            }[];
                        };
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
    "/api/models/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load one model from MODELS_DIR through Transformers.js (offline) and say whether it loads */
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
                        id: string;
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
                            error: string | null;
                            id: string;
                            loads: boolean;
                            ms: number;
                            /** @enum {string|null} */
                            task: "text-generation" | "zero-shot-classification" | "feature-extraction" | null;
                        };
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
    "/api/models/servers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configured OpenAI-compatible servers and whether they answer (private addresses only, short timeout) */
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
                            servers: {
                                answers: boolean;
                                base_url: string;
                                checked: boolean;
                                error: string | null;
                                ms: number;
                                private: boolean;
                                provider_id: string;
                                status: number | null;
                                used_by: string[];
                            }[];
                            truncated: boolean;
                        };
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
    "/api/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Display names for the actors that records and the audit log hold (token ids are never shown to people) */
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
                            items: {
                                actor: string;
                                name: string;
                                role: string;
                            }[];
                        };
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
    "/api/privacy/erasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Erasures done: when, by whom, why, how many records (identifiers only as keyed hashes) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
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
                            items: {
                                actor: string;
                                at: string;
                                counts: {
                                    [key: string]: number;
                                };
                                id: string;
                                reason: string;
                                records_erased: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Erase a person's data from every store; their identifiers (hashed) go on the suppression list */
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
                        email?: string;
                        lead_id?: string;
                        phone?: string;
                        reason: string;
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
                            at: string;
                            counts: {
                                [key: string]: number;
                            };
                            datasets: string[];
                            files_unreadable: string[];
                            id: string;
                            records_erased: number;
                            suppressed_identifiers: number;
                        };
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
    "/api/privacy/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply retention now: strip personal data older than settings.retention_days */
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
                    content: {
                        "application/json": {
                            cutoff: string;
                            eval_results: number;
                            eval_runs: number;
                            outcomes: number;
                            provider_cache: number;
                            recommendations: number;
                            retention_days: number;
                            reviews: number;
                        };
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
    "/api/privacy/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about a person (access request), as JSON */
        get: {
            parameters: {
                query?: {
                    email?: string;
                    lead_id?: string;
                    phone?: string;
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
                            evaluation_results: unknown[];
                            generated_at: string;
                            identifiers: unknown;
                            leads: unknown[];
                            recommendations: unknown[];
                        } & {
                            [key: string]: unknown;
                        };
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
    "/api/privacy/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The suppression list: its size by reason and source, and its entries (keyed hashes only) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
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
                            by_kind: {
                                [key: string]: number;
                            };
                            by_reason: {
                                [key: string]: number;
                            };
                            by_source: {
                                [key: string]: number;
                            };
                            items: {
                                created_at: string;
                                created_by: string;
                                effective_at: string;
                                hash: string;
                                kind: string;
                                reason: string;
                                source: string;
                            }[];
                            total: number;
                        };
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
    "/api/privacy/suppressions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a CRM's do-not-contact list: text/csv with email and/or phone columns (reason, since optional) */
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
                    content: {
                        "application/json": {
                            added: number;
                            rejected: {
                                errors: string[];
                                line: number;
                            }[];
                            rows: number;
                            size: {
                                by_kind: {
                                    [key: string]: number;
                                };
                                by_reason: {
                                    [key: string]: number;
                                };
                                by_source: {
                                    [key: string]: number;
                                };
                                total: number;
                            };
                        };
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
    "/api/privacy/suppressions/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an email and/or phone off the suppression list (admin; audited with the reason) */
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
                        email?: string;
                        phone?: string;
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
                            removed: {
                                hash: string;
                                kind: string;
                                reason: string;
                            }[];
                        };
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
    "/api/prompt-versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["VersionWithFiles"];
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
    "/api/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                            items: components["schemas"]["VersionSummary"][];
                        };
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
    "/api/prompts/{name}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
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
                            items: components["schemas"]["VersionSummary"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        files: {
                            [key: string]: string;
                        };
                        message: string;
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
                        "application/json": components["schemas"]["SavedVersion"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SavedVersion"];
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
    "/api/prompts/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The exact prompt a provider would get for one lead */
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
                        dataset_id: string;
                        files?: {
                            [key: string]: string;
                        };
                        lead_id: string;
                        prompt_version_id?: string;
                        ruleset_version_id?: string;
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
                        "application/json": components["schemas"]["RenderResult"];
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
    "/api/prompts/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a prompt + provider on one lead: the draft and its grounding result */
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
                        dataset_id: string;
                        files?: {
                            [key: string]: string;
                        };
                        lead_id: string;
                        prompt_version_id?: string;
                        /**
                         * @default {
                         *       "type": "template"
                         *     }
                         */
                        provider?: unknown;
                        ruleset_version_id?: string;
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
                        "application/json": components["schemas"]["LeadResult"];
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
    "/api/prompts/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        files: {
                            [key: string]: string;
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
                            errors: components["schemas"]["PromptError"][];
                            ok: boolean;
                        };
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
    "/api/prompts/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                            items: {
                                description: string;
                                name: string;
                            }[];
                        };
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
    "/api/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                            items: components["schemas"]["ReleaseListItem"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Propose a candidate (ruleset version + prompt version + provider) as a release; its gates run at once */
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
                        /** @default  */
                        description?: string;
                        prompt_version_id: string;
                        /**
                         * @default {
                         *       "type": "template"
                         *     }
                         */
                        provider?: unknown;
                        ruleset_version_id: string;
                        /** @default true */
                        run_gates?: boolean;
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
                        "application/json": components["schemas"]["Release"];
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
    "/api/releases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["Release"];
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
    "/api/releases/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (four eyes) and promote to production */
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
                        comment?: string | null;
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
                        "application/json": components["schemas"]["Release"];
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
    "/api/releases/{id}/gates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run (again) the gates of a proposed release on the gating datasets */
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
                        "application/json": components["schemas"]["Release"];
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
    "/api/releases/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        comment: string;
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
                        "application/json": components["schemas"]["Release"];
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
    "/api/releases/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make an earlier approved release production again */
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
                        comment?: string | null;
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
                        "application/json": components["schemas"]["Release"];
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
    "/api/releases/production": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["Release"];
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
    "/api/rules/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Features and functions a rule condition may use, and what the engine reads per language */
        get: {
            parameters: {
                query?: {
                    ruleset_version_id?: string;
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
                        "application/json": components["schemas"]["RulesCatalog"];
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
    "/api/ruleset-versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["VersionWithFiles"];
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
    "/api/rulesets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                            items: components["schemas"]["VersionSummary"][];
                        };
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
    "/api/rulesets/{name}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
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
                            items: components["schemas"]["VersionSummary"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save a new immutable ruleset version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        files: {
                            [key: string]: string;
                        };
                        message: string;
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
                        "application/json": components["schemas"]["SavedVersion"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SavedVersion"];
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
    "/api/rulesets/phrase-hits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many leads of a dataset each phrase of a signal matches on its own, and which phrases are listed twice */
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
                        as_of?: string;
                        dataset_id: string;
                        files?: {
                            [key: string]: string;
                        };
                        ruleset_version_id?: string;
                        signal: string;
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
                            duplicates: {
                                language: string;
                                phrase: string;
                            }[];
                            hits: {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            };
                            leads: number;
                            signal: string;
                            signal_hits: number;
                        };
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
    "/api/rulesets/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide every lead of a dataset with a draft ruleset; metrics against gold labels and flips against a baseline */
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
                        as_of?: string;
                        baseline_version_id?: string;
                        dataset_id: string;
                        files?: {
                            [key: string]: string;
                        };
                        /** @default 100 */
                        flips_limit?: number;
                        ruleset_version_id?: string;
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
                        "application/json": components["schemas"]["RulesetPreview"];
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
    "/api/rulesets/try": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide one lead (a record, or a lead of a dataset) and show the full trace */
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
                        as_of?: string;
                        dataset_id?: string;
                        files?: {
                            [key: string]: string;
                        };
                        lead?: unknown;
                        lead_id?: string;
                        ruleset_version_id?: string;
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
                        "application/json": components["schemas"]["TryResult"];
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
    "/api/rulesets/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check draft files; errors carry file, rule and line/column. With dataset_id, also warnings from deciding its leads */
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
                        as_of?: string;
                        dataset_id?: string;
                        files: {
                            [key: string]: string;
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
                        "application/json": components["schemas"]["RulesetValidation"];
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
    "/api/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["WorkspaceSettings"];
                    };
                };
            };
        };
        /** Change workspace settings (admin) */
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
                        /** @default false */
                        allow_external_processing?: boolean;
                        /**
                         * @default [
                         *       "demo"
                         *     ]
                         */
                        gating_datasets?: string[];
                        /** @default 180 */
                        retention_days?: number;
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
                        "application/json": components["schemas"]["WorkspaceSettings"];
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
    "/api/shadows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                            items: {
                                id: string;
                                release_id: string;
                                started_at: string;
                                started_by: string;
                                status: string;
                                stopped_at: string | null;
                                stopped_by: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Let an approved, non-production release shadow production: it decides every live request too, never returned */
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
                        release_id: string;
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
                            id: string;
                            release_id: string;
                            started_at: string;
                            started_by: string;
                            status: string;
                            stopped_at: string | null;
                            stopped_by: string | null;
                        };
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
    "/api/shadows/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agreement with production, flips with both traces, decision-rate deltas */
        get: {
            parameters: {
                query?: {
                    flips?: number;
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
                            agreement: number;
                            agreement_rate: number | null;
                            flipped: number;
                            flips: {
                                at: string;
                                lead_id: string;
                                production: unknown;
                                recommendation_id: string;
                                shadow: unknown;
                            }[];
                            id: string;
                            matrix: {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            };
                            metric_deltas: {
                                [key: string]: {
                                    delta: number;
                                    production: number;
                                    shadow: number;
                                };
                            };
                            queue: {
                                dropped: number;
                                failed: number;
                                pending: number;
                            };
                            release_id: string;
                            release_number: number | null;
                            requests: number;
                            started_at: string;
                            status: string;
                            stopped_at: string | null;
                        };
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
    "/api/shadows/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                            id: string;
                            release_id: string;
                            started_at: string;
                            started_by: string;
                            status: string;
                            stopped_at: string | null;
                            stopped_by: string | null;
                        };
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
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                            items: components["schemas"]["TokenInfo"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a bearer token for a role (shown once) */
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
                        acts_for?: string[];
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "manager" | "engineer" | "rep";
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
                        "application/json": components["schemas"]["CreatedToken"];
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
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
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
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a token's display name or the CRM owners it acts for */
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
                        acts_for?: string[];
                        name?: string;
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
                            acts_for: string[];
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "manager" | "engineer" | "rep";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/grounding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check every factual claim of a text against a lead record */
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
                        as_of?: string;
                        lead: unknown;
                        text: string;
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
                        "application/json": components["schemas"]["GroundingResult"];
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
    "/api/v1/outcomes/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Leads with outcomes as a labeled JSONL dataset */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One canonical lead record per line, its label from the recorded outcomes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
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
    "/api/v1/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Review queue: by priority, assigned to the caller or unassigned (reps) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    status?: "needs_review" | "approved" | "edited" | "rejected" | "no_action" | "superseded" | "all";
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
                            items: components["schemas"]["QueueItem"][];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Recommendation for one lead from the production release */
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
                        as_of?: string;
                        lead: unknown;
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
                        "application/json": components["schemas"]["Recommendation"];
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
    "/api/v1/recommendations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
                        "application/json": components["schemas"]["RecommendationDetail"];
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
    "/api/v1/recommendations/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Guardrail check of a (edited) text before approving it */
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
                        email?: {
                            body: string;
                            subject: string;
                        } | null;
                        phone_script?: string | null;
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
                        "application/json": components["schemas"]["GroundingResult"];
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
    "/api/v1/recommendations/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
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
                        note?: string | null;
                        /** @enum {string} */
                        outcome: "responded" | "reactivated" | "converted" | "no_response" | "declined" | "complained" | "unsubscribed";
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
                            id: string;
                            /** @enum {string} */
                            outcome: "responded" | "reactivated" | "converted" | "no_response" | "declined" | "complained" | "unsubscribed";
                        };
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
    "/api/v1/recommendations/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, edit (with the final text) or reject (with a reason) */
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
                        acknowledge_issues?: boolean;
                        /** @enum {string} */
                        action: "approve" | "edit" | "reject";
                        email?: {
                            body: string;
                            subject: string;
                        } | null;
                        phone_script?: string | null;
                        reason?: string;
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
                        "application/json": components["schemas"]["ReviewResult"];
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
    "/api/v1/recommendations/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recommendations for up to 1000 leads */
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
                        as_of?: string;
                        leads: unknown[];
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
                            items: components["schemas"]["Recommendation"][];
                        };
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEntry: {
            action: string;
            actor: string;
            at: string;
            /** @description What the action changed: its own shape per action */
            details: unknown;
            id: string;
            subject: string | null;
        };
        Calibration: {
            bins: {
                count: number;
                hi: number;
                lo: number;
                mean_predicted: number;
                observed_rate: number;
            }[];
            ece: number;
            n: number;
            positives: number;
        } & {
            [key: string]: unknown;
        };
        Campaign: {
            as_of: string;
            created_at: string;
            created_by: string;
            dataset_id: string;
            error: string | null;
            expected_recovered_revenue: number | null;
            expected_recovered_revenue_interval: (number)[] | null;
            finished_at: string | null;
            held_out: number;
            holdout_pct: number;
            id: string;
            progress: {
                done: number;
                total: number;
            };
            queued: number;
            release_id: string;
            selected: number;
            started_at: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed" | "cancelled";
            summary: {
                average_job_value: number;
                by_reason: components["schemas"]["CampaignGroupTotals"][];
                by_rep: components["schemas"]["CampaignGroupTotals"][];
                decisions: {
                    [key: string]: number;
                };
                queued_expected_recovered_revenue: number;
                recovered_revenue: {
                    expected: number;
                    fitted_on: number;
                    interval: (number)[] | null;
                    leads: number;
                    positives: number;
                };
            } | null;
        };
        CampaignGroupTotals: {
            expected_recovered_revenue: number;
            held_out: number;
            key: string;
            queued: number;
            selected: number;
        };
        CampaignLead: {
            decision: string;
            held_out: boolean;
            lead_id: string;
            owner: string | null;
            p_recovered: number | null;
            priority: number;
            reason: string | null;
            recommendation_id: string | null;
            seq: number;
            value: number;
            value_source: string;
        };
        CampaignRecovery: {
            control: {
                leads: number;
                rate: number | null;
                recovered: number;
            };
            difference: number | null;
            difference_interval: (number)[] | null;
            later_dataset_id: string | null;
            lift: number | null;
            recorded_outcomes: number;
            treated: {
                leads: number;
                rate: number | null;
                recovered: number;
            };
            window_days: number;
        };
        CreatedCampaign: {
            as_of: string;
            /** @description false: this campaign already existed (same dataset version, as_of, holdout and release) */
            created: boolean;
            created_at: string;
            created_by: string;
            dataset_id: string;
            error: string | null;
            expected_recovered_revenue: number | null;
            expected_recovered_revenue_interval: (number)[] | null;
            finished_at: string | null;
            held_out: number;
            holdout_pct: number;
            id: string;
            progress: {
                done: number;
                total: number;
            };
            queued: number;
            release_id: string;
            selected: number;
            started_at: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed" | "cancelled";
            summary: {
                average_job_value: number;
                by_reason: components["schemas"]["CampaignGroupTotals"][];
                by_rep: components["schemas"]["CampaignGroupTotals"][];
                decisions: {
                    [key: string]: number;
                };
                queued_expected_recovered_revenue: number;
                recovered_revenue: {
                    expected: number;
                    fitted_on: number;
                    interval: (number)[] | null;
                    leads: number;
                    positives: number;
                };
            } | null;
        };
        CreatedToken: {
            acts_for: string[];
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "manager" | "engineer" | "rep";
            /** @description The bearer token: shown once, stored only as a hash */
            token: string;
        };
        DashboardTally: {
            approve: number;
            approve_rate: number | null;
            edit: number;
            edit_rate: number | null;
            outcomes: {
                [key: string]: number;
            };
            recommendations: number;
            reject: number;
            reject_rate: number | null;
            reviewed: number;
        };
        Dataset: {
            as_of: string;
            created_at: string;
            created_by: string | null;
            description: string | null;
            /** @description Leads whose personal data was erased (GDPR); still counted and labeled */
            erased_leads: number;
            id: string;
            lead_count: number;
            locked: boolean;
            name: string;
            parent_id: string | null;
            version: number;
        };
        DatasetDetail: {
            as_of: string;
            counts: {
                label: {
                    [key: string]: number;
                };
                status: {
                    [key: string]: number;
                };
            };
            created_at: string;
            created_by: string | null;
            description: string | null;
            /** @description Leads whose personal data was erased (GDPR); still counted and labeled */
            erased_leads: number;
            id: string;
            lead_count: number;
            locked: boolean;
            name: string;
            parent_id: string | null;
            version: number;
        };
        DecisionMetrics: {
            compliance_violation_ids: string[];
            compliance_violations: number;
            /** @description confusion[gold][predicted] */
            confusion: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            decision_accuracy: number | null;
            decision_counts: {
                [key: string]: number;
            };
            dnc_precision: number | null;
            dnc_recall: number | null;
            labeled: number;
            selection_rate: number;
            total: number;
        } & {
            [key: string]: unknown;
        };
        DraftRecommendation: {
            angle: string;
            confidence: number;
            email: {
                body: string;
                subject: string;
            } | null;
            objection_handling: string[];
            phone_script: string | null;
            rationale?: string;
            risk_flags: string[];
            timing: string;
        } & {
            [key: string]: unknown;
        };
        Encoding: {
            /** @enum {string} */
            name: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
            /** @enum {string} */
            source: "requested" | "byte order mark" | "detected";
        } | null;
        EvalLeadDetail: {
            cached: boolean;
            /** @enum {string} */
            decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
            /** @enum {string|null} */
            gold: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing" | null;
            latency_ms: number;
            lead: components["schemas"]["LeadRecord"] | null;
            lead_id: string;
            result: components["schemas"]["StoredResult"];
            run_id: string;
            seq: number;
        };
        EvalMetrics: {
            /** @description absent on runs stored before it was measured */
            by_language?: {
                [key: string]: components["schemas"]["LanguageMetrics"];
            };
            by_reason?: {
                [key: string]: components["schemas"]["ReasonQuality"];
            };
            cached: number;
            calibration?: components["schemas"]["Calibration"];
            calibration_ece: number;
            compliance_violation_ids: string[];
            compliance_violations: number;
            /** @description confusion[gold][predicted] */
            confusion: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            cost_per_lead: number;
            decision_accuracy: number;
            decision_counts: {
                [key: string]: number;
            };
            dnc_precision: number;
            dnc_recall: number;
            drafts: number;
            expected_recovered_revenue: number;
            grounded_drafts: number;
            grounding_rate: number;
            intervals: {
                dnc_precision: components["schemas"]["Interval"] | null;
                dnc_recall: components["schemas"]["Interval"] | null;
            };
            labeled: number;
            language_match?: number;
            latency_ms: {
                p50: number;
                p90: number;
                p99: number;
            };
            outcomes?: {
                positives: number;
                top10: {
                    captured: number;
                    lift: number;
                    share: number;
                    size: number;
                };
                top20: {
                    captured: number;
                    lift: number;
                    share: number;
                    size: number;
                };
                with_outcome: number;
            };
            pricing_promises: number;
            provider_errors: number;
            recovered_revenue?: components["schemas"]["RecoveredRevenue"];
            /** @description a = decided contact, b = the rest, over the leads with an outcome */
            recovery?: components["schemas"]["RecoveryComparison"];
            schema_failures: number;
            selection_rate: number;
            story_coverage?: number;
            tokens_per_lead: number;
            total: number;
            unsupported_claims: {
                [key: string]: number;
            };
            withheld_drafts: number;
        } & {
            [key: string]: unknown;
        };
        EvalResultRow: {
            cached: boolean;
            /** @enum {string} */
            decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
            draft_status: string;
            /** @enum {string|null} */
            gold: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing" | null;
            issue_kinds: string[];
            latency_ms: number;
            lead_id: string;
            priority: number;
            reasons: components["schemas"]["Reason"][];
            seq: number;
        };
        EvalRun: {
            /** @description A replay (backtest) date; null: the dataset's as_of */
            as_of: string | null;
            candidate_hash: string;
            created_at: string;
            created_by: string;
            dataset_id: string;
            error: string | null;
            finished_at: string | null;
            id: string;
            label: string;
            metrics: components["schemas"]["EvalMetrics"] | null;
            outcome_window_days: number;
            progress: {
                done: number;
                eta_s: number | null;
                total: number;
            };
            prompt_version_id: string;
            provider: components["schemas"]["ProviderConfig"];
            release_id: string | null;
            ruleset_version_id: string;
            started_at: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed" | "cancelled";
        };
        EvalRunSummary: {
            /** @description A replay (backtest) date; null: the dataset's as_of */
            as_of: string | null;
            candidate_hash: string;
            created_at: string;
            created_by: string;
            dataset_id: string;
            error: string | null;
            finished_at: string | null;
            id: string;
            label: string;
            metrics: components["schemas"]["HeadlineMetrics"] | null;
            outcome_window_days: number;
            progress: {
                done: number;
                eta_s: number | null;
                total: number;
            };
            prompt_version_id: string;
            provider: components["schemas"]["ProviderConfig"];
            release_id: string | null;
            ruleset_version_id: string;
            started_at: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed" | "cancelled";
        };
        FinalText: {
            email: {
                body: string;
                subject: string;
            } | null;
            phone_script: string | null;
        };
        Gate: {
            baseline: number | null;
            message: string;
            metric: string;
            status: string;
            value: number | null;
        } & {
            [key: string]: unknown;
        };
        GateReport: {
            baseline_release_id: string | null;
            checked_at: string;
            datasets: ({
                baseline_run_id: string | null;
                dataset: string;
                gates: components["schemas"]["Gate"][];
                metrics: {
                    [key: string]: number;
                };
                passed: boolean;
                run_id: string;
            } & {
                [key: string]: unknown;
            })[];
            error?: string;
            passed: boolean;
            scenarios?: {
                failed: number;
                failures: {
                    failure: string;
                    lead_id: string;
                    name: string;
                }[];
                passed: number;
                total: number;
            };
        } & {
            [key: string]: unknown;
        };
        GroundingIssue: {
            explanation: string;
            kind: string;
            text: string;
        };
        GroundingResult: {
            grounded: boolean;
            issues: components["schemas"]["GroundingIssue"][];
        };
        GroupRecovery: {
            leads: number;
            rate: number | null;
            recovered: number;
        };
        HeadlineMetrics: {
            calibration_ece: number;
            compliance_violations: number;
            decision_accuracy: number;
            dnc_precision: number;
            dnc_recall: number;
            expected_recovered_revenue: number;
            grounding_rate: number;
            pricing_promises: number;
            schema_failures: number;
            selection_rate: number;
        };
        ImportResult: {
            dataset_id: string;
            encoding: components["schemas"]["Encoding"];
            imported: number;
            lead_count: number;
            rejected: {
                errors: string[];
                file?: string;
                line: number;
            }[];
            version: number;
        };
        Interval: (number)[];
        LanguageMetrics: {
            dnc_precision: number | null;
            dnc_recall: number | null;
            false_refusal_rate: number | null;
            false_refusals: number;
            labeled: number;
            leads: number;
            unread: number;
            unread_rate: number;
        } & {
            [key: string]: unknown;
        };
        LeadDetail: {
            dataset: components["schemas"]["Dataset"];
            lead: components["schemas"]["LeadRecord"];
            story: components["schemas"]["LeadStory"];
        };
        LeadRecord: {
            activities?: ({
                at?: string | null;
                author?: string | null;
                channel?: string | null;
                direction?: string | null;
                outcome?: string | null;
                text?: string | null;
            } & {
                [key: string]: unknown;
            })[] | null;
            consent?: ({
                email?: boolean | null;
                erasure_requested_at?: string | null;
                opted_out_at?: string | null;
                phone?: boolean | null;
            } & {
                [key: string]: unknown;
            }) | null;
            contact?: ({
                email?: string | null;
                language?: string | null;
                name?: string | null;
                phone?: string | null;
            } & {
                [key: string]: unknown;
            }) | null;
            created_at?: string | null;
            duplicate_of?: string | null;
            id: string;
            label?: ({
                decision: string;
                outcome?: string | null;
                reasons?: string[];
                recontact_after?: string | null;
            } & {
                [key: string]: unknown;
            }) | null;
            lost_reason?: string | null;
            owner?: string | null;
            personal_data_removed?: ({
                at: string;
                cause: string;
            } & {
                [key: string]: unknown;
            }) | null;
            quotes?: ({
                amount?: number | null;
                currency?: string | null;
                id?: string | null;
                sent_at?: string | null;
                status?: string | null;
                valid_until?: string | null;
            } & {
                [key: string]: unknown;
            })[] | null;
            service?: ({
                date?: string | null;
                date_flexibility?: string | null;
                destination?: string | null;
                origin?: string | null;
                size?: string | null;
                type?: string | null;
                volume_m3?: number | null;
            } & {
                [key: string]: unknown;
            }) | null;
            source?: string | null;
            status?: string | null;
            tags?: string[] | null;
            value_estimate?: number | null;
        } & {
            [key: string]: unknown;
        };
        LeadResult: {
            as_of: string;
            cached: boolean;
            cost: number | null;
            decision: components["schemas"]["RuleDecision"];
            /** @enum {string} */
            draft_status: "not_needed" | "ok" | "withheld" | "schema_failure" | "provider_error" | "refused";
            guardrail_issues: components["schemas"]["GroundingIssue"][];
            latency_ms: number;
            lead_id: string;
            provider_error: string | null;
            recommendation: components["schemas"]["DraftRecommendation"] | null;
            risk_flags: string[];
            story: components["schemas"]["LeadStory"];
            tokens: {
                completion: number;
                prompt: number;
            } | null;
        } & {
            [key: string]: unknown;
        };
        LeadStory: {
            also: ({
                date: string | null;
                detail: string;
                kind: string;
            } & {
                [key: string]: unknown;
            })[];
            as_of: string;
            customer_last_said: ({
                activity_index: number;
                channel: string | null;
                date: string | null;
                excerpt: string;
            } & {
                [key: string]: unknown;
            }) | null;
            hidden_after_as_of: number;
            lost_after: {
                date: string | null;
                detail: string;
                kind: string;
            } & {
                [key: string]: unknown;
            };
            sentences: string[];
            undated: number;
        } & {
            [key: string]: unknown;
        };
        Mapping: {
            name: string;
            /**
             * @description stored: saved through the API; file: shipped in mappings/
             * @enum {string}
             */
            source: "stored" | "file";
            updated_at: string | null;
        };
        MappingText: {
            /** @description The mapping, YAML */
            content: string;
            name: string;
            /**
             * @description stored: saved through the API; file: shipped in mappings/
             * @enum {string}
             */
            source: "stored" | "file";
        };
        Me: {
            /** @description `token:<id>`: compared with proposed_by etc. (the four-eyes rule is between persons) */
            actor: string;
            acts_for: string[];
            name: string;
            /** @enum {string} */
            role: "admin" | "manager" | "engineer" | "rep";
        };
        PreviewItem: {
            file?: string;
            lead: components["schemas"]["LeadRecord"];
            line: number;
            /** @enum {boolean} */
            ok: true;
        } | {
            errors: string[];
            file?: string;
            line: number;
            /** @enum {boolean} */
            ok: false;
        };
        Problem: {
            detail: string;
            errors?: string[];
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        PromptError: {
            file: string;
            line?: number;
            message: string;
        } & {
            [key: string]: unknown;
        };
        ProviderConfig: ({
            concurrency?: number;
            retries?: number;
            timeout_ms?: number;
            /** @enum {string} */
            type: "template";
        } & {
            [key: string]: unknown;
        }) | ({
            concurrency?: number;
            max_new_tokens?: number;
            model: string;
            retries?: number;
            timeout_ms?: number;
            /** @enum {string} */
            type: "local";
        } & {
            [key: string]: unknown;
        }) | ({
            concurrency?: number;
            config?: {
                [key: string]: unknown;
            };
            id: string;
            retries?: number;
            timeout_ms?: number;
            /** @enum {string} */
            type: "promptfoo";
        } & {
            [key: string]: unknown;
        });
        QueueItem: {
            angle: string | null;
            assigned_to: string | null;
            created_at: string;
            /** @enum {string} */
            decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
            id: string;
            lead_id: string;
            priority: number;
            reasons: components["schemas"]["Reason"][];
            release_id: string;
            release_number: number | null;
            status: components["schemas"]["RecommendationStatus"];
            superseded_by: string | null;
        };
        Reason: {
            code: string;
            explanation: string;
        };
        ReasonQuality: {
            drafts: number;
            grounding_rate: number;
            language_checked: number;
            language_match: number | null;
            leads: number;
            pricing_promises: number;
            story_applicable: number;
            story_coverage: number | null;
        } & {
            [key: string]: unknown;
        };
        Recommendation: {
            as_of: string;
            /** @enum {string} */
            decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
            /** @enum {string} */
            draft_status: "not_needed" | "ok" | "withheld" | "schema_failure" | "provider_error" | "refused";
            guardrail_issues: components["schemas"]["GroundingIssue"][];
            id: string;
            lead_id: string;
            priority: number;
            reasons: components["schemas"]["Reason"][];
            /** @description null unless decision is contact or wait */
            recommendation: components["schemas"]["DraftRecommendation"] | null;
            recontact_after: string | null;
            release_id: string;
            /** @description Why there is no draft, or what to check; present even when recommendation is null */
            risk_flags: string[];
            /** @description needs_review | no_action (a new recommendation); approved | edited | rejected | superseded later */
            status: string;
        };
        RecommendationDetail: {
            as_of: string;
            assigned_to: string | null;
            /** @description Why this lead is in the caller's queue, in a sentence */
            assignment_reason: string;
            created_at: string;
            /** @enum {string} */
            decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
            /** @enum {string} */
            draft_status: "not_needed" | "ok" | "withheld" | "schema_failure" | "provider_error" | "refused";
            guardrail_issues: components["schemas"]["GroundingIssue"][];
            id: string;
            lead: components["schemas"]["LeadRecord"];
            lead_id: string;
            outcomes: ({
                actor: string;
                /** @description ISO 8601 date-time */
                at: string;
                id: string;
                note: string | null;
                outcome: string;
            } & {
                [key: string]: unknown;
            })[];
            /** @description Set when erasure or retention stripped the stored recommendation of personal data */
            personal_data_removed?: ({
                at: string;
                cause: string;
            } & {
                [key: string]: unknown;
            }) | null;
            priority: number;
            reasons: components["schemas"]["Reason"][];
            /** @description null unless decision is contact or wait */
            recommendation: components["schemas"]["DraftRecommendation"] | null;
            recontact_after: string | null;
            release_id: string;
            release_number: number | null;
            reviews: ({
                action: string;
                actor: string;
                /** @description ISO 8601 date-time */
                at: string;
                final: components["schemas"]["FinalText"] | null;
                id: string;
                issues: components["schemas"]["GroundingIssue"][];
                original?: components["schemas"]["FinalText"] | null;
                reason: string | null;
            } & {
                [key: string]: unknown;
            })[];
            /** @description Why there is no draft, or what to check; present even when recommendation is null */
            risk_flags: string[];
            status: components["schemas"]["RecommendationStatus"];
            /** @description Read from the stored lead as of the recommendation's as_of */
            story: components["schemas"]["LeadStory"];
            superseded_by: string | null;
        };
        /** @enum {string} */
        RecommendationStatus: "needs_review" | "approved" | "edited" | "rejected" | "no_action" | "superseded";
        RecoveredRevenue: {
            expected: number;
            fitted_on: number;
            interval: components["schemas"]["Interval"] | null;
            leads: number;
            positives: number;
        } & {
            [key: string]: unknown;
        };
        RecoveryComparison: {
            a: components["schemas"]["GroupRecovery"];
            b: components["schemas"]["GroupRecovery"];
            difference: number | null;
            difference_interval: components["schemas"]["Interval"] | null;
            lift: number | null;
        } & {
            [key: string]: unknown;
        };
        Release: {
            decided_at: string | null;
            decided_by: string | null;
            decision_comment: string | null;
            description: string;
            eval_run_ids: string[] | null;
            gate_results: components["schemas"]["GateReport"] | null;
            id: string;
            number: number;
            promoted_at: string | null;
            prompt_version_id: string;
            proposed_at: string;
            proposed_by: string;
            provider: components["schemas"]["ProviderConfig"];
            provider_hash: string;
            rollback_comment: string | null;
            rolled_back_at: string | null;
            rolled_back_by: string | null;
            ruleset_version_id: string;
            /** @enum {string} */
            status: "proposed" | "approved" | "rejected" | "production" | "retired";
        };
        ReleaseListItem: {
            decided_at: string | null;
            decided_by: string | null;
            decision_comment: string | null;
            description: string;
            eval_run_ids: string[] | null;
            gate_results: components["schemas"]["GateReport"] | null;
            id: string;
            number: number;
            promoted_at: string | null;
            prompt_version: components["schemas"]["VersionLabel"] | null;
            prompt_version_id: string;
            proposed_at: string;
            proposed_by: string;
            provider: components["schemas"]["ProviderConfig"];
            provider_hash: string;
            rollback_comment: string | null;
            rolled_back_at: string | null;
            rolled_back_by: string | null;
            ruleset_version: components["schemas"]["VersionLabel"] | null;
            ruleset_version_id: string;
            /** @enum {string} */
            status: "proposed" | "approved" | "rejected" | "production" | "retired";
        };
        RenderResult: {
            /** @enum {string} */
            decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
            drafted: boolean;
            prompt: {
                hash: string;
                max_tokens: number;
                system: string;
                temperature: number;
                user: string;
            };
            reasons: components["schemas"]["Reason"][];
        };
        ReviewDashboard: {
            by_angle: {
                [key: string]: components["schemas"]["DashboardTally"];
            };
            by_reason: {
                [key: string]: components["schemas"]["DashboardTally"];
            };
            total: components["schemas"]["DashboardTally"];
        };
        ReviewResult: {
            final: components["schemas"]["FinalText"] | null;
            id: string;
            issues: components["schemas"]["GroundingIssue"][];
            original: components["schemas"]["FinalText"] | null;
            reviewed_by: string;
            status: string;
        };
        RuleDecision: {
            as_of?: string;
            /** @enum {string} */
            decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
            priority: number;
            reasons: components["schemas"]["Reason"][];
            recontact_after: string | null;
            ruleset_hash?: string;
            signals?: {
                [key: string]: {
                    available: boolean;
                    matched: boolean;
                    note?: string;
                } & {
                    [key: string]: unknown;
                };
            };
            /** @description Which texts were read and why (server/domain/text/understand.ts) */
            texts?: {
                model: unknown;
                texts: unknown[];
                unread: unknown[];
            } & {
                [key: string]: unknown;
            };
            trace: components["schemas"]["RuleTraceEntry"][];
        } & {
            [key: string]: unknown;
        };
        RulesCatalog: {
            classifier: ({
                library: string;
                threshold: number;
            } & {
                [key: string]: unknown;
            }) | null;
            readonly features: ({
                description: string;
                example: unknown;
                name: string;
                nullable: boolean;
                type: string;
            } & {
                [key: string]: unknown;
            })[];
            functions: {
                description: string;
                name: string;
            }[];
            /** @description The ruleset's intents */
            intents: string[];
            /** @description What the engine reads per language (server/domain/text/coverage.ts) */
            languages: unknown[];
        } & {
            [key: string]: unknown;
        };
        RulesetError: {
            column?: number;
            file: string;
            line?: number;
            message: string;
            path?: string;
            rule_id?: string;
            signal?: string;
        } & {
            [key: string]: unknown;
        };
        RulesetPreview: {
            baseline_version_id: string | null;
            dataset: {
                as_of: string;
                id: string;
                name: string;
                version: number;
            };
            flips: {
                by_transition: {
                    [key: string]: number;
                };
                items: ({
                    after: {
                        /** @enum {string} */
                        decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
                        priority: number;
                        reasons: components["schemas"]["Reason"][];
                        recontact_after?: string | null;
                        trace: components["schemas"]["RuleTraceEntry"][];
                    } & {
                        [key: string]: unknown;
                    };
                    before: {
                        /** @enum {string} */
                        decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
                        priority: number;
                        reasons: components["schemas"]["Reason"][];
                        recontact_after?: string | null;
                        trace: components["schemas"]["RuleTraceEntry"][];
                    } & {
                        [key: string]: unknown;
                    };
                    gold: string | null;
                    lead_id: string;
                } & {
                    [key: string]: unknown;
                })[];
                total: number;
            } | null;
            metrics: components["schemas"]["DecisionMetrics"];
            reason_counts: {
                [key: string]: number;
            };
            rule_matches: {
                [key: string]: number;
            };
            scenarios: components["schemas"]["ScenarioResult"][];
            timing_ms: {
                checks?: number;
                decide: number;
                features: number;
            } & {
                [key: string]: unknown;
            };
            warnings: components["schemas"]["RuleWarning"][];
        } & {
            [key: string]: unknown;
        };
        RulesetValidation: {
            errors: components["schemas"]["RulesetError"][];
            /** @description Model-backed signals and whether their model is in MODELS_DIR */
            model_signals: unknown[];
            ok: boolean;
            rules: ({
                description: string;
                file: string;
                id: string;
                kind: string;
                line: number;
            } & {
                [key: string]: unknown;
            })[];
            scenarios: components["schemas"]["ScenarioResult"][];
            signals: string[];
            warnings: components["schemas"]["RuleWarning"][];
        } & {
            [key: string]: unknown;
        };
        RuleTraceEntry: {
            error?: string;
            evidence?: ({
                activity_index: number;
                excerpt: string;
                phrase: string;
                signal: string;
            } & {
                [key: string]: unknown;
            })[];
            kind: string;
            matched: boolean;
            rule_id: string;
            values: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        RuleWarning: {
            file: string;
            /** @enum {string} */
            kind: "matches_no_lead" | "fails_on_leads" | "never_decides";
            lead_ids?: string[];
            line: number;
            message: string;
            rule_id: string;
        } & {
            [key: string]: unknown;
        };
        RunComparison: {
            a: components["schemas"]["EvalRun"];
            b: components["schemas"]["EvalRun"];
            changed_drafts: {
                items: {
                    a: {
                        draft: components["schemas"]["DraftRecommendation"] | null;
                        issues: components["schemas"]["GroundingIssue"][] | null;
                        status: string;
                    };
                    b: {
                        draft: components["schemas"]["DraftRecommendation"] | null;
                        issues: components["schemas"]["GroundingIssue"][] | null;
                        status: string;
                    };
                    /** @enum {string} */
                    decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
                    lead_id: string;
                }[];
                total: number;
            };
            dataset_id: string;
            deltas: {
                calibration_ece: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
                compliance_violations: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
                decision_accuracy: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
                dnc_precision: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
                dnc_recall: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
                expected_recovered_revenue: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
                grounding_rate: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
                pricing_promises: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
                schema_failures: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
                selection_rate: {
                    a: number;
                    b: number;
                    delta: number;
                    interval: components["schemas"]["Interval"] | null;
                };
            };
            flips: {
                by_transition: {
                    [key: string]: number;
                };
                items: {
                    a: components["schemas"]["RuleDecision"];
                    b: components["schemas"]["RuleDecision"];
                    /** @enum {string|null} */
                    gold: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing" | null;
                    lead_id: string;
                }[];
                total: number;
            };
        };
        SavedVersion: {
            author: string;
            content_hash: string;
            /** @description false: the same files were saved before (that version is returned) */
            created: boolean;
            created_at: string;
            id: string;
            message: string;
            name: string;
            version: number;
        };
        ScenarioResult: {
            as_of: string;
            expected: {
                /** @enum {string} */
                decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
                reason?: string;
            };
            failure?: string;
            file: string;
            got: {
                /** @enum {string} */
                decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
                reasons: string[];
            };
            lead_id: string;
            line: number;
            name: string;
            passed: boolean;
        } & {
            [key: string]: unknown;
        };
        StoredResult: {
            compliance_flag?: boolean;
            cost?: number | null;
            decision: components["schemas"]["RuleDecision"];
            draft_status: string;
            gold?: ({
                decision: string;
                outcome?: string | null;
                reasons?: string[];
                recontact_after?: string | null;
            } & {
                [key: string]: unknown;
            }) | null;
            guardrail_issues: components["schemas"]["GroundingIssue"][];
            provider_error: string | null;
            recommendation: components["schemas"]["DraftRecommendation"] | null;
            risk_flags: string[];
            tokens?: {
                completion: number;
                prompt: number;
            } | null;
        } & {
            [key: string]: unknown;
        };
        TokenInfo: {
            acts_for: string[];
            created_at: string;
            created_by: string | null;
            id: string;
            name: string;
            revoked_at: string | null;
            /** @enum {string} */
            role: "admin" | "manager" | "engineer" | "rep";
        };
        TryResult: {
            as_of: string;
            /** @enum {string} */
            decision: "contact" | "wait" | "do_not_contact" | "not_worth_pursuing";
            /** @description The feature values the rules read */
            features: {
                [key: string]: unknown;
            };
            gold: string | null;
            lead_id: string;
            priority: number;
            reasons: components["schemas"]["Reason"][];
            recontact_after: string | null;
            ruleset_hash?: string;
            signals?: {
                [key: string]: {
                    available: boolean;
                    matched: boolean;
                    note?: string;
                } & {
                    [key: string]: unknown;
                };
            };
            /** @description Which texts were read and why (server/domain/text/understand.ts) */
            texts?: {
                model: unknown;
                texts: unknown[];
                unread: unknown[];
            } & {
                [key: string]: unknown;
            };
            trace: components["schemas"]["RuleTraceEntry"][];
        } & {
            [key: string]: unknown;
        };
        VersionLabel: {
            message: string;
            name: string;
            version: number;
        };
        VersionSummary: {
            author: string;
            content_hash: string;
            created_at: string;
            id: string;
            message: string;
            name: string;
            version: number;
        };
        VersionWithFiles: {
            author: string;
            content_hash: string;
            created_at: string;
            files: {
                [key: string]: string;
            };
            id: string;
            message: string;
            name: string;
            version: number;
        };
        WorkspaceSettings: {
            /** @description Lead data may go to a provider off this machine (GDPR: off by default) */
            allow_external_processing: boolean;
            /** @description Datasets whose gates a release must pass before approval */
            gating_datasets: string[];
            /** @description Days payloads, drafts and evaluation results keep personal data */
            retention_days: number;
        } & {
            [key: string]: unknown;
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
