/** Decodes Stripe's form encoding (`a[b][0][c]=v`) into nested objects and arrays of strings. */
export function decodeForm(text: string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: any = out;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]!);
      if (last) node[segment] = value;
      else node = node[segment] ??= nextIsIndex ? [] : {};
    });
  }
  return out;
}
