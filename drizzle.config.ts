import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/kernel/db/schema/index.ts",
  out: "./lib/kernel/db/migrations",
  casing: "snake_case",
});
