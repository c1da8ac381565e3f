import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBlocker, useNavigate } from 'react-router-dom';
import { Alert, App, Button, ConfigProvider, Drawer, Form, Modal, Popconfirm, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import type { TApplicationDetail, TBusinessScope, TSubmissionProblem } from '@jhrm/contracts';
import { StatusTag } from '../../../components/StatusTag';
import { applyFieldErrors, toNamePath } from '../../../lib/form';
import { isApiError } from '../../../lib/api-client';
import {
  fetchApplication,
  newRequestKey,
  registrationFormUrl,
  useClearApplication,
  useCreateEstablishment,
  useDepartments,
  useSaveRecord,
  useSubmitApplication,
  useWithdrawApplication,
} from '../api/applications.api';
import { describeKind } from '../../../components/record/application-kind';
import { changedPaths, draftFingerprint, toFormValues, toRecordDraft, type EstablishmentFormValues } from '../model/draft';
import { FORM_TABS, isFormTab, problemTarget, type FormTabKey, type ListKey } from '../model/problems';
import { fieldWarnings, materialNotes, notesAsProblems, pendingRejection } from '../model/review-notes';
import { formatDateTime } from '../../../lib/format-datetime';
import { ESTABLISHMENT_PATH, establishmentPath, INSTITUTION_QUERY_PATH, type EstablishmentOpen } from '../paths';
import { BasicInfoSection } from './BasicInfoSection';
import { FacilityEditor } from './FacilityEditor';
import { FeeEditor } from './FeeEditor';
import type { RowFocusRequest } from './ListEditor';
import { IntegritySection, ReportSection } from './OtherSections';
import { ProblemList } from './ProblemList';
import { StaffEditor } from './StaffEditor';
import { ReviewStatusTag } from './StatusTags';
import { SubmitModal } from './SubmitModal';
import './institutions.css';

/** The other feature's panels, composed in by the app layer (features do not import each other). */
export interface PanelProps {
  applicationId: string;
  editable: boolean;
  /** the reviewer's notes of the 审核不通过 being answered: per material slot, and on the video */
  notes?: Readonly<Record<string, string>>;
  videoNote?: string;
}

export interface EstablishmentEditorProps {
  /** The loaded application; none for a new one (the first 保存 creates it). */
  initial?: TApplicationDetail;
  /** A row action of the 查询 list: what to open on arrival. */
  open?: EstablishmentOpen | null;
  /** Called once `open` has been acted on (the page drops ?open from the URL). */
  onOpened?: () => void;
  /** Pre-filled on a new form: the signed-in unit's name and code. */
  unitDefaults?: { name?: string; uscc?: string };
  renderMaterials: (props: PanelProps) => ReactNode;
  renderVideo: (props: PanelProps) => ReactNode;
}

type DrawerKind = 'materials' | 'video';

const SUBMITTED_NOTE: Record<string, string> = {
  待审核: '该申请已提交，正在等待审批部门审核，不能修改。审批部门受理前可以撤回后修改。',
  审核通过: '该申请已审核通过，不能修改。如需变更，请使用“人力资源服务机构变更”。',
};

/** Server paths that name no field of this form (e.g. a list row) still get a place: as problems. */
function asProblems(errors: readonly { path: string; message: string }[]): TSubmissionProblem[] {
  return errors.map((e) => ({ tab: toNamePath(e.path)[0]?.toString() ?? '', path: e.path, message: e.message }));
}

/**
 * 人力资源服务机构设立审批 (guide 1.2): the six tabs of the record, and 保存 / 下一项 / 附件材料 /
 * 视频材料 / 提交 / 清空 / 登记预览. Nothing typed is lost on any error; leaving with unsaved changes
 * asks first.
 */
export function EstablishmentEditor({ initial, open, onOpened, unitDefaults, renderMaterials, renderVideo }: EstablishmentEditorProps) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EstablishmentFormValues>();
  const departments = useDepartments();
  const create = useCreateEstablishment();
  const saveRecord = useSaveRecord();
  const submit = useSubmitApplication();
  const clear = useClearApplication();
  const withdraw = useWithdrawApplication();

  const initialValues = useMemo(() => {
    const values = toFormValues(initial?.record);
    if (!initial) values.basic = { ...values.basic, name: unitDefaults?.name ?? null, uscc: unitDefaults?.uscc ?? null };
    return values;
    // The form is initialised once; later changes come from the user or explicit reloads.
  }, []);

  const [detail, setDetail] = useState<TApplicationDetail | null>(initial ?? null);
  const savedFingerprint = useRef(draftFingerprint(initialValues));
  const [dirty, setDirty] = useState(false);
  const dirtyRef = useRef(false);
  const allowLeave = useRef(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [activeTab, setActiveTab] = useState<FormTabKey>('basic');
  const [conflict, setConflict] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<{ message: string; problems: TSubmissionProblem[] } | null>(null);
  const [problems, setProblems] = useState<TSubmissionProblem[] | null>(null);
  const [drawer, setDrawer] = useState<DrawerKind | null>(null);
  const [submitState, setSubmitState] = useState<{ open: boolean; key: string; error: string | null; departmentError: string | null }>({
    open: false,
    key: '',
    error: null,
    departmentError: null,
  });
  const [previewOpen, setPreviewOpen] = useState(false);
  const [rowFocus, setRowFocus] = useState<Record<ListKey, RowFocusRequest | null>>({ staff: null, facilities: null, fees: null });
  const [busy, setBusy] = useState(false);

  const editable = detail ? detail.editable : true;
  const scopes = Form.useWatch(['basic', 'scopes'], form) as TBusinessScope[] | undefined;
  const kind = describeKind(scopes);
  const rejection = pendingRejection(detail);
  const rejectionNotes = useMemo(() => (rejection ? notesAsProblems(rejection) : []), [rejection]);
  const drawerNotes = useMemo(() => materialNotes(rejection), [rejection]);

  const markDirty = useCallback((value: boolean) => {
    dirtyRef.current = value;
    setDirty(value);
  }, []);
  const recomputeDirty = useCallback(() => {
    markDirty(draftFingerprint(form.getFieldsValue(true)) !== savedFingerprint.current);
  }, [form, markDirty]);

  // ---- the reviewer's notes beside their fields ------------------------------------------
  const warnedRound = useRef<number | null>(null);
  useEffect(() => {
    if (!rejection || warnedRound.current === rejection.round) return;
    warnedRound.current = rejection.round;
    form.setFields(fieldWarnings(rejection).map((w) => ({ name: w.name as never, warnings: w.warnings })));
  }, [rejection, form]);

  // ---- leaving with unsaved changes -------------------------------------------------------
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && !allowLeave.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: '离开此页面？',
      content: '本页有尚未保存的修改，离开后这些修改将丢失。',
      okText: '离开',
      cancelText: '留在此页',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  // ---- load / replace the form's content from the server ---------------------------------
  const replaceContent = useCallback(
    (d: TApplicationDetail) => {
      const values = toFormValues(d.record);
      form.setFieldsValue(values as never);
      savedFingerprint.current = draftFingerprint(values);
      markDirty(false);
      // Messages of the replaced content no longer apply.
      form.setFields(form.getFieldsError().filter((f) => f.errors.length).map((f) => ({ name: f.name as never, errors: [] })));
    },
    [form, markDirty],
  );

  /** Any failed write: the form keeps everything; the reason is shown where it belongs. */
  const showWriteError = useCallback(
    (e: unknown) => {
      if (!isApiError(e)) {
        void message.error('操作失败，请稍后重试');
        return;
      }
      if (e.status === 409) {
        setConflict(e.message);
        return;
      }
      if (e.fieldErrors.length) {
        const unplaced = applyFieldErrors(form, e.fieldErrors);
        setSaveError({ message: e.message, problems: asProblems(unplaced) });
      } else {
        setSaveError({ message: e.message, problems: [] });
      }
      void message.error(e.message);
    },
    [form, message],
  );

  /** 保存: creates the draft on the first save, then replaces it section by section. */
  const save = useCallback(async (): Promise<TApplicationDetail | null> => {
    const values = form.getFieldsValue(true) as EstablishmentFormValues;
    const draft = toRecordDraft(values);
    const fingerprint = draftFingerprint(values);
    setSaveError(null);
    try {
      let d: TApplicationDetail;
      if (!detail) {
        d = await create.mutateAsync(draft);
        // The URL becomes the draft's own; this page stays (and keeps its tab).
        allowLeave.current = true;
        void navigate(establishmentPath(d.id), { replace: true, state: { replacesTab: ESTABLISHMENT_PATH } });
        allowLeave.current = false;
      } else {
        d = await saveRecord.mutateAsync({ id: detail.id, version: detail.version, draft });
      }
      setDetail(d);
      savedFingerprint.current = fingerprint;
      recomputeDirty();
      setConflict(null);
      setSavedAt(dayjs().format('HH:mm:ss'));
      return d;
    } catch (e) {
      showWriteError(e);
      return null;
    }
  }, [form, detail, create, saveRecord, navigate, recomputeDirty, showWriteError]);

  /** A saved draft (saving first when there is none, or when the form has unsaved changes). */
  const ensureSaved = useCallback(async (): Promise<TApplicationDetail | null> => {
    if (detail && (!detail.editable || !dirtyRef.current)) return detail;
    return save();
  }, [detail, save]);

  const run = async (task: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  };

  const onSave = () =>
    run(async () => {
      const d = await save();
      if (d) void message.success('已保存');
    });

  const openDrawer = (which: DrawerKind) =>
    run(async () => {
      const d = await ensureSaved();
      if (d) setDrawer(which);
    });

  const openPreview = () =>
    run(async () => {
      const d = await ensureSaved();
      if (d) setPreviewOpen(true);
    });

  const openSubmit = () => setSubmitState({ open: true, key: newRequestKey(), error: null, departmentError: null });

  const doSubmit = (department: string) =>
    run(async () => {
      setSubmitState((s) => ({ ...s, error: null, departmentError: null }));
      // The record's 审批部门 follows the one the submission goes to (the 登记申请表 shows it).
      if (form.getFieldValue(['basic', 'department']) !== department) {
        form.setFieldValue(['basic', 'department'], department);
        recomputeDirty();
      }
      const d = await ensureSaved();
      if (!d) {
        setSubmitState((s) => ({ ...s, error: '保存未成功，尚未提交。请按页面上的提示处理后再提交。' }));
        return;
      }
      try {
        await submit.mutateAsync({ id: d.id, version: d.version, department, requestKey: submitState.key });
        setProblems(null);
        setSubmitState((s) => ({ ...s, open: false }));
        void message.success('已提交，等待审批部门审核');
        allowLeave.current = true;
        markDirty(false);
        void navigate(INSTITUTION_QUERY_PATH);
      } catch (e) {
        if (!isApiError(e)) {
          setSubmitState((s) => ({ ...s, error: '提交失败，请稍后重试' }));
          return;
        }
        const list = Array.isArray(e.details.problems) ? (e.details.problems as TSubmissionProblem[]) : null;
        if (e.status === 400 && list) {
          setProblems(list);
          // Mark the form's own fields too, so they stay red after the dialog is closed.
          applyFieldErrors(
            form,
            e.fieldErrors.filter((f) => f.path.startsWith('basic.') || f.path.startsWith('report.')),
          );
          setSubmitState((s) => ({ ...s, error: null }));
          return;
        }
        const deptError = e.fieldErrors.find((f) => f.path === 'department');
        if (e.status === 409 && typeof e.details.currentVersion === 'number') setConflict(e.message);
        setSubmitState((s) => ({ ...s, error: deptError ? null : e.message, departmentError: deptError?.message ?? null }));
      }
    });

  const onClear = () =>
    modal.confirm({
      title: '清空',
      content: '确定清空本页已填写的全部内容吗？附件材料不受影响。',
      okText: '清空',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        if (!detail) {
          const values = toFormValues(undefined);
          form.setFieldsValue(values as never);
          savedFingerprint.current = draftFingerprint(values);
          markDirty(false);
          return;
        }
        try {
          const d = await clear.mutateAsync({ id: detail.id, version: detail.version });
          setDetail(d);
          replaceContent(d);
          setProblems(null);
          void message.success('已清空');
        } catch (e) {
          showWriteError(e);
        }
      },
    });

  const onWithdraw = () =>
    run(async () => {
      if (!detail) return;
      try {
        const d = await withdraw.mutateAsync({ id: detail.id, version: detail.version });
        setDetail(d);
        void message.success('已撤回，可以继续修改后重新提交');
      } catch (e) {
        if (isApiError(e)) void message.error(e.message);
      }
    });

  const onReload = () =>
    modal.confirm({
      title: '重新加载',
      content: '重新加载将显示服务器上的最新内容，您在本页尚未保存的修改将丢失。确定重新加载吗？',
      okText: '重新加载',
      cancelText: '取消',
      onOk: async () => {
        if (!detail) return;
        try {
          const d = await fetchApplication(detail.id);
          setDetail(d);
          replaceContent(d);
          setConflict(null);
          setSaveError(null);
          setSavedAt(null);
          void message.success('已重新加载最新内容');
        } catch (e) {
          if (isApiError(e)) void message.error(e.message);
        }
      },
    });

  // ---- problem links ---------------------------------------------------------------------
  const goTo = useCallback(
    (p: TSubmissionProblem) => {
      const target = problemTarget(p);
      setSubmitState((s) => ({ ...s, open: false }));
      switch (target.kind) {
        case 'drawer':
          setDrawer(target.drawer);
          return;
        case 'field':
          setActiveTab(target.tab);
          // After the tab has been shown: scroll to the field, focus it and show the message.
          window.setTimeout(() => {
            form.setFields([{ name: target.name as never, errors: [p.message] }]);
            form.scrollToField(target.name as never, { block: 'center' });
            // antd's ids: the form's name and the field's path joined by '_'.
            const el = document.getElementById(['establishment', ...target.name].join('_'));
            el?.focus({ preventScroll: true });
          }, 60);
          return;
        case 'list':
          setActiveTab(target.tab);
          window.setTimeout(() => {
            const el = document.getElementById(`establishment_${target.tab}`);
            el?.scrollIntoView({ block: 'center' });
            el?.focus();
          }, 60);
          return;
        case 'row':
          setActiveTab(target.tab);
          setRowFocus((r) => ({ ...r, [target.tab]: { index: target.index, field: target.field, nonce: Date.now() } }));
          return;
        default:
          return;
      }
    },
    [form],
  );

  // ---- ?open= from the 查询 list ----------------------------------------------------------
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !open) return;
    opened.current = true;
    if (open === 'submit') {
      if (editable) openSubmit();
      else void message.info(`当前状态为“${detail?.status}”，不能提交`);
    } else if (detail) {
      setDrawer(open);
    }
    onOpened?.();
  }, [open]);

  const tabIndex = FORM_TABS.findIndex((t) => t.key === activeTab);
  const nextTab = FORM_TABS[tabIndex + 1];
  const canWithdraw = !!detail?.actions.includes('撤回');

  // Outside the form's disabled state: 登记预览 and 撤回 stay usable on a submitted application.
  const toolbar = (
    <ConfigProvider componentDisabled={false}>
    <div className="inst-toolbar" role="toolbar" aria-label="设立审批操作">
      {editable && (
        <>
          <Button type="primary" onClick={() => void onSave()} loading={!submitState.open && (create.isPending || saveRecord.isPending)}>
            保存
          </Button>
          <Button disabled={!nextTab} onClick={() => nextTab && setActiveTab(nextTab.key)}>
            下一项
          </Button>
          <Button onClick={() => void openDrawer('materials')}>附件材料</Button>
          <Button onClick={() => void openDrawer('video')}>视频材料</Button>
          <Button onClick={openSubmit}>提交</Button>
          <Button onClick={onClear}>清空</Button>
        </>
      )}
      {!editable && detail && (
        <>
          <Button onClick={() => setDrawer('materials')}>附件材料</Button>
          <Button onClick={() => setDrawer('video')}>视频材料</Button>
        </>
      )}
      <Button onClick={() => void openPreview()}>登记预览</Button>
      {!editable && canWithdraw && (
        <Popconfirm
          title="确定撤回该申请？"
          description="撤回后可继续修改并重新提交；审批部门受理后不能撤回。"
          okText="撤回"
          cancelText="取消"
          onConfirm={() => onWithdraw()}
        >
          <Button loading={withdraw.isPending}>撤回</Button>
        </Popconfirm>
      )}
      {editable && (
        <span className="inst-saved" role="status">
          {dirty ? '有未保存的修改' : savedAt ? `已保存 ${savedAt}` : ''}
        </span>
      )}
    </div>
    </ConfigProvider>
  );

  const tabLabel = (t: (typeof FORM_TABS)[number]) =>
    t.optional ? (
      <span>
        {t.label}
        <Tag className="inst-optional-tag" bordered={false}>
          选填
        </Tag>
      </span>
    ) : (
      t.label
    );

  const panes: Record<FormTabKey, ReactNode> = {
    basic: <BasicInfoSection departments={departments.data} departmentsLoading={departments.isPending} />,
    report: <ReportSection />,
    staff: (
      <Form.Item name="staff" noStyle>
        <StaffEditor readOnly={!editable} focusRequest={rowFocus.staff} />
      </Form.Item>
    ),
    facilities: (
      <Form.Item name="facilities" noStyle>
        <FacilityEditor readOnly={!editable} focusRequest={rowFocus.facilities} />
      </Form.Item>
    ),
    integrity: <IntegritySection />,
    fees: (
      <Form.Item name="fees" noStyle>
        <FeeEditor readOnly={!editable} focusRequest={rowFocus.fees} />
      </Form.Item>
    ),
  };

  const status = detail?.status;
  return (
    <div className="inst-page inst-establishment">
      <div className="inst-card">
        <header className="inst-header">
          <h1>人力资源服务机构设立审批</h1>
          {status ? <ReviewStatusTag status={status} /> : <StatusTag tone="neutral">新建（未保存）</StatusTag>}
          <span className="inst-kind" data-testid="application-kind">
            {kind.text}
          </span>
        </header>

        {!editable && status && SUBMITTED_NOTE[status] && (
          <Alert
            className="table-alert"
            type="info"
            showIcon
            message={status === '待审核' && detail?.acceptedAt ? `审批部门已于 ${formatDateTime(detail.acceptedAt).slice(0, 10)} 受理该申请，正在审核，不能再撤回。` : SUBMITTED_NOTE[status]}
          />
        )}
        {rejection && (
          <Alert
            className="table-alert"
            type="warning"
            showIcon
            data-testid="rejection-alert"
            message={`审核不通过（第${rejection.round}轮，${rejection.departmentName}，${formatDateTime(rejection.decidedAt)}）：请按审核意见修改后重新提交`}
            description={
              <>
                <div className="inst-pre">审核意见：{rejection.opinion}</div>
                {rejectionNotes.length > 0 && <ProblemList problems={rejectionNotes} onGo={goTo} />}
              </>
            }
          />
        )}
        {conflict && (
          <Alert
            className="table-alert"
            type="error"
            showIcon
            message="内容未保存"
            description={conflict}
            action={
              <Button size="small" onClick={onReload}>
                重新加载
              </Button>
            }
          />
        )}
        {saveError && !conflict && (
          <Alert
            className="table-alert"
            type="error"
            showIcon
            closable
            onClose={() => setSaveError(null)}
            message={saveError.message}
            description={saveError.problems.length ? <ProblemList problems={saveError.problems} onGo={goTo} /> : undefined}
          />
        )}
        {problems && problems.length > 0 && !submitState.open && (
          <Alert
            className="table-alert"
            type="warning"
            showIcon
            closable
            onClose={() => setProblems(null)}
            message={`提交未成功：还有${problems.length}处需要完善`}
            description={<ProblemList problems={problems} onGo={goTo} />}
          />
        )}

        <Form<EstablishmentFormValues>
          form={form}
          name="establishment"
          layout="horizontal"
          labelCol={{ flex: '170px' }}
          labelWrap
          wrapperCol={{ flex: '1 1 0' }}
          disabled={!editable}
          initialValues={initialValues}
          onValuesChange={(changed) => {
            // A message the server put on a field (提交, 保存) goes once the field is changed; the
            // field's own rules, if any, check the new value themselves.
            const stale = changedPaths(changed).filter((name) => form.getFieldError(name as never).length > 0);
            if (stale.length) form.setFields(stale.map((name) => ({ name: name as never, errors: [] })));
            recomputeDirty();
          }}
        >
          <Tabs
            activeKey={activeTab}
            onChange={(k) => isFormTab(k) && setActiveTab(k)}
            renderTabBar={(props, DefaultTabBar) => (
              <>
                <DefaultTabBar {...props} />
                {toolbar}
              </>
            )}
            items={FORM_TABS.map((t) => ({ key: t.key, label: tabLabel(t), forceRender: true, children: panes[t.key] }))}
          />
        </Form>
      </div>

      <SubmitModal
        open={submitState.open}
        pending={busy}
        departments={departments.data}
        defaultDepartment={
          submitState.open ? ((form.getFieldValue(['basic', 'department']) as string | null | undefined) ?? detail?.department) : undefined
        }
        error={submitState.error}
        departmentError={submitState.departmentError}
        problems={problems}
        onSubmit={(dept) => void doSubmit(dept)}
        onCancel={() => setSubmitState((s) => ({ ...s, open: false }))}
        onGo={goTo}
      />

      <Drawer
        open={drawer !== null && !!detail}
        title={drawer === 'video' ? '视频材料' : '附件材料'}
        width={drawer === 'video' ? 880 : 1040}
        onClose={() => setDrawer(null)}
        destroyOnHidden
      >
        {detail && drawer === 'materials' && renderMaterials({ applicationId: detail.id, editable: detail.editable, notes: drawerNotes.slots })}
        {detail && drawer === 'video' && renderVideo({ applicationId: detail.id, editable: detail.editable, videoNote: drawerNotes.video })}
      </Drawer>

      <Modal
        open={previewOpen && !!detail}
        title="登记预览：吉林省人力资源服务机构登记申请表"
        width="min(1100px, 96vw)"
        footer={
          detail ? (
            <a href={registrationFormUrl(detail.id)} target="_blank" rel="noopener noreferrer">
              在新窗口中打开
            </a>
          ) : null
        }
        onCancel={() => setPreviewOpen(false)}
        destroyOnHidden
      >
        {detail && <iframe className="inst-preview-frame" title="登记申请表预览" src={`${registrationFormUrl(detail.id)}&v=${detail.version}`} />}
      </Modal>
    </div>
  );
}
