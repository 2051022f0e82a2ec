import { fileURLToPath } from "node:url";

/** Path of the production server entry, for the scripts that start it as a child process. */
export const serverScript = fileURLToPath(new URL("./serve.mjs", import.meta.url));
