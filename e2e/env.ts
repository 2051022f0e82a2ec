import { freePortSync } from "../scripts/free-port.mjs";

// Shared by playwright.config.ts (which starts the server) and the specs (which talk to it). Without
// E2E_PORT the server gets a port that is free now; the config runs first and sets it, so the worker
// processes (which inherit the environment) agree on it.
process.env.E2E_PORT ??= String(freePortSync());
export const E2E_PORT = Number(process.env.E2E_PORT);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_ADMIN_TOKEN = "e2e-admin-token-000000000000000000000000000000";
export const E2E_SECRET = "e2e-signing-secret-0123456789abcdef0123456789";
