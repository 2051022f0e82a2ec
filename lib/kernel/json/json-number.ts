/** A JSON number kept as its source text, so no float ever stands between the wire and a Decimal. */
export class JsonNumber {
  constructor(readonly text: string) {}

  toJSON(): number {
    return Number(this.text);
  }
}
