import { OverlaySwitch } from '@/components/OverlaySwitch';
import { SettingSwitch } from '@/components/SettingSwitch';
import { useStoredValue } from '@/components/useStoredValue';
import { isCalendarDate } from '@/utils/calendar-date';
import { assumeMissingFlagsAreNo, captureClaimsEnabled, checkAsOfDate, toolbarDeadlineBadgeEnabled } from '@/utils/settings';

function CheckAsOfDate() {
  const value = useStoredValue(checkAsOfDate);
  return (
    <div class="setting">
      <div class="field">
        <label for="check-as-of">Check entries as of</label>
        <div class="button-row">
          <input
            id="check-as-of"
            type="date"
            value={value ?? ''}
            aria-describedby="check-as-of-help"
            onChange={(event) => {
              const text = (event.currentTarget as HTMLInputElement).value;
              if (text === '') void checkAsOfDate.setValue(null);
              else if (isCalendarDate(text)) void checkAsOfDate.setValue(text);
            }}
          />
          <button type="button" onClick={() => void checkAsOfDate.setValue(null)} disabled={value === null || value === undefined}>
            Use today
          </button>
        </div>
        <p id="check-as-of-help" class="muted">
          {value ? `Verdicts and countdowns show how things will stand on ${value}. ` : 'Verdicts and countdowns are for today. '}
          Pick a date to plan a filing day: the badges, the popup and the toolbar count all use it.
        </p>
      </div>
    </div>
  );
}

export function SettingsPanel() {
  return (
    <section class="panel" id="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <OverlaySwitch withHelp />
      <SettingSwitch item={captureClaimsEnabled} id="capture-claims" label="Save claims seen on CAPE pages">
        When you open the File Uploads, Claim Status or claim details pages of ACE's CAPE tab, claim numbers, statuses and each entry's outcome are saved to
        your history here.
      </SettingSwitch>
      <SettingSwitch item={assumeMissingFlagsAreNo} id="assume-missing-flags" label="Take flags a report does not show as “no”">
        ACE reports rarely show the reconciliation, drawback, protest and AD/CVD flags, yet CAPE rejects entries that have them. When this is on, a flag the
        report does not show is taken as “no”, and every verdict that rests on that says so. When it is off, such entries show “Check data” until the flag is
        known.
      </SettingSwitch>
      <CheckAsOfDate />
      <SettingSwitch item={toolbarDeadlineBadgeEnabled} id="toolbar-badge" label="Deadline count on the toolbar icon">
        Shows on the CAPE Companion icon how many entries in your history leave the 80-day CAPE window within 7 days and are not on a claim yet.
      </SettingSwitch>
    </section>
  );
}
