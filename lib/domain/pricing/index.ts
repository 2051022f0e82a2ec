export * from "./dimensions";
export * from "./fee-math";
export * from "./rate-event";
export * from "./rate-price";
export * from "./types";
