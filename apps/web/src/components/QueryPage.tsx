import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Col, Form, Row, Space, type FormItemProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { ExportButton } from './ExportButton';
import { ServerTable, type ServerTableProps } from './ServerTable';
import { useListSearch, type ListSearch, type Paging } from './server-list';
import './query-page.css';

/** One 查询条件 of a list page: a form item, declared. */
export interface QueryFilter {
  name: string;
  label: ReactNode;
  input: ReactNode;
  extra?: ReactNode;
  rules?: FormItemProps['rules'];
  /** grid and vertical layouts: takes two columns (a keyword box) */
  wide?: boolean;
}

export type ListPage<Row> = { items: Row[]; total: number };

export interface QueryPageProps<Values extends object, Filters, Row extends object, Page extends ListPage<Row> = ListPage<Row>>
  extends Omit<ServerTableProps<Row>, 'query' | 'paging' | 'onPaging' | 'title'> {
  /** the form's name (ids of its fields) */
  name: string;
  /**
   * `grid`: a 查询条件 card with the conditions in columns, then a card of results titled `title`;
   * `inline`: one card titled `title`, the conditions in a line above the table;
   * `vertical`: no cards (a public page), the conditions in columns with their labels above them.
   */
  layout: 'grid' | 'inline' | 'vertical';
  title: ReactNode;
  /** the 查询条件 in their order; `false` leaves one out (a condition shown only sometimes) */
  filters: (QueryFilter | false)[];
  initialValues?: Values;
  /**
   * Conditions a link brings along (待审核's `?maxDaysLeft=3` from the 主页): searched first and shown
   * in the form, taken at mount (the page is keyed by them); 清空 still returns to `initialValues`.
   */
  preset?: Partial<Values>;
  /** the form's values as the API's filters (blanks left out, trimmed, dates as days) */
  toFilters: (values: Values) => Filters;
  /**
   * Where the search lives when not in the page's own state (公示查询 keeps it in the address): then
   * `toValues` puts conditions that arrive from outside (the back button) into the form.
   */
  state?: ListSearch<Filters>;
  toValues?: (filters: Filters) => Values;
  /** the list's query: one page of rows for the filters (`searches` counts 查询 clicks) */
  useRows: (filters: Filters, paging: Paging, searches: number) => UseQueryResult<Page, Error>;
  /**
   * 导出: the list's export for the filters in force (the last 查询, not what the form holds
   * unsearched); shows a 导出 button beside 查询 / 清空 that downloads every row they select.
   */
  exportUrl?: (filters: Filters) => string;
  /** grid layout: label column width */
  labelWidth?: number;
  /** grid layout: where 查询 / 清空 sit under the conditions */
  actionsAlign?: 'center' | 'end';
  /** above everything, given the current page (notices the list's answer carries) */
  header?: (page: Page | undefined) => ReactNode;
  /** between the conditions and the table (buttons such as 新增) */
  toolbar?: ReactNode;
  /** the results card's corner */
  extra?: ReactNode;
  /** below the table (the page's modals and drawers) */
  children?: ReactNode;
  className?: string;
}

const GRID_COL = { xs: 24, md: 12, xl: 8 };

/**
 * Every list page with 查询条件: the declared conditions, 查询 (always asks the server again) and
 * 清空 (back to the initial conditions), and the server-paged table with the guide's pager. A page
 * declares its filters, how they map to the API, its query hook and its columns — nothing else.
 */
export function QueryPage<Values extends object, Filters, Row extends object, Page extends ListPage<Row> = ListPage<Row>>(props: QueryPageProps<Values, Filters, Row, Page>) {
  const {
    name,
    layout,
    title,
    filters,
    initialValues,
    preset,
    toFilters,
    useRows,
    labelWidth = 120,
    actionsAlign = 'end',
    header,
    toolbar,
    extra,
    children,
    className,
    state,
    toValues,
    exportUrl,
    ...table
  } = props;
  const [form] = Form.useForm<Values>();
  const [presetAtMount] = useState(preset);
  const own = useListSearch<Filters>(toFilters({ ...initialValues, ...presetAtMount } as Values));
  const list = state ?? own;
  const rows = useRows(list.filters, list.paging, list.searches);
  useEffect(() => {
    if (presetAtMount) form.setFieldsValue(presetAtMount as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, presetAtMount]);
  useEffect(() => {
    if (toValues) form.setFieldsValue(toValues(list.filters) as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, toValues, list.filters]);

  const search = (values: Values) => list.search(toFilters(values));
  const reset = () => {
    form.resetFields();
    list.search(toFilters((initialValues ?? {}) as Values));
  };
  const shown = filters.filter((f): f is QueryFilter => f !== false);
  const item = (f: QueryFilter) => (
    <Form.Item key={f.name} name={f.name} label={f.label} extra={f.extra} rules={f.rules}>
      {f.input}
    </Form.Item>
  );
  const columns = (
    <Row gutter={16}>
      {shown.map((f) => (
        <Col key={f.name} {...(f.wide ? { xs: 24, xl: 16 } : GRID_COL)}>
          {item(f)}
        </Col>
      ))}
    </Row>
  );
  const buttons = (
    <>
      <Button type="primary" htmlType="submit" loading={rows.isFetching}>
        查询
      </Button>
      <Button onClick={reset}>清空</Button>
      {exportUrl && <ExportButton href={exportUrl(list.filters)} />}
    </>
  );
  const results = <ServerTable<Row> {...table} query={rows} paging={list.paging} onPaging={list.setPaging} />;

  if (layout === 'inline') {
    return (
      <Card size="small" title={title} extra={extra} className={className}>
        {header?.(rows.data)}
        <Form<Values> form={form} name={name} layout="inline" className="query-inline" initialValues={initialValues} onFinish={search}>
          {shown.map(item)}
          <Form.Item>
            <Space>{buttons}</Space>
          </Form.Item>
        </Form>
        {toolbar && <div className="query-toolbar">{toolbar}</div>}
        {results}
        {children}
      </Card>
    );
  }
  if (layout === 'vertical') {
    return (
      <div className={className}>
        <Form<Values> form={form} name={name} layout="vertical" initialValues={initialValues} onFinish={search}>
          {columns}
          <div className="query-actions query-actions-start">{buttons}</div>
        </Form>
        {header?.(rows.data)}
        {toolbar && <div className="query-toolbar">{toolbar}</div>}
        {results}
        {children}
      </div>
    );
  }
  return (
    <div className={`query-page${className ? ` ${className}` : ''}`}>
      {header?.(rows.data)}
      <Card size="small" title="查询条件">
        <Form<Values>
          form={form}
          name={name}
          layout="horizontal"
          labelCol={{ flex: `${labelWidth}px` }}
          wrapperCol={{ flex: '1 1 0' }}
          initialValues={initialValues}
          onFinish={search}
        >
          {columns}
          <div className={`query-actions query-actions-${actionsAlign}`}>{buttons}</div>
        </Form>
      </Card>
      <Card size="small" title={title} extra={extra}>
        {toolbar && <div className="query-toolbar">{toolbar}</div>}
        {results}
      </Card>
      {children}
    </div>
  );
}
