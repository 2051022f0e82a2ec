export const TOKEN_ISSUER = "Billfold.Api";
export const TOKEN_AUDIENCE = "CustomerPortal";
export const TOKEN_PURPOSE = "portal-session-redirect";
export const TOKEN_LIFETIME_SECONDS = 600;
