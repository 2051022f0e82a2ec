export * from "./decimal";
export * from "./parse";
