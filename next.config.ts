import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// A benchmark build (npm run bench:ingest) also compiles the *.bench.ts routes: the constant echo that measures the
// framework's own ceiling. Normal builds leave them out, so no deployment serves them.
const benchBuild = process.env.BILLFOLD_BENCH_BUILD === "1";

const nextConfig: NextConfig = {
  pageExtensions: benchBuild ? ["tsx", "ts", "bench.ts"] : ["tsx", "ts"],
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  // pdfkit reads its own font metrics from its package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "stripe", "pdfkit"],
  poweredByHeader: false,
  reactStrictMode: true,
  // API responses are JSON or CSV and must never be sniffed into something else.
  async headers() {
    return [{ source: "/api/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

// Portal messages come from messages/<locale>.json through next-intl (i18n/request.ts).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
