import { App, type FormInstance } from 'antd';
import { applyFieldErrors } from '../../../lib/form';
import { useUpdateSetting } from '../api/admin-settings.api';

/**
 * 保存 of one 系统设置 card: the new value to the server; 设置已保存, or the refusal's messages on the
 * card's fields (the rest as a message). Every setting card saves through this.
 */
export function useSaveSetting(key: string, form: FormInstance) {
  const { message } = App.useApp();
  const update = useUpdateSetting();
  const save = (value: unknown) =>
    update
      .mutateAsync({ key, value })
      .then(() => void message.success('设置已保存'))
      .catch((e: { fieldErrors?: { path: string; message: string }[]; message: string }) => {
        const unplaced = applyFieldErrors(form, e.fieldErrors ?? []);
        if (!e.fieldErrors?.length || unplaced.length) void message.error(e.message);
      });
  return { save, saving: update.isPending };
}
