import type { WxtStorageItem } from '#imports';
import type { ComponentChildren } from 'preact';
import { useStoredValue } from './useStoredValue';

export interface SettingSwitchProps {
  item: WxtStorageItem<boolean, Record<string, unknown>>;
  label: string;
  /** Plain explanation under the label. */
  children?: ComponentChildren;
  id: string;
}

/** An on/off setting as a switch; it follows changes made on other surfaces and says its state in words. */
export function SettingSwitch({ item, label, children, id }: SettingSwitchProps) {
  const value = useStoredValue(item);
  return (
    <div class="setting">
      <label class="switch" for={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={value === true}
          disabled={value === undefined}
          aria-describedby={children ? `${id}-help` : undefined}
          onChange={(event) => void item.setValue((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>
          {label}: <strong>{value === undefined ? '…' : value ? 'on' : 'off'}</strong>
        </span>
      </label>
      {children && (
        <p id={`${id}-help`} class="muted setting__help">
          {children}
        </p>
      )}
    </div>
  );
}
