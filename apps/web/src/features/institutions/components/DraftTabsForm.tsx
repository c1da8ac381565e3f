import type { ReactNode } from 'react';
import { Form, Tabs, type TabsProps } from 'antd';
import type { DraftBodyProps } from '../../../components/draft-body';

type Props<V> = Pick<DraftBodyProps<V>, 'form' | 'initialValues' | 'editable' | 'activeTab' | 'onTabChange' | 'onValuesChange' | 'toolbar'> & {
  /** the antd form's name (problem links find fields by it) */
  name: string;
  items: NonNullable<TabsProps['items']>;
};

/** An institution form of the draft lifecycle: its tabs with the toolbar under the tab bar, disabled once submitted. */
export function DraftTabsForm<V extends object>({ form, name, initialValues, editable, activeTab, onTabChange, onValuesChange, toolbar, items }: Props<V>): ReactNode {
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
