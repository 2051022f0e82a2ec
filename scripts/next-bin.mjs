import { createRequire } from "node:module";

/** Path of Next's CLI, run with this Node directly so signals reach the server itself (no npx wrapper). */
export const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
