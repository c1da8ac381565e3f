import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, ConfigProvider, Form, Input, Tabs, type TabsProps } from 'antd';
import type { DraftBodyProps } from '../../../components/draft-body';
import { ApplicationStatusTag, StatusTag } from '../../../components/StatusTag';

type Props<V> = Pick<DraftBodyProps<V>, 'form' | 'initialValues' | 'editable' | 'activeTab' | 'onTabChange' | 'onValuesChange' | 'toolbar' | 'banners' | 'detail'> & {
  /** the page's heading */
  title: string;
  /** the page's own class (inst-establishment …) */
  className: string;
  /** what the header shows after the status (设立: its 申请类型) */
  headerExtra?: ReactNode;
  /** the antd form's name (problem links find fields by it) */
  name: string;
  items: NonNullable<TabsProps['items']>;
};

/**
 * An institution form of the draft lifecycle (设立, 变更, 注销): the card with its heading and the
 * application's status, the lifecycle's banners, then its tabs with the toolbar under the tab bar,
 * disabled once submitted.
 */
export function DraftTabsForm<V extends object>(props: Props<V>): ReactNode {
  const { title, className, headerExtra, banners, detail } = props;
  return (
    <div className={`inst-page ${className}`}>
      <div className="inst-card">
        <header className="inst-header">
          <h1>{title}</h1>
          {detail?.status ? <ApplicationStatusTag status={detail.status} /> : <StatusTag tone="neutral">新建（未保存）</StatusTag>}
          {headerExtra}
        </header>

        {banners}

        <TabsForm {...props} />
      </div>
    </div>
  );
}

function TabsForm<V extends object>({ form, name, initialValues, editable, activeTab, onTabChange, onValuesChange, toolbar, items }: Props<V>): ReactNode {
  return (
    <Form<V>
      form={form}
      name={name}
      layout="horizontal"
      labelCol={{ flex: '170px' }}
      labelWrap
      wrapperCol={{ flex: '1 1 0' }}
      disabled={!editable}
      initialValues={initialValues}
      onValuesChange={onValuesChange}
    >
      <Tabs
        activeKey={activeTab}
        onChange={onTabChange}
        renderTabBar={(props, DefaultTabBar) => (
          <>
            <DefaultTabBar {...props} />
            {toolbar}
          </>
        )}
        items={items}
      />
    </Form>
  );
}

/** The head of a kind's own tab: the institution it concerns, its id kept in the form, by name. */
export function InstitutionItems({ name, className }: { name: string | null | undefined; className?: string }): ReactNode {
  return (
    <>
      <Form.Item name="institutionId" hidden>
        <Input />
      </Form.Item>
      <Form.Item label="机构名称" {...(className ? { className } : {})}>
        <span>{name ?? ''}</span>
      </Form.Item>
    </>
  );
}

/** The foot of a kind's own tab: 取消, back to `to`, usable also once the form is read-only. */
export function CancelItem({ to }: { to: string }): ReactNode {
  const navigate = useNavigate();
  return (
    <ConfigProvider componentDisabled={false}>
      <Form.Item label=" " colon={false}>
        <Button onClick={() => void navigate(to)}>取消</Button>
      </Form.Item>
    </ConfigProvider>
  );
}
