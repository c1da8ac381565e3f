import { renderToStaticMarkup } from 'react-dom/server';
import { StaticRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { TAdminTodo } from '@jhrm/contracts';
import { formatDateTime } from '../../../lib/format-datetime';
import { AdminTodoView } from './AdminTodoCard';

const render = (todo: TAdminTodo) =>
  renderToStaticMarkup(
    <StaticRouter location="/hr">
      <AdminTodoView todo={todo} />
    </StaticRouter>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the administrator 主页 待办', () => {
  it('links the pending appeals and names the expiring passwords and the last import', () => {
    const html = render({
      pendingAppeals: 2,
      expiringPasswords: {
        total: 3,
        items: [
          { id: 'u1', account: 'reviewer_a', name: '钱审核', departmentName: '长春市人力资源和社会保障局', expiresOn: '2026-11-21', expired: true },
          { id: 'u2', account: 'reviewer_b', name: '孙审核', departmentName: null, expiresOn: '2026-12-06', expired: false },
        ],
      },
      lastImport: { id: 'b1', fileName: '存量机构.csv', format: 'csv', totalRows: 12, importedRows: 12, createdBy: 'demo_admin', createdAt: '2026-11-26T01:00:00.000Z' },
    });
    expect(html).toContain('href="/hr/admin/appeals"');
    expect(html).toContain('aria-label="待处理账号申诉 2 件"');
    const t = text(html);
    expect(t).toContain('钱审核（reviewer_a，长春市人力资源和社会保障局）：已于2026-11-21过期，下次登录须修改密码');
    expect(t).toContain('孙审核（reviewer_b）：2026-12-06到期');
    expect(t).toContain('另有1人');
    expect(t).toContain(`${formatDateTime('2026-11-26T01:00:00.000Z')}，demo_admin 导入“存量机构.csv”：共12行，成功导入12家机构`);
    expect(html).toContain('href="/hr/admin/imports"');
    expect(html).toContain('href="/hr/admin/reviewers"');
  });

  it('says so when nothing expires and nothing was imported', () => {
    const t = text(render({ pendingAppeals: 0, expiringPasswords: { total: 0, items: [] }, lastImport: null }));
    expect(t).toContain('14天内没有审核人员的密码到期');
    expect(t).toContain('尚未导入过机构数据');
  });
});
