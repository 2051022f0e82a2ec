import type { Config } from "tailwindcss";

// Every colour is a CSS variable set from the platform's branding and the light/dark theme
// (app/globals.css and lib/domain/branding/theme.ts), so one class list serves every platform and theme.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "class",
  theme: {
    extend: {
      colors: {
        brand: {
          DEFAULT: "var(--brand)",
          fg: "var(--brand-fg)",
          text: "var(--brand-text)",
          soft: "var(--brand-soft)",
        },
        accent: { DEFAULT: "var(--accent)", fg: "var(--accent-fg)", text: "var(--accent-text)" },
        surface: { DEFAULT: "var(--surface)", raised: "var(--surface-raised)", sunken: "var(--surface-sunken)" },
        fg: { DEFAULT: "var(--fg)", muted: "var(--fg-muted)" },
        line: "var(--line)",
        danger: { DEFAULT: "var(--danger)", soft: "var(--danger-soft)" },
        warning: { DEFAULT: "var(--warning)", soft: "var(--warning-soft)" },
        success: { DEFAULT: "var(--success)", soft: "var(--success-soft)" },
        focus: "var(--focus)",
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
      },
      maxWidth: { page: "72rem" },
    },
  },
};

export default config;
