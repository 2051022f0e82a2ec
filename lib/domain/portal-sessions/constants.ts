export const TOKEN_ISSUER = "Billfold.Api";
export const TOKEN_AUDIENCE = "CustomerPortal";
export const TOKEN_PURPOSE = "portal-session-redirect";
export const TOKEN_LIFETIME_SECONDS = 600;

/** Where a sign-in link may send the customer inside the portal: a plain absolute path, never another host. */
export const PORTAL_PATH = /^\/(?!\/)[A-Za-z0-9/_-]{0,200}$/;
