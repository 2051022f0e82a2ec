import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";

// Every ASCII letter becomes an accented look-alike, so English that skipped the catalogues stands out.
const PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ACCENTED = "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
const MAP = new Map([...PLAIN].map((c, i) => [c, [...ACCENTED][i]!]));

function accent(text: string): string {
  const letters = [...text].map((c) => MAP.get(c) ?? c).join("");
  // About a third longer, as German and French often are, to show what will not fit.
  const pad = text.trim() ? "·".repeat(Math.ceil(text.trim().length / 3)) : "";
  return letters + pad;
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    switch (el.type) {
      case TYPE.literal:
        return { ...el, value: accent(el.value) };
      case TYPE.select:
      case TYPE.plural:
        return { ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: transform(o.value) }])) };
      case TYPE.tag:
        return { ...el, children: transform(el.children) };
      default:
        return el;
    }
  });
}

/** One ICU message in the pseudo-locale: literals accented and lengthened, arguments, plurals and tags intact. */
export function pseudoMessage(message: string): string {
  return printAST(transform(parse(message)));
}

export type Messages = { [key: string]: string | Messages };

/** A whole catalogue in the pseudo-locale. */
export function pseudoMessages(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, typeof v === "string" ? pseudoMessage(v) : pseudoMessages(v)]));
}
