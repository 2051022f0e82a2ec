export * from "./assets";
export * from "./customers";
export * from "./ledger";
export * from "./platforms";
export * from "./portal";
export * from "./jobs";
export * from "./webhooks";
export * from "./rate-limits";
