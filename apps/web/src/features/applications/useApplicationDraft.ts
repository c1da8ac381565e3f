import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker, useNavigate } from 'react-router-dom';
import { App, Form, type FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { TApplicationDetail, TProcedure, TRecordDraft, TSubmissionProblem } from '@jhrm/contracts';
import type { RowFocusRequest } from '../../components/draft-body';
import { applyFieldErrors } from '../../lib/form';
import { isApiError, type ApiError } from '../../lib/api-client';
import {
  fetchApplication,
  newRequestKey,
  useClearApplication,
  useOnApplicationWritten,
  useSubmitApplication,
  useWithdrawApplication,
} from '../../lib/application-api';
import { changedPaths, draftFingerprint, submitFailure, writeFailure } from './model/lifecycle';
import { asProblems, problemTarget, type DraftLayout, type DraftTab, type DrawerKind } from './model/problems';
import { correctionNotes, fieldWarnings, materialNotes, notesAsProblems, pendingCorrection, pendingRejection } from './model/review-notes';

/**
 * What a submission kind (设立, 变更, 注销 …) tells the draft lifecycle. `V` is its form's values.
 * The app layer builds it from the kind's feature (features do not import each other).
 */
export interface DraftKind<V, D = TRecordDraft> extends DraftLayout {
  /** The page's name in the guide's words, e.g. 设立审批 (names the toolbar). */
  label: string;
  /** The 提交 dialog's title, e.g. 提交人力资源服务机构设立审批. */
  submitTitle: string;
  /** The antd form's name: a field's element id is the name and the field's path joined by '_'. */
  formName: string;
  /** The form's field that holds the 审批部门 (the 提交 dialog proposes it and writes the chosen one back). */
  departmentField: (string | number)[];
  /** The API's application → every field of the form (blank ones null), so setting it replaces the whole form. */
  toValues: (detail: TApplicationDetail | null | undefined) => V;
  /** The form → what 保存 sends. */
  toDraft: (values: V) => D;
  /** The first 保存 of a new form creates the application. */
  create: (draft: D) => Promise<TApplicationDetail>;
  /** 保存 of a saved draft, with the version it was loaded with. */
  save: (id: string, version: number, draft: D) => Promise<TApplicationDetail>;
  /** The 提交 button's label (the guide's 注销 page calls it 注销). */
  submitLabel: string;
  /** Whether the kind has 视频材料 (its declaration's video is not `none`). */
  video: boolean;
  /** The page of a saved draft (a new one's URL becomes this after its first 保存). */
  pathOf: (applicationId: string) => string;
  /** The page of a new, unsaved draft (the tab the saved one replaces). */
  newPath: string;
  /** Where the unit lands after 提交. */
  afterSubmitPath: string;
  /** Whether the kind has 附件材料 (material slots); absent: it has. */
  materials?: boolean;
  /** 登记预览: the kind's filled form as a PDF; absent: the kind has none (统计, 诚信示范). */
  preview?: { title: string; frameTitle: string; url: (applicationId: string) => string };
  /**
   * The guide's own names of the materials and clear buttons where a page calls them otherwise
   * (诚信示范: 上传材料, 重置); default 附件材料 and 清空.
   */
  buttonLabels?: { materials?: string; clear?: string };
}

/** What the toolbar and banners read of the kind (whatever its draft's type). */
export type DraftShown = DraftLayout & Pick<DraftKind<object>, 'label' | 'submitLabel' | 'video' | 'materials' | 'preview' | 'buttonLabels'>;

/** What to open on arrival (a row action of a list): the 提交 dialog or a drawer. */
export type DraftOpen = 'submit' | DrawerKind;

export interface DraftOptions<V> {
  /** The loaded application; none for a new one (the first 保存 creates it). */
  initial?: TApplicationDetail;
  /** A new form's values before anything is typed (e.g. the signed-in unit's name). */
  prefill?: (blank: V) => V;
  /** What to open on arrival, acted on once; then `onOpened`. */
  open?: DraftOpen | null;
  onOpened?: () => void;
}

interface SubmitDialog {
  open: boolean;
  /** One key per dialog: a retried or double-clicked 提交 lands once. */
  key: string;
  error: string | null;
  departmentError: string | null;
}

/**
 * The draft lifecycle every submission kind shares: load, 保存 (created on the first one, then
 * with the version; a conflict offers 重新加载), 提交 (the 审批部门 dialog, problems linked to
 * their tab and field), 撤回, 清空, 重新加载, the reviewer's notes after 审核不通过, and the
 * question before leaving with unsaved changes. Nothing typed is lost on any error.
 */
export function useApplicationDraft<V extends object, D = TRecordDraft>(kind: DraftKind<V, D>, { initial, prefill, open, onOpened }: DraftOptions<V>) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<V>();
  const onWritten = useOnApplicationWritten();
  const create = useMutation<TApplicationDetail, ApiError, D>({ mutationFn: kind.create, onSuccess: onWritten });
  const saveDraft = useMutation<TApplicationDetail, ApiError, { id: string; version: number; draft: D }>({
    mutationFn: ({ id, version, draft }) => kind.save(id, version, draft),
    onSuccess: onWritten,
  });
  const submit = useSubmitApplication();
  const clear = useClearApplication();
  const withdraw = useWithdrawApplication();

  const initialValues = useMemo(() => {
    const values = kind.toValues(initial);
    return !initial && prefill ? prefill(values) : values;
    // The form is initialised once; later changes come from the user or explicit reloads.
  }, []);
  const fingerprintOf = useCallback((values: V) => draftFingerprint(kind.toDraft(values)), [kind]);

  const [detail, setDetail] = useState<TApplicationDetail | null>(initial ?? null);
  const savedFingerprint = useRef(fingerprintOf(initialValues));
  const [dirty, setDirty] = useState(false);
  const dirtyRef = useRef(false);
  const allowLeave = useRef(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [activeTab, setActiveTab] = useState<string>(kind.tabs[0]?.key ?? '');
  const [conflict, setConflict] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<{ message: string; problems: TSubmissionProblem[] } | null>(null);
  const [problems, setProblems] = useState<TSubmissionProblem[] | null>(null);
  const [drawer, setDrawer] = useState<DrawerKind | null>(null);
  const [submitDialog, setSubmitDialog] = useState<SubmitDialog>({ open: false, key: '', error: null, departmentError: null });
  const [previewOpen, setPreviewOpen] = useState(false);
  const [rowFocus, setRowFocus] = useState<Record<string, RowFocusRequest | null>>({});
  const [busy, setBusy] = useState(false);

  const editable = detail ? detail.editable : true;
  const rejection = pendingRejection(detail);
  // 补正 (decision 0034): its items on fields and materials are placed as a rejection's notes are
  const correction = pendingCorrection(detail);
  const asked = useMemo(() => rejection ?? (correction ? correctionNotes(correction) : null), [rejection, correction]);
  const rejectionNotes = useMemo(() => (asked ? notesAsProblems(asked) : []), [asked]);
  const drawerNotes = useMemo(() => materialNotes(asked), [asked]);

  const markDirty = useCallback((value: boolean) => {
    dirtyRef.current = value;
    setDirty(value);
  }, []);
  const recomputeDirty = useCallback(() => {
    markDirty(fingerprintOf(form.getFieldsValue(true) as V) !== savedFingerprint.current);
  }, [form, markDirty, fingerprintOf]);

  // ---- the reviewer's notes beside their fields ------------------------------------------
  const warnedRound = useRef<string | null>(null);
  useEffect(() => {
    const which = rejection ? `r${rejection.round}` : correction ? `c${correction.id}` : null;
    if (!asked || !which || warnedRound.current === which) return;
    warnedRound.current = which;
    form.setFields(fieldWarnings(asked, kind.lists, rejection ? '审核意见' : '需补正').map((w) => ({ name: w.name as never, warnings: w.warnings })));
  }, [asked, rejection, correction, form, kind.lists]);

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
      const values = kind.toValues(d);
      form.setFieldsValue(values as never);
      savedFingerprint.current = fingerprintOf(values);
      markDirty(false);
      // Messages of the replaced content no longer apply.
      form.setFields(form.getFieldsError().filter((f) => f.errors.length).map((f) => ({ name: f.name as never, errors: [] })));
    },
    [form, kind, markDirty, fingerprintOf],
  );

  /** Any failed write: the form keeps everything; the reason is shown where it belongs. */
  const showWriteError = useCallback(
    (e: unknown) => {
      const failure = writeFailure(e);
      if (failure.kind === 'conflict') {
        setConflict(failure.message);
        return;
      }
      if (failure.kind === 'refused') {
        const unplaced = failure.fieldErrors.length ? applyFieldErrors(form, failure.fieldErrors) : [];
        setSaveError({ message: failure.message, problems: asProblems(unplaced) });
      }
      void message.error(failure.message);
    },
    [form, message],
  );

  /** 保存: creates the draft on the first save, then replaces it section by section. */
  const save = useCallback(async (): Promise<TApplicationDetail | null> => {
    const values = form.getFieldsValue(true) as V;
    const draft = kind.toDraft(values);
    const fingerprint = draftFingerprint(draft);
    setSaveError(null);
    try {
      let d: TApplicationDetail;
      if (!detail) {
        d = await create.mutateAsync(draft);
        // The URL becomes the draft's own; this page stays (and keeps its tab).
        allowLeave.current = true;
        void navigate(kind.pathOf(d.id), { replace: true, state: { replacesTab: kind.newPath } });
        allowLeave.current = false;
      } else {
        d = await saveDraft.mutateAsync({ id: detail.id, version: detail.version, draft });
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
  }, [form, kind, detail, create, saveDraft, navigate, recomputeDirty, showWriteError]);

  /** A saved draft (saving first when there is none, or when the form has unsaved changes). */
  const ensureSaved = useCallback(async (): Promise<TApplicationDetail | null> => {
    if (detail && (!detail.editable || !dirtyRef.current)) return detail;
    return save();
  }, [detail, save]);

  /** One action at a time: a second click while one runs does nothing. */
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

  /**
   * Materials belong to a saved application. A form never saved yet is saved only when the user says
   * so: a blank 设立 form opened to look at 附件材料 must not leave a draft behind in 查询.
   */
  const confirmFirstSave = (what: string) =>
    new Promise<boolean>((resolve) => {
      if (detail) return resolve(true);
      modal.confirm({
        title: `${what}前需先保存`,
        content: `${what}须附在已保存的申请上。现在保存为草稿（待提交）后继续？不保存则不会留下草稿。`,
        okText: '保存并继续',
        cancelText: '取消',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const openDrawer = (which: DrawerKind) =>
    run(async () => {
      if (!(await confirmFirstSave(which === 'video' ? '上传视频材料' : `打开${kind.buttonLabels?.materials ?? '附件材料'}`))) return;
      const d = await ensureSaved();
      if (d) setDrawer(which);
    });

  const openPreview = () =>
    run(async () => {
      const d = await ensureSaved();
      if (d) setPreviewOpen(true);
    });

  const openSubmit = () => setSubmitDialog({ open: true, key: newRequestKey(), error: null, departmentError: null });
  const closeSubmit = () => setSubmitDialog((s) => ({ ...s, open: false }));

  const doSubmit = (department: string, procedure: TProcedure = '一般程序') =>
    run(async () => {
      setSubmitDialog((s) => ({ ...s, error: null, departmentError: null }));
      // The record's 审批部门 follows the one the submission goes to (the printed form shows it).
      if (form.getFieldValue(kind.departmentField as never) !== department) {
        form.setFieldValue(kind.departmentField as never, department as never);
        recomputeDirty();
      }
      const d = await ensureSaved();
      if (!d) {
        setSubmitDialog((s) => ({ ...s, error: '保存未成功，尚未提交。请按页面上的提示处理后再提交。' }));
        return;
      }
      try {
        await submit.mutateAsync({ id: d.id, version: d.version, department, requestKey: submitDialog.key, procedure });
        setProblems(null);
        closeSubmit();
        void message.success('已提交，等待审批部门审核');
        allowLeave.current = true;
        markDirty(false);
        void navigate(kind.afterSubmitPath);
      } catch (e) {
        const failure = submitFailure(e, kind);
        if (failure.kind === 'problems') {
          setProblems(failure.problems);
          // Mark the form's own fields too, so they stay red after the dialog is closed.
          applyFieldErrors(form, failure.fieldErrors);
          setSubmitDialog((s) => ({ ...s, error: null }));
          return;
        }
        if (failure.conflict) setConflict(failure.conflict);
        setSubmitDialog((s) => ({ ...s, error: failure.error, departmentError: failure.departmentError }));
      }
    });

  const clearLabel = kind.buttonLabels?.clear ?? '清空';
  const onClear = () =>
    modal.confirm({
      title: clearLabel,
      content: `确定${clearLabel}本页已填写的全部内容吗？附件材料不受影响。`,
      okText: clearLabel,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        if (!detail) {
          const values = kind.toValues(undefined);
          form.setFieldsValue(values as never);
          savedFingerprint.current = fingerprintOf(values);
          markDirty(false);
          return;
        }
        try {
          const d = await clear.mutateAsync({ id: detail.id, version: detail.version });
          setDetail(d);
          replaceContent(d);
          setProblems(null);
          void message.success(`已${clearLabel}`);
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
      const target = problemTarget(p, kind);
      setSubmitDialog((s) => ({ ...s, open: false }));
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
            const el = document.getElementById([kind.formName, ...target.name].join('_'));
            el?.focus({ preventScroll: true });
          }, 60);
          return;
        case 'list':
          setActiveTab(target.tab);
          window.setTimeout(() => {
            const el = document.getElementById(`${kind.formName}_${target.tab}`);
            el?.scrollIntoView({ block: 'center' });
            el?.focus();
          }, 60);
          return;
        case 'row':
          setActiveTab(target.tab);
          setRowFocus((r) => ({ ...r, [target.tab]: { index: target.index, ...(target.field ? { field: target.field } : {}), nonce: Date.now() } }));
          return;
        default:
          return;
      }
    },
    [form, kind],
  );

  // ---- what to open on arrival ------------------------------------------------------------
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

  const tabIndex = kind.tabs.findIndex((t) => t.key === activeTab);
  const nextTab: DraftTab | undefined = kind.tabs[tabIndex + 1];

  return {
    kind: kind as DraftShown,
    form: form as FormInstance<V>,
    initialValues,
    detail,
    editable,
    dirty,
    savedAt,
    busy,
    saving: !submitDialog.open && (create.isPending || saveDraft.isPending),
    withdrawing: withdraw.isPending,
    conflict,
    saveError,
    problems,
    rejection,
    correction,
    rejectionNotes,
    drawer,
    drawerNotes,
    submitDialog,
    previewOpen,
    activeTab,
    nextTab,
    rowFocus,
    /** A tab of the form chosen (a click on the tab bar, or 下一项). */
    showTab: (key: string) => {
      if (kind.tabs.some((t) => t.key === key)) setActiveTab(key);
    },
    /** The form's onValuesChange: a server message on a changed field goes, and dirty is recomputed. */
    onValuesChange: (changed: unknown) => {
      // The field's own rules, if any, check the new value themselves.
      const stale = changedPaths(changed).filter((name) => form.getFieldError(name as never).length > 0);
      if (stale.length) form.setFields(stale.map((name) => ({ name: name as never, errors: [] })));
      recomputeDirty();
    },
    save: onSave,
    openDrawer,
    /** A drawer of a submitted application: nothing to save first. */
    showDrawer: setDrawer,
    closeDrawer: () => setDrawer(null),
    openPreview,
    closePreview: () => setPreviewOpen(false),
    openSubmit,
    closeSubmit,
    submit: doSubmit,
    withdraw: onWithdraw,
    clear: onClear,
    reload: onReload,
    goTo,
    dismissSaveError: () => setSaveError(null),
    dismissProblems: () => setProblems(null),
  };
}

export type ApplicationDraft<V extends object = object> = ReturnType<typeof useApplicationDraft<V>>;
