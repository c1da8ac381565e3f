import type { ButtonHTMLAttributes } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** 40 px high, 16 px text: antd's `size="large"` */
  large?: boolean;
  /** full width: antd's `block` */
  block?: boolean;
  /** a spinner before the label, and the button refuses clicks: antd's `loading` */
  loading?: boolean;
};

/**
 * A primary button in plain markup, drawn like antd's (global.css `.primary-button`), for the
 * login path only: antd's Button with its styles and motion costs ~8 KB gzip of the login page's
 * first-paint budget. Everywhere else, use antd's Button.
 */
export function PrimaryButton({ large, block, loading, className, type = 'button', disabled, children, ...rest }: Props) {
  const classes = ['primary-button', large && 'primary-button-large', block && 'primary-button-block', loading && 'primary-button-loading', className];
  return (
    <button {...rest} type={type} className={classes.filter(Boolean).join(' ')} disabled={disabled || loading} aria-busy={loading || undefined}>
      {loading && <span className="primary-button-spinner" aria-hidden="true" />}
      <span>{children}</span>
    </button>
  );
}
