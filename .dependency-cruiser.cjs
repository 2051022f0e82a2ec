// The layer rule (docs/architecture.md): kernel → domain → workflows → http and boot → app and components.
// A lower layer never imports a higher one, lib folders form no cycles, and production code never reaches
// test tooling. Run by `npm run lint`.
const LAYERS = ["lib/kernel", "lib/domain", "lib/workflows", "lib/http|lib/boot", "app|components"];
const TESTS = "(\\.test\\.ts$|^test/|^e2e/)";

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `${layer.split("|")[0].replace("lib/", "")}-imports-only-below`,
  comment: `${layer} may import only the layers below it.`,
  severity: "error",
  from: { path: `^(${layer})/`, pathNot: TESTS },
  to: { path: `^(${LAYERS.slice(i + 1).join("|")})/` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "http-and-boot-apart",
      comment: "The route kit and start-up are side by side; neither imports the other.",
      severity: "error",
      from: { path: "^lib/(http|boot)/", pathNot: TESTS },
      to: { path: "^lib/(http|boot)/", pathNot: "^lib/$1/" },
    },
    {
      name: "no-folder-cycles",
      comment: "lib folders, and the folders inside them, import each other in one direction only.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "no-test-tooling-in-production",
      comment: "Stubs, fixtures and trust worlds are for tests only.",
      severity: "error",
      from: { pathNot: `${TESTS}|^scripts/|^(vitest|playwright)\\.config\\.ts$` },
      to: { path: "^(test|e2e)/" },
    },
  ],
  options: {
    // Tests may import anything; they are left out, and test tooling is seen but not followed.
    doNotFollow: { path: "node_modules|^(test|e2e)/" },
    exclude: { path: "^(node_modules|\\.next|\\.data|test-results|playwright-report)/|\\.test\\.ts$" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".mjs", ".js"] },
  },
};
