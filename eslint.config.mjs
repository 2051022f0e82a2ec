import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import vitest from "@vitest/eslint-plugin";
import playwright from "eslint-plugin-playwright";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "lib/kernel/db/migrations/**"],
  },
  {
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Request schemas are written in lib/kernel/fields/fields.ts's vocabulary: text both databases store and return
    // unchanged, bounded numbers and timestamps. What is not a request (env, responses, Stripe's signed
    // events, our own signed tokens and stored settings) may use zod's own.
    files: ["lib/**/*.ts", "app/**/*.ts", "app/**/*.tsx"],
    ignores: [
      "lib/kernel/fields/fields.ts", "lib/kernel/jobs/payload.ts", "lib/kernel/env.ts", "lib/http/openapi/**", "lib/domain/payments/inbound-webhooks/event-schemas.ts", "lib/domain/portal-sessions/token-claims.ts",
      "lib/domain/platforms/settings.ts", "lib/domain/platforms/guardrails/settings.ts", "lib/domain/catalog/definition-codec.ts", "lib/kernel/db/rows.ts", "test/**", "**/*.test.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='z'][property.name=/^(string|email|iso|coerce|url|uuid|number|int|date)$/]",
          message: "Request fields come from lib/kernel/fields/fields.ts (textField, idField, decimalField, intField, timestampField…).",
        },
      ],
    },
  },
  {
    // A body read whole before its size is known lets any upload fill the server's memory.
    files: ["app/**", "lib/**", "proxy.ts"],
    ignores: ["**/*.test.ts", "test/**", "lib/http/read-body.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["req", "request"].flatMap((object) =>
          ["text", "json", "formData", "arrayBuffer", "blob", "bytes", "body"].map((property) => ({
            object,
            property,
            message: "Read request bodies through readBodyText (lib/http/read-body.ts), which stops at the route's limit.",
          })),
        ),
      ],
    },
  },
  {
    files: ["scripts/**", "e2e/**", "**/*.test.ts", "test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // A test that asserts nothing cannot fail.
    files: ["**/*.test.ts", "test/**"],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      "vitest/expect-expect": ["error", { assertFunctionNames: ["expect", "expect*", "assert*", "fc.assert", "check*"] }],
      "vitest/no-focused-tests": "error",
      // Helpers that assert for several tests are fine; an expect message is a second argument.
      "vitest/valid-expect": ["error", { maxArgs: 2 }],
      "vitest/no-standalone-expect": "off",
      // Table-driven cases choose their assertion per row.
      "vitest/no-conditional-expect": "off",
      "vitest/valid-expect-in-promise": "error",
    },
  },
  {
    ...playwright.configs["flat/recommended"],
    files: ["e2e/**"],
    rules: {
      ...playwright.configs["flat/recommended"].rules,
      // Playwright fixtures receive a `use` callback that is not React's hook.
      "react-hooks/rules-of-hooks": "off",
      "playwright/no-wait-for-timeout": "error",
      "playwright/no-focused-test": "error",
      "playwright/no-skipped-test": "error",
      "playwright/expect-expect": ["error", { assertFunctionNames: ["expect*", "assert*", "check*"] }],
    },
  },
];

export default config;
