/** One value per key, built once: Intl objects are costly to make and safe to share. */
export function memoize<T>(make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size > 200) cache.clear();
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}
