import type { WxtStorageItem } from '#imports';
import { useEffect, useState } from 'preact/hooks';

/** A setting's current value (undefined until read), kept current when any surface changes it. */
export function useStoredValue<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void item.getValue().then((stored) => live && setValue(() => stored));
    const unwatch = item.watch((next) => setValue(() => next));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
