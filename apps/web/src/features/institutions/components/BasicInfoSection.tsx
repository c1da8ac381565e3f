import type { ReactNode } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, type InputNumberProps } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  BUSINESS_SCOPES,
  INSTITUTION_CATEGORIES,
  LICENCE_DELIVERY,
  ZEmail,
  ZIdCard,
  ZMobile,
  ZPostcode,
  ZUscc,
  type TBusinessScope,
} from '@jhrm/contracts';
import { optionalZodRules } from '../model/rules';
import { describeKind } from '../../../components/record/application-kind';
import type { Department } from '../api/applications.api';

const options = (values: readonly string[]) => values.map((v) => ({ label: v, value: v }));
/** Two columns on common screens, three on very wide ones (ID numbers must stay readable). */
const third = { xs: 24, lg: 12, xxl: 8 };
const full = { span: 24 };
const noFuture = (d: Dayjs) => d.isAfter(new Date(), 'day');
const YES_NO = [
  { label: '是', value: true },
  { label: '否', value: false },
];

function SectionTitle({ children }: { children: ReactNode }) {
  return <h2 className="inst-section-title">{children}</h2>;
}

/** Money and areas: non-negative, two decimals. (Form.Item's value, onChange and id pass through.) */
function Amount(props: InputNumberProps<number>) {
  return <InputNumber<number> {...props} className="inst-full" min={0} max={1e10} precision={2} />;
}

/** Counts: non-negative integers. */
function Count(props: InputNumberProps<number>) {
  return <InputNumber<number> {...props} className="inst-full" min={0} max={1e7} precision={0} />;
}

export function departmentOptions(departments: readonly Department[] | undefined) {
  return (departments ?? []).map((d) => ({ label: d.name, value: d.code }));
}

/**
 * 机构基本信息 with its sub-sections 机构联系信息 and 现有资产状况 (SPEC §3.1). Required fields carry
 * the asterisk; what is missing is reported by 提交, so 保存 works on any form. Format checks run
 * as soon as a field is left.
 */
export function BasicInfoSection({ departments, departmentsLoading }: { departments?: Department[]; departmentsLoading?: boolean }) {
  const scopes = Form.useWatch(['basic', 'scopes']) as TBusinessScope[] | undefined;
  const kind = describeKind(scopes).kind;
  const b = (key: string) => ['basic', key];

  return (
    <>
      <SectionTitle>机构基本信息</SectionTitle>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name={b('name')} label="机构名称" required>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('shortName')} label="机构简称">
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('uscc')} label="统一社会信用代码" required rules={optionalZodRules(ZUscc)} validateTrigger="onBlur">
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('category')} label="机构类别" required>
            <Select allowClear placeholder="请选择" options={options(INSTITUTION_CATEGORIES)} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('foundedOn')} label="成立时间" required>
            <DatePicker className="inst-full" disabledDate={noFuture} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('legalRep')} label="法人代表" required>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('legalRepIdCard')} label="法人身份证" required rules={optionalZodRules(ZIdCard)} validateTrigger="onBlur">
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('legalRepPhone')} label="法人电话" required rules={optionalZodRules(ZMobile)} validateTrigger="onBlur" extra="手机号码">
            <Input maxLength={11} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('legalRepTitle')} label="法人职务" required>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('registeredCapital')} label="注册资金(万元)" required>
            <Amount />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('department')} label="审批部门" required>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="请选择"
              loading={departmentsLoading}
              options={departmentOptions(departments)}
            />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="申请类型" htmlFor="establishment_basic_kind" extra="根据申请业务自动判断">
            <Input id="establishment_basic_kind" readOnly tabIndex={-1} value={kind ?? ''} placeholder="待定" />
          </Form.Item>
        </Col>
        <Col {...full}>
          <Form.Item name={b('scopes')} label="申请业务" required>
            <Checkbox.Group className="inst-scopes" options={options(BUSINESS_SCOPES)} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('websiteName')} label="网站名称">
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('websiteDomain')} label="网站域名">
            <Input maxLength={200} autoComplete="off" placeholder="如：www.example.com" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('licenceDelivery')} label="获取许可证方式">
            <Select allowClear placeholder="请选择" options={options(LICENCE_DELIVERY)} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('staffCount')} label="从业人员人数">
            <Count />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('qualifiedCount')} label="具有执业资格人数">
            <Count />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('internalDepartments')} label="内设机构名称">
            <Input maxLength={500} autoComplete="off" placeholder="如果包含多个内设机构，请用逗号隔开" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('branches')} label="分支机构名称">
            <Input maxLength={500} autoComplete="off" placeholder="如果包含多个分支机构，请用逗号隔开" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('remarks')} label="备注">
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>

      <SectionTitle>机构联系信息</SectionTitle>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name={b('contactPerson')} label="机构负责人" required>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('contactMobile')} label="手机号码" required rules={optionalZodRules(ZMobile)} validateTrigger="onBlur">
            <Input maxLength={11} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item label="单位电话" htmlFor="establishment_basic_phoneNumber" extra="区号 - 电话号码 - 分机号">
            <Space.Compact className="inst-full">
              <Form.Item name={b('phoneAreaCode')} noStyle rules={[{ pattern: /^0\d{2,3}$/, message: '区号格式不正确' }]}>
                <Input aria-label="区号" placeholder="区号" maxLength={4} inputMode="numeric" style={{ width: '28%' }} />
              </Form.Item>
              <Form.Item name={b('phoneNumber')} noStyle rules={[{ pattern: /^\d{7,8}$/, message: '单位电话应为7-8位数字' }]}>
                <Input aria-label="单位电话" placeholder="电话号码" maxLength={8} inputMode="numeric" style={{ width: '44%' }} />
              </Form.Item>
              <Form.Item name={b('phoneExtension')} noStyle rules={[{ pattern: /^\d{1,6}$/, message: '分机号应为1-6位数字' }]}>
                <Input aria-label="分机号" placeholder="分机号" maxLength={6} inputMode="numeric" style={{ width: '28%' }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('fax')} label="传真号码">
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('byPost')} label="是否邮寄" required>
            <Select allowClear placeholder="请选择" options={YES_NO} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('postcode')} label="邮政编码" required rules={optionalZodRules(ZPostcode)} validateTrigger="onBlur">
            <Input maxLength={6} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('officeAddress')} label="办公地址" required>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('email')} label="电子邮件" rules={optionalZodRules(ZEmail)} validateTrigger="onBlur">
            <Input maxLength={254} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>

      <SectionTitle>现有资产状况</SectionTitle>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item name={b('premisesArea')} label="固定经营场所面积(m²)" required>
            <Amount />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('facilitiesValue')} label="设施总值(万元)" required>
            <Amount />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('totalAssets')} label="现有资产总额(万元)" required>
            <Amount />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('netAssets')} label="净资产总额(万元)" required>
            <Amount />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('ownedOfficeArea')} label="自有办公用房面积(m²)">
            <Amount />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('rentedOfficeArea')} label="租用办公用房面积(m²)">
            <Amount />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('officeAreaTotal')} label="办公场地合计面积(m²)" required>
            <Amount />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name={b('officeCount')} label="办公场地数量" required>
            <Count />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
