import { StatusTag } from '../../../components/StatusTag';
import { daysLeftDisplay } from '../model/days-left';

/** 剩余工作日: red when overdue (已超期N个工作日), orange within three working days. */
export function DaysLeftTag({ daysLeft, dueOn }: { daysLeft: number | null; dueOn?: string | null }) {
  const d = daysLeftDisplay(daysLeft);
  if (!d) return null;
  return (
    <span title={dueOn ? `办理期限：${dueOn}（20个工作日）` : undefined}>
      <StatusTag tone={d.tone}>{d.text}</StatusTag>
    </span>
  );
}
