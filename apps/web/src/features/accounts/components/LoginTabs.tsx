import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface LoginTab {
  key: string;
  label: string;
  content: ReactNode;
}

/**
 * A minimal WAI-ARIA tab set for the login card. antd's Tabs (and Card, which imports it) bring
 * rc-tabs, rc-menu and the dropdown machinery: ~25 KB gzip the login page's budget cannot spare.
 */
export function LoginTabs({ items }: { items: readonly LoginTab[] }) {
  const baseId = useId();
  const [activeKey, setActiveKey] = useState(items[0]?.key ?? '');
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || items.length < 2) return;
    e.preventDefault();
    const next = (index + step + items.length) % items.length;
    const item = items[next];
    if (!item) return;
    setActiveKey(item.key);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="login-tabs">
      <div role="tablist" className="login-tablist">
        {items.map((item, index) => {
          const selected = item.key === activeKey;
          return (
            <button
              key={item.key}
              ref={(el) => {
                tabRefs.current[index] = el;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${item.key}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel-${item.key}`}
              tabIndex={selected ? 0 : -1}
              className={selected ? 'login-tab login-tab-active' : 'login-tab'}
              onClick={() => setActiveKey(item.key)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) => (
        <div
          key={item.key}
          role="tabpanel"
          id={`${baseId}-panel-${item.key}`}
          aria-labelledby={`${baseId}-tab-${item.key}`}
          hidden={item.key !== activeKey}
          className="login-tabpanel"
        >
          {item.key === activeKey && item.content}
        </div>
      ))}
    </div>
  );
}
