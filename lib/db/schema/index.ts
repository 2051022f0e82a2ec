export * from "./assets";
export * from "./customers";
export * from "./ledger";
export * from "./platforms";
export * from "./portal";
export * from "./payments";
export * from "./test-provider";
