import { overlayEnabled } from '@/utils/settings';
import { SettingSwitch } from './SettingSwitch';

/** Badges on ACE pages on or off; open ACE tabs follow at once. */
export function OverlaySwitch({ withHelp = false }: { withHelp?: boolean }) {
  return (
    <SettingSwitch item={overlayEnabled} id="overlay-enabled" label="Badges on ACE pages">
      {withHelp ? 'Eligibility badges and deadline countdowns next to every entry number on ACE Portal pages.' : undefined}
    </SettingSwitch>
  );
}
