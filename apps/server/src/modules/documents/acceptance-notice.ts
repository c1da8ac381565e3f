import PDFDocument from 'pdfkit';
import { ACCEPTANCE_NOTICE_TITLES, ACCEPTANCE_WORKING_DAYS, chineseDate, type TAcceptanceDecision, type TCorrectionItemView } from '@jhrm/contracts';
import { pdfBytes, registerCjkFonts } from './pdf';

/** What a notice of an acceptance decision prints (decision 0034). */
export interface AcceptanceNoticeInput {
  decision: TAcceptanceDecision;
  noticeNumber: string;
  /** the 审批部门's full name (issuerName), as on a licence */
  issuerName: string;
  unitName: string;
  institutionName: string;
  /** 设立申请 / 变更申请 / 注销申请, with the subject: 人力资源服务机构设立申请 */
  what: string;
  /** YYYY-MM-DD (Beijing) */
  submittedOn: string;
  decidedOn: string;
  /** 受理: the last day of the decision limit */
  dueOn?: string | null;
  reason?: string | null;
  items?: readonly TCorrectionItemView[];
  createdAt: Date;
}

const INK = '#1f1f1f';
const RED = '#a8071a';
const MUTED = '#595959';
const LAW = '《中华人民共和国行政许可法》';

/** The paragraphs of the notice's body, in order (the PDF sets them; tests read them). */
export function acceptanceNoticeParagraphs(n: AcceptanceNoticeInput): string[] {
  const applied = `你单位于${chineseDate(n.submittedOn)}提交的“${n.institutionName}”${n.what}`;
  switch (n.decision) {
    case '受理':
      return [
        `${applied}，申请材料齐全、符合法定形式。根据${LAW}第三十二条第一款第（五）项的规定，本机关决定予以受理。`,
        n.dueOn ? `本机关将于${chineseDate(n.dueOn)}前作出审核决定，并通过吉林人力资源市场管理告知你单位。` : '本机关将依法作出审核决定，并通过吉林人力资源市场管理告知你单位。',
        '申请受理后不能撤回。特此通知。',
      ];
    case '不予受理':
      return [
        `${applied}，经审查，本机关决定不予受理。`,
        `理由：${n.reason ?? ''}`,
        `根据${LAW}第三十二条的规定，特此告知。`,
        '如对本决定不服，可以依法申请行政复议或者提起行政诉讼（自收到本通知书之日起六十日内申请行政复议，或者六个月内提起行政诉讼）。你单位也可以在符合条件后重新申请。',
      ];
    case '补正':
      return [
        `${applied}，申请材料不齐全或者不符合法定形式。根据${LAW}第三十二条第一款第（四）项“申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容”的规定，现一次性告知你单位需要补正的全部内容如下：`,
        ...(n.items ?? []).map((item, i) => `${i + 1}. ${item.label ? `${item.label}：` : ''}${item.message}`),
        `请你单位按上述要求补正后，通过吉林人力资源市场管理重新提交。本机关将在收到补正后的申请材料之日起${ACCEPTANCE_WORKING_DAYS}个工作日内作出是否受理的决定。`,
      ];
  }
}

/** The notice's file name: 补正告知书-吉林省…有限公司.pdf */
export function acceptanceNoticeFileName(decision: TAcceptanceDecision, institutionName: string): string {
  const name = [...institutionName].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return `${ACCEPTANCE_NOTICE_TITLES[decision]}-${name}.pdf`;
}

/**
 * 受理通知书 / 不予受理通知书 / 补正告知书 on A4, set in serif as official documents are (decision 0008
 * addendum): the issuer, the title and number, the addressee, the body (the reason or every item to
 * correct), the issuer and date with a place for the seal.
 */
export async function renderAcceptanceNotice(n: AcceptanceNoticeInput): Promise<Buffer> {
  const title = ACCEPTANCE_NOTICE_TITLES[n.decision];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 80, right: 80 },
    info: { Title: `${title}（${n.noticeNumber}）`, Subject: title, Author: n.issuerName, Creator: '吉林人力资源市场管理', CreationDate: n.createdAt },
  });
  registerCjkFonts(doc, 'serif');
  const done = pdfBytes(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('bold').fontSize(20).fillColor(RED).text(n.issuerName, left, 80, { width, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.4);
  doc.font('bold').fontSize(22).fillColor(INK).text(title, { width, align: 'center', characterSpacing: 4 });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11).fillColor(MUTED).text(n.noticeNumber, { width, align: 'center' });
  const ruleY = doc.y + 8;
  doc.lineWidth(1.2).strokeColor(RED).moveTo(left, ruleY).lineTo(left + width, ruleY).stroke();

  doc.font('regular').fontSize(13).fillColor(INK).text(`${n.unitName}：`, left, ruleY + 20, { width });
  doc.moveDown(0.5);
  const paragraphs = acceptanceNoticeParagraphs(n);
  for (const [i, p] of paragraphs.entries()) {
    const item = n.decision === '补正' && /^\d+\. /.test(p);
    doc.font(item ? 'regular' : 'regular').fontSize(13).text(p, left + (item ? 26 : 0), doc.y, { width: width - (item ? 26 : 0), indent: item ? 0 : 26, lineGap: 6, paragraphGap: 8 });
    if (i === 0 && n.decision === '不予受理') doc.moveDown(0.2);
  }

  // the issuer and the date, with the seal over them as on paper; a new page if the body ran long
  if (doc.y > doc.page.height - 230) doc.addPage();
  const signY = Math.max(doc.y + 50, doc.page.height - 260);
  doc.font('regular').fontSize(13).fillColor(INK);
  doc.text(n.issuerName, left, signY, { width: width - 10, align: 'right' });
  doc.text(chineseDate(n.decidedOn), left, signY + 26, { width: width - 10, align: 'right' });
  const sealX = left + width - 70;
  doc.save();
  doc.lineWidth(0.8).strokeColor('#d9a1a1').dash(3, { space: 3 }).circle(sealX, signY + 18, 44).stroke();
  doc.restore();
  doc.font('regular').fontSize(8).fillColor('#bfbfbf').text('（盖章）', sealX - 40, signY + 66, { width: 80, align: 'center', lineBreak: false });

  doc.end();
  return done;
}
