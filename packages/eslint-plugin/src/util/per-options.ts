/**
 * Memoises what a rule derives from its options (compiled patterns, name sets) on the options
 * object. `createRule` hands every file of a config the same merged options object, so the work
 * runs once per configuration instead of once per file.
 */
export function perOptions<Options extends object, Derived>(derive: (options: Options) => Derived): (options: Options) => Derived {
  const derived = new WeakMap<Options, Derived>();
  return (options) => {
    if (derived.has(options)) return derived.get(options)!;
    const result = derive(options);
    derived.set(options, result);
    return result;
  };
}
