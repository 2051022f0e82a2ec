// The engine of the guide check: sends each step's request (the guide's own body from requests.json, its
// {{placeholders}} filled in) through a transport, and checks the answer against what the guide documents.
import { randomUUID } from "node:crypto";
import { GuideCheckFailure, type GuideResponse } from "./expect";
import requests from "./requests.json" with { type: "json" };
import { GUIDE_STEPS } from "./steps";

type GuideBodyName = Exclude<keyof typeof requests, "about">;

interface GuideRequest {
  method: string;
  /** Path and query under the server's origin, e.g. /api/v1/customers?external_id=user_12345. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export type Transport = (request: GuideRequest) => Promise<GuideResponse>;

/** What earlier steps created (ids) and sent (resolved bodies; a step's own too, for its check). */
export interface GuideContext {
  ids: Record<string, string>;
  sent: Record<string, any>;
}

export interface GuideStep {
  /** Unique; later steps find what this one sent under it. */
  name: string;
  title: string;
  /** True for a call the guide implies but does not write out (a subscription its next example needs). */
  implied?: boolean;
  method: "GET" | "POST" | "PATCH";
  /** Under /api/v1, or an absolute URL whose path is sent to the server under test. May hold {{placeholders}}. */
  path: string;
  /** The guide's body by name, or (implied steps) a body of our own. */
  body?: GuideBodyName | { own: unknown };
  /** Values for the {{placeholders}} of the path and body besides a fresh UUID and the current time. */
  values?: (ctx: GuideContext) => Record<string, unknown>;
  /** Replaces fields of the guide's body; only where the guide reuses an example value that must differ here. */
  override?: Record<string, unknown>;
  /** Another API key than the platform's (the wrong-key example). */
  key?: string;
  check: (res: GuideResponse, ctx: GuideContext) => void;
}

const WHOLE = /^\{\{([^}]+)\}\}$/;

function valueOf(expression: string, values: Record<string, unknown>): unknown {
  if (expression === "crypto.randomUUID()") return randomUUID();
  if (expression === "new Date().toISOString()") return new Date().toISOString();
  if (!(expression in values)) throw new Error(`the guide check has no value for {{${expression}}}`);
  return values[expression];
}

/** The body or path with each {{expression}} replaced; a string that is one whole placeholder takes the value as is. */
function fillPlaceholders(template: unknown, values: Record<string, unknown>): any {
  if (typeof template === "string") {
    const whole = WHOLE.exec(template);
    if (whole) return valueOf(whole[1]!, values);
    return template.replace(/\{\{([^}]+)\}\}/g, (_m, expression: string) => String(valueOf(expression, values)));
  }
  if (Array.isArray(template)) return template.map((item) => fillPlaceholders(item, values));
  if (template !== null && typeof template === "object") {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillPlaceholders(v, values)]));
  }
  return template;
}

function requestOf(step: GuideStep, ctx: GuideContext, key: string): { request: GuideRequest; sent: unknown } {
  const values = step.values?.(ctx) ?? {};
  const filled = fillPlaceholders(step.path, values) as string;
  const path = /^https?:\/\//.test(filled) ? `${new URL(filled).pathname}${new URL(filled).search}` : `/api/v1${filled}`;
  // The header the guide's Step 1 tells every integration to send.
  const headers: Record<string, string> = { "X-CREDYT-API-KEY": step.key ?? key };
  if (step.body === undefined) return { request: { method: step.method, path, headers }, sent: undefined };
  const template = typeof step.body === "string" ? requests[step.body] : step.body.own;
  const sent = { ...fillPlaceholders(template, values), ...step.override };
  headers["Content-Type"] = "application/json";
  return { request: { method: step.method, path, headers, body: JSON.stringify(sent) }, sent };
}

export interface GuideRunOptions {
  /** Runs each step (Playwright wraps it in test.step); the default just runs it. */
  around?: (title: string, run: () => Promise<void>) => Promise<void>;
  /** Told of each step that passed, with its answer and the context after it (the check's own test replays checks). */
  observe?: (step: GuideStep, res: GuideResponse, ctx: GuideContext) => void;
}

/** Where a run stopped: the step's position (from 1), its title, and what did not match. */
export class GuideStepFailure extends Error {
  constructor(
    readonly position: number,
    readonly title: string,
    detail: string,
  ) {
    super(`Step ${position} (${title}) failed: ${detail}`);
  }
}

/**
 * Follows every API call of the guide in order on a fresh platform reached through `transport` with
 * `key`, checking each documented outcome. Stops at the first step whose answer differs.
 * @throws GuideStepFailure
 */
export async function checkGuide(transport: Transport, key: string, options: GuideRunOptions = {}): Promise<{ steps: number }> {
  const ctx: GuideContext = { ids: {}, sent: {} };
  const around = options.around ?? ((_title, run) => run());
  for (const [i, step] of GUIDE_STEPS.entries()) {
    const title = `${step.implied ? "(implied) " : ""}${step.title}`;
    await around(title, async () => {
      const { request, sent } = requestOf(step, ctx, key);
      const res = await transport(request);
      ctx.sent[step.name] = sent;
      try {
        step.check(res, ctx);
      } catch (error) {
        if (!(error instanceof GuideCheckFailure)) throw error;
        throw new GuideStepFailure(i + 1, title, `${error.message}\n  ${request.method} ${request.path} answered ${res.status}: ${res.text.slice(0, 600)}`);
      }
      options.observe?.(step, res, ctx);
    });
  }
  return { steps: GUIDE_STEPS.length };
}
