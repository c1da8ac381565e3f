import type { ReactNode } from 'react';
import { App, Button, type ButtonProps } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';

/** The address of one of our PDFs as the browser shows it (`inline=1`) rather than downloads it. */
export function inlinePdfUrl(url: string): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('inline', '1');
  return `${u.pathname}${u.search}`;
}

interface Props extends Omit<ButtonProps, 'onClick' | 'href'> {
  /** the PDF (登记表, 许可证, 备案凭证) */
  url: string;
  children?: ReactNode;
}

/**
 * 打印: opens the PDF in a new window of the browser's PDF viewer and asks it to print once it has
 * loaded. Closing the print dialog leaves the document open, with the viewer's own 打印 button.
 */
export function PrintPdfButton({ url, children = '打印', ...rest }: Props) {
  const { message } = App.useApp();
  const onClick = () => {
    const w = window.open(inlinePdfUrl(url), '_blank');
    if (!w) {
      void message.warning('浏览器阻止了新窗口：请允许本网站弹出窗口后再点击“打印”');
      return;
    }
    w.addEventListener(
      'load',
      () => {
        try {
          w.print();
        } catch {
          // the viewer's own 打印 button remains
        }
      },
      { once: true },
    );
  };
  return (
    <Button icon={<PrinterOutlined />} onClick={onClick} title="在新窗口中打开并打印" {...rest}>
      {children}
    </Button>
  );
}
