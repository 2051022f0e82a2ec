export * from "./after-debit";
export * from "./errors";
export * from "./invariants";
export * from "./post-transfers";
export * from "./types";
