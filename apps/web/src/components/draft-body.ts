import type { ReactNode } from 'react';
import type { FormInstance } from 'antd';
import type { TApplicationDetail } from '@jhrm/contracts';

/**
 * The contract between the draft lifecycle (features/applications) and a submission kind's form
 * body (e.g. the 设立 form in features/institutions). Features do not import each other, so both
 * take it from here and the app layer plugs one into the other.
 */

/** A problem link asks a list to open this row (and field); `nonce` makes a repeated request new. */
export interface RowFocusRequest {
  index: number;
  field?: string;
  nonce: number;
}

/** What a kind's form body gets: the form with its state, and the toolbar and banners to place. */
export interface DraftBodyProps<V> {
  form: FormInstance<V>;
  initialValues: V;
  editable: boolean;
  detail: TApplicationDetail | null;
  activeTab: string;
  onTabChange: (key: string) => void;
  /** The antd Form's onValuesChange. */
  onValuesChange: (changed: unknown) => void;
  /** Per list tab, the row a problem link asks it to open. */
  rowFocus: Readonly<Record<string, RowFocusRequest | null>>;
  /** The toolbar (保存, 提交 …), for the body to place under its tab bar. */
  toolbar: ReactNode;
  /** The banners (status, 审核意见, conflicts, problems), for the body to place above its form. */
  banners: ReactNode;
}
