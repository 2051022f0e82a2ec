export * from "./assets";
export * from "./catalog";
export * from "./customers";
export * from "./events";
export * from "./ledger";
export * from "./platforms";
export * from "./portal";
export * from "./vendors";
