import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';

/**
 * 导出 of a list (decision 0032): a same-origin link to the list's export with `download`, so the
 * session cookie goes along and the browser saves the XLSX the server names. One look everywhere.
 */
export function ExportButton({ href }: { href: string }) {
  return (
    <Button icon={<DownloadOutlined />} href={href} download title="导出当前查询条件下的全部结果（Excel）">
      导出
    </Button>
  );
}
