import { useState } from 'react';
import { Button, Drawer } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { FAQS, type ShownHelp } from './page-help';

/**
 * 操作说明 of the open page: a small text button in the tab bar (beside the page's tab, so the page
 * itself does not move) opening a drawer with the page's steps and the FAQ answers that apply.
 * Nothing when the page has no entry. On a phone the button shows its icon only (same name).
 */
export function PageHelp({ help, phone }: { help: ShownHelp | undefined; phone: boolean }) {
  const [open, setOpen] = useState(false);
  if (!help) return null;
  return (
    <>
      <Button
        type="text"
        size="small"
        className="hr-help-button"
        icon={<QuestionCircleOutlined aria-hidden />}
        aria-label="操作说明"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        {phone ? null : '操作说明'}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        // antd names the dialog by its title (aria-labelledby)
        title={`操作说明：${help.title}`}
        width={phone ? '100%' : 420}
        destroyOnHidden
        className="hr-help-drawer"
      >
        <ol className="hr-help-steps">
          {help.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        {help.faqs && help.faqs.length > 0 && (
          <section className="hr-help-faq" aria-label="常见问题">
            <h2>常见问题</h2>
            {help.faqs.map((key) => (
              <dl key={key}>
                <dt>问：{FAQS[key].question}</dt>
                <dd>答：{FAQS[key].answer}</dd>
              </dl>
            ))}
          </section>
        )}
      </Drawer>
    </>
  );
}
