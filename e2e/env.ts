// Shared by playwright.config.ts (which starts the server) and the specs (which talk to it).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_ADMIN_TOKEN = "e2e-admin-token-000000000000000000000000000000";
export const E2E_SECRET = "e2e-signing-secret-0123456789abcdef0123456789";
