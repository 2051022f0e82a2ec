export * from "./json-number";
export * from "./parse";
export * from "./stringify";
