import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueSets, icuArguments } from "./catalogue-files";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from "./locales";

const ROOT = join(import.meta.dirname, "../../..");
const sets = catalogueSets(join(ROOT, "messages"));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * The portal catalogue keys the code uses: `t("key")` (and t.rich / t.markup / t.has) on every translator
 * bound with useTranslations("ns"), getTranslations("ns") or routeTranslator(), plus pageTitle("key"). A translator called
 * with anything but a literal key is reported, so no key can hide from this check.
 */
function usedKeys(): { used: Set<string>; dynamic: string[]; rebound: string[] } {
  const used = new Set<string>();
  const dynamic: string[] = [];
  const rebound: string[] = [];
  for (const file of ["app", "components", "lib", "i18n"].flatMap(sourceFiles)) {
    const source = readFileSync(file, "utf8");
    const translators = new Map<string, string>();
    // One namespace per translator name in a file, so every call is attributed without reading scopes.
    const bind = (name: string, ns: string) => {
      if (translators.has(name) && translators.get(name) !== ns) rebound.push(`${file}: ${name} is bound to ${translators.get(name)} and ${ns}`);
      translators.set(name, ns);
    };
    for (const m of source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*"([\w.]+)"\s*\)/g)) bind(m[1]!, m[2]!);
    for (const m of source.matchAll(/const\s+\[([\w\s,]+)\]\s*=\s*await\s+Promise\.all\(\[([^\]]+)\]\)/g)) {
      const names = m[1]!.split(",").map((s) => s.trim());
      const calls = [...m[2]!.matchAll(/getTranslations\(\s*"([\w.]+)"\s*\)/g)].map((c) => c[1]!);
      if (calls.length === names.length) names.forEach((n, i) => bind(n, calls[i]!));
    }
    // An API route's translator (lib/workflows/portal/route-translator.ts) spans the whole catalogue.
    for (const m of source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*await\s+routeTranslator\(/g)) bind(m[1]!, "");
    for (const m of source.matchAll(/\bpageTitle\(\s*"(\w+)"\s*\)/g)) used.add(`titles.${m[1]}`);
    for (const [name, ns] of translators) {
      for (const call of source.matchAll(new RegExp(`(?<![\\w.])${name}(?:\\.(?:rich|markup|has))?\\(\\s*([^)\\s])`, "g"))) {
        const rest = source.slice(call.index + call[0].length - 1);
        const literal = /^"([\w.]+)"/.exec(rest);
        if (literal) used.add(ns ? `${ns}.${literal[1]}` : literal[1]!);
        else dynamic.push(`${file}: ${name}(${rest.slice(0, 30)}…`);
      }
    }
  }
  return { used, dynamic, rebound };
}

describe("message catalogues", () => {
  it("the portal set exists, with English", () => {
    expect(sets.get(".")?.has(DEFAULT_LOCALE)).toBe(true);
  });

  for (const [name, set] of sets) {
    describe(`messages/${name === "." ? "" : `${name}/`}`, () => {
      it("has a catalogue for every supported locale and no other", () => {
        expect([...set.keys()].sort()).toEqual([...SUPPORTED_LOCALES].sort());
      });

      it("every locale has exactly the English keys, each with the same ICU arguments and tags", () => {
        const english = set.get(DEFAULT_LOCALE)!;
        for (const [locale, messages] of set) {
          expect([...messages.keys()].sort(), `${name}/${locale}.json keys`).toEqual([...english.keys()].sort());
          for (const [key, message] of messages) {
            const reference = english.get(key);
            if (reference === undefined) continue;
            expect(icuArguments(message), `${name}/${locale}.json ${key}: ${message}`).toEqual(icuArguments(reference));
          }
        }
      });
    });
  }

  it("the code uses every portal key, and only keys the catalogue has", () => {
    const { used, dynamic, rebound } = usedKeys();
    expect(dynamic, "translators called with a key that is not a literal").toEqual([]);
    expect(rebound, "translator names bound to two namespaces in one file").toEqual([]);
    const english = [...sets.get(".")!.get(DEFAULT_LOCALE)!.keys()];
    expect([...used].filter((k) => !english.includes(k)).sort(), "keys the code uses that en.json lacks").toEqual([]);
    expect(english.filter((k) => !used.has(k)).sort(), "keys in en.json that no code uses").toEqual([]);
  });
});
