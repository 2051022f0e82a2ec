import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export type Flat = Map<string, string>;

/** Every directory under `root` holding <locale>.json files: one catalogue set each, locale → flattened messages. */
export function catalogueSets(root: string): Map<string, Map<string, Flat>> {
  const sets = new Map<string, Map<string, Flat>>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".json")) {
        const set = relative(root, dir) || ".";
        if (!sets.has(set)) sets.set(set, new Map());
        sets.get(set)!.set(entry.name.slice(0, -5), flatten(JSON.parse(readFileSync(path, "utf8")) as object));
      }
    }
  };
  walk(root);
  return sets;
}

function flatten(tree: object, prefix = "", out: Flat = new Map()): Flat {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else if (value && typeof value === "object") flatten(value as object, path, out);
    else out.set(path, String(value));
  }
  return out;
}

/** The argument and tag names a message uses, sorted: translations must use the same ones. */
export function icuArguments(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if (el.type === TYPE.tag) {
        names.add(`<${el.value}>`);
        visit(el.children);
        continue;
      }
      names.add(el.value);
      if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) visit(option.value);
    }
  };
  visit(parse(message));
  return [...names].sort();
}
