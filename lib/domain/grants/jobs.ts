// Importing this module registers the grant job kinds (expiry, entitlement refresh, expiring notices).
import "./expire-grant";
import "./entitlements";
import "./expiring-notice";
