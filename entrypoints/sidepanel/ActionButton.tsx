import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';

type ActionButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'onClick' | 'type'> & {
  disabled?: boolean;
  onClick: () => void;
  children: ComponentChildren;
};

/**
 * A button that stays focusable while it cannot act (aria-disabled): a keyboard user who just removed the selection
 * keeps their place instead of losing focus to the page.
 */
export function ActionButton({ disabled = false, onClick, children, ...rest }: ActionButtonProps) {
  return (
    <button type="button" {...rest} aria-disabled={disabled ? 'true' : undefined} onClick={() => !disabled && onClick()}>
      {children}
    </button>
  );
}
