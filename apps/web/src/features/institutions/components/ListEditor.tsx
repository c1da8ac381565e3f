import { useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { Button, Form, Modal, Popconfirm, Table, type FormInstance, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { guidePagination, INITIAL_PAGE } from '../../../components/pagination';
import type { RowFocusRequest } from '../../../components/draft-body';

export interface RowProblem {
  field: string;
  message: string;
}

export interface ListEditorProps<Row, FormValues> {
  /** Injected by Form.Item: the rows, their setter and the field id (the anchor problem links focus). */
  value?: Row[];
  onChange?: (rows: Row[]) => void;
  id?: string;
  readOnly: boolean;
  /** The list's name in the modal's title and its form's name, e.g. 专职工作人员 / staffRow. */
  title: string;
  formName: string;
  columns: TableColumnsType<Row>;
  /** The modal's fields; they get the modal's form and the rows (e.g. for a duplicate check). */
  Fields: ComponentType<{ form: FormInstance<FormValues>; rows: Row[]; editing: number | null }>;
  toForm: (row: Row | undefined) => FormValues;
  fromForm: (values: FormValues) => Row;
  /** What the delete confirmation calls the row (its name). */
  rowLabel: (row: Row) => string;
  modalWidth?: number;
  focusRequest?: RowFocusRequest | null;
  scrollX?: number;
}

type Keyed<Row> = Row & { __index: number };

/**
 * One list section of the record (专职工作人员, 现有设施情况, 服务及收费标准): a table with 修改 /
 * 删除 per row and 新增; each row is edited in a modal form. A Form.Item's control, so the rows
 * are part of the page's form values.
 */
export function ListEditor<Row extends object, FormValues extends object>(props: ListEditorProps<Row, FormValues>) {
  const { value, onChange, id, readOnly, title, formName, columns, Fields, toForm, fromForm, rowLabel, modalWidth, focusRequest, scrollX } = props;
  const rows = useMemo(() => value ?? [], [value]);
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const pendingField = useRef<string | null>(null);

  const openModal = (index: number | null, field?: string) => {
    setEditing(index);
    form.resetFields();
    form.setFieldsValue(toForm(index === null ? undefined : rows[index]) as never);
    pendingField.current = field ?? null;
    setOpen(true);
  };

  // A problem link: open that row and show what is wrong with the field.
  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.index >= 0 && focusRequest.index < rows.length) {
      setPaging((p) => ({ ...p, page: Math.floor(focusRequest.index / p.pageSize) + 1 }));
      openModal(focusRequest.index, focusRequest.field);
    }
    // Only a new request opens the modal; rows changing later must not.
  }, [focusRequest]);

  const afterOpen = (visible: boolean) => {
    const field = pendingField.current;
    if (!visible || !field) return;
    pendingField.current = null;
    void form.validateFields([field as never]).catch(() => undefined);
    form.focusField(field as never);
  };

  const save = async () => {
    const values = await form.validateFields();
    const row = fromForm(values);
    const next = editing === null ? [...rows, row] : rows.map((r, i) => (i === editing ? row : r));
    onChange?.(next);
    if (editing === null) {
      const lastPage = Math.ceil(next.length / paging.pageSize);
      setPaging((p) => ({ ...p, page: lastPage }));
    }
    setOpen(false);
  };

  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange?.(next);
    const pages = Math.max(1, Math.ceil(next.length / paging.pageSize));
    if (paging.page > pages) setPaging((p) => ({ ...p, page: pages }));
  };

  const data: Keyed<Row>[] = rows.map((r, i) => ({ ...r, __index: i }));
  const allColumns: TableColumnsType<Keyed<Row>> = [
    { title: '序号', key: '__index', width: 64, render: (_: unknown, r) => r.__index + 1 },
    ...(columns as TableColumnsType<Keyed<Row>>),
  ];
  if (!readOnly) {
    allColumns.push({
      title: '操作',
      key: '__actions',
      width: 120,
      render: (_: unknown, r) => (
        <div className="inst-row-actions">
          <Button type="link" size="small" onClick={() => openModal(r.__index)}>
            修改
          </Button>
          <Popconfirm
            title={`确定删除「${rowLabel(r)}」吗？`}
            description="删除后需点击“保存”才会生效。"
            okText="删除"
            cancelText="取消"
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(r.__index)}
          >
            <Button type="link" size="small" danger className="inst-danger-link">
              删除
            </Button>
          </Popconfirm>
        </div>
      ),
    });
  }

  return (
    <div>
      <div className="inst-list-toolbar">
        <span id={id} tabIndex={-1} className="inst-list-anchor">
          {title}：共 {rows.length} 条
        </span>
        {!readOnly && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openModal(null)}>
            新增
          </Button>
        )}
      </div>
      <Table<Keyed<Row>>
        rowKey="__index"
        size="middle"
        columns={allColumns}
        dataSource={data}
        scroll={scrollX ? { x: scrollX } : undefined}
        pagination={guidePagination({
          page: paging.page,
          pageSize: paging.pageSize,
          total: rows.length,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        })}
      />
      <Modal
        open={open}
        title={`${editing === null ? '新增' : '修改'}${title}`}
        width={modalWidth ?? 640}
        okText="确定"
        cancelText="取消"
        maskClosable={false}
        destroyOnHidden={false}
        forceRender
        onOk={() => void save().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        afterOpenChange={afterOpen}
      >
        <Form<FormValues>
          form={form}
          name={formName}
          layout="horizontal"
          labelCol={{ flex: '150px' }}
          wrapperCol={{ flex: '1 1 0' }}
          // Enter in a field confirms the modal, as the 确定 button does.
          onFinish={() => void save().catch(() => undefined)}
        >
          <Fields form={form} rows={rows} editing={editing} />
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      </Modal>
    </div>
  );
}
