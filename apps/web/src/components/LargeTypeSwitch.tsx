import { Button } from 'antd';
import { setLargeType, useLargeType } from '../lib/large-type';

/** 大字版 / 标准版: the switch of the page headers (remembered in this browser). */
export function LargeTypeSwitch({ className }: { className?: string }) {
  const on = useLargeType();
  return (
    <Button size="small" className={className} aria-pressed={on} onClick={() => setLargeType(!on)}>
      {on ? '标准版' : '大字版'}
    </Button>
  );
}
