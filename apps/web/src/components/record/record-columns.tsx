import './record.css';
import type { TableColumnsType } from 'antd';
import { FACILITY_COLUMNS, FEE_COLUMNS, STAFF_COLUMNS, maskIdCard, maskMobile, type ListColumn, type TFacility, type TServiceFee, type TStaffMember } from '@jhrm/contracts';

const MASKS = { idCard: maskIdCard, mobile: maskMobile } as const;

/** A list's table columns from the field catalogue: the title is the label, personal data masked. */
function columnsOf<T>(catalogue: Record<string, ListColumn>, shown: [key: keyof T & string, width?: number][]): TableColumnsType<T> {
  return shown.map(([key, width]) => {
    const c = catalogue[key]!;
    const mask = c.masking ? MASKS[c.masking] : undefined;
    return {
      title: c.label,
      dataIndex: key,
      key,
      ...(width ? { width } : {}),
      ...(mask ? { render: (v: string) => <span className="rec-masked">{mask(v)}</span> } : {}),
    };
  });
}

/** The list's columns (also on 查看): 身份证号 and 手机号码 masked. */
export const staffColumns = columnsOf<TStaffMember>(STAFF_COLUMNS, [
  ['name', 110],
  ['idType', 110],
  ['idCard', 190],
  ['education', 110],
  ['mobile', 130],
]);

/** 现有设施情况 */
export const facilityColumns = columnsOf<TFacility>(FACILITY_COLUMNS, [['name'], ['unit', 90], ['quantity', 90], ['area', 110], ['value', 130]]);

/** 服务及收费标准 */
export const feeColumns = columnsOf<TServiceFee>(FEE_COLUMNS, [['business', 160], ['content'], ['procedure'], ['feeItem', 140], ['feeStandard', 160]]);
