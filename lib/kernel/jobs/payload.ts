import { z } from "zod";

// Job payloads are written by this server into its own jobs table (JSON), so these are not request
// fields: they parse back what enqueueJob stored, at the handler's boundary.

/** An id or name the payload carries. */
export const payloadText = () => z.string().min(1);

/** An integer the payload carries (a row id, an index). */
export const payloadInt = () => z.number().int();

/** An instant stored as ISO 8601 text. */
export const payloadTime = () =>
  z
    .string()
    .transform((text) => new Date(text))
    .refine((date) => !Number.isNaN(date.getTime()), "Not a timestamp.");

/** The platform scope most payloads carry; a payload without liveMode is test mode. */
export const payloadScope = {
  platformId: payloadText(),
  liveMode: z
    .boolean()
    .optional()
    .transform((live) => live === true),
};

/** A job that takes no payload. */
export const noPayload = z.unknown();
