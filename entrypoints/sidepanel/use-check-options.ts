import { useEffect, useState } from 'preact/hooks';
import { localToday } from '@/utils/calendar-date';
import type { StagingCheckOptions } from '@/utils/staging-protocol';
import { keepIneligibleEntries } from '@/utils/staging-settings';
import { statusOptionsFrom } from '@/utils/status-options';
import { readStatusSettings, watchStatusSettings } from '@/utils/status-settings';

/** The check's dates and assumptions from the same settings the overlay uses, so both show the same verdicts. */
export function useCheckOptions(): StagingCheckOptions | null {
  const [options, setOptions] = useState<StagingCheckOptions | null>(null);
  useEffect(() => {
    let live = true;
    const read = async () => {
      const [settings, keepIneligible] = await Promise.all([readStatusSettings(), keepIneligibleEntries.getValue()]);
      const next: StagingCheckOptions = { ...statusOptionsFrom(settings, localToday()), keepIneligible };
      if (live) setOptions((previous) => (previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    };
    void read();
    // A panel left open past midnight checks against the new day when it is looked at again.
    const onVisible = () => document.visibilityState === 'visible' && void read();
    document.addEventListener('visibilitychange', onVisible);
    const stops = [watchStatusSettings(() => void read()), keepIneligibleEntries.watch(() => void read())];
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
      stops.forEach((stop) => stop());
    };
  }, []);
  return options;
}
