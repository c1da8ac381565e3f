import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { beijingDay, chineseDate, isExpired, LICENCE_TITLES, LICENCE_VERIFY_PATH, licenceVerifyUrl } from '@jhrm/contracts';
import { pdfBytes, registerCjkFonts } from '../documents/pdf';
import type { LicenceRow } from './licences.repository';

/** What a certificate prints: the licence as issued, and where it stands now. */
export interface CertificateInput {
  licence: Pick<
    LicenceRow,
    'number' | 'kind' | 'status' | 'institutionName' | 'uscc' | 'legalRep' | 'address' | 'scopes' | 'departmentName' | 'issuedOn' | 'endedAt' | 'validUntil' | 'reissuedOn' | 'edition'
  >;
  successorNumber: string | null;
  /** PUBLIC_BASE_URL: the QR code opens the verification page there */
  publicBaseUrl: string;
  createdAt: Date;
  /** today in Beijing: a licence past its 有效期至 is marked 已过期 */
  today: string;
}

export function certificateFileName(l: Pick<LicenceRow, 'kind' | 'institutionName'>): string {
  // a name never carries path separators or control characters into a download
  const name = [...l.institutionName].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return `${LICENCE_TITLES[l.kind]}-${name}.pdf`;
}

const RED = '#a8071a';
const INK = '#1f1f1f';
const MUTED = '#595959';
const QR_SIZE = 118;

/** The QR code as PNG: error correction M survives a worn print; the quiet zone is drawn by the frame around it. */
export function verificationQr(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 4 * QR_SIZE });
}

/**
 * 人力资源服务许可证 / 备案凭证 on A4 landscape: the certified facts, the issuing department and
 * date, and a QR code linking to the public verification page. A licence no longer in force
 * carries 已换发 / 已注销 across the page, so a printed copy cannot pass for a valid one.
 */
export async function renderCertificate(input: CertificateInput): Promise<Buffer> {
  const { licence: l } = input;
  const title = LICENCE_TITLES[l.kind];
  const url = licenceVerifyUrl(input.publicBaseUrl, l.number, l.edition);
  const qr = await verificationQr(url);

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    info: { Title: `${title}（${l.number}）`, Subject: title, Author: l.departmentName, Creator: '吉林人力资源市场管理', CreationDate: input.createdAt },
  });
  registerCjkFonts(doc, 'serif');
  const done = pdfBytes(doc);
  const W = doc.page.width;
  const H = doc.page.height;

  // frame: a heavy outer line and a fine inner one
  doc.lineWidth(4).strokeColor(RED).rect(22, 22, W - 44, H - 44).stroke();
  doc.lineWidth(0.8).rect(32, 32, W - 64, H - 64).stroke();

  doc.font('bold').fontSize(30).fillColor(RED).text(title, 40, 62, { width: W - 80, align: 'center', characterSpacing: 6, lineBreak: false });
  doc.font('regular').fontSize(12).fillColor(INK).text(`编号：${l.number}`, 40, 112, { width: W - 80, align: 'center', lineBreak: false });

  // the certified facts, left; the QR code, right
  const left = 86;
  const labelWidth = 150;
  const qrX = W - 86 - QR_SIZE;
  const valueWidth = qrX - 36 - left - labelWidth;
  const fields: [string, string][] = [
    ['机构名称', l.institutionName],
    ['统一社会信用代码', l.uscc],
    ['法定代表人（负责人）', l.legalRep ?? ''],
    ['住所', l.address ?? ''],
    ['服务范围', l.scopes.join('、')],
  ];
  const top = 158;
  const room = 420 - top;
  // long addresses and many scopes shrink the type rather than run into the signature block
  const size = [13, 12, 11, 10, 9].find((s) => heightOf(doc, fields, s, labelWidth, valueWidth) <= room) ?? 9;
  let y = top;
  for (const [label, value] of fields) {
    const h = rowHeight(doc, label, value, size, labelWidth, valueWidth);
    doc.font('bold').fontSize(size).fillColor(MUTED).text(`${label}：`, left, y, { width: labelWidth, align: 'right', lineGap: 3 });
    doc.font('regular').fontSize(size).fillColor(INK).text(value || '—', left + labelWidth, y, { width: valueWidth, lineGap: 3 });
    y += h + size * 0.9;
  }

  const qrY = top + 4;
  doc.lineWidth(0.6).strokeColor('#d9d9d9').rect(qrX - 6, qrY - 6, QR_SIZE + 12, QR_SIZE + 12).stroke();
  doc.image(qr, qrX, qrY, { width: QR_SIZE, height: QR_SIZE });
  doc.font('regular').fontSize(9).fillColor(MUTED).text('扫码核验真伪', qrX - 20, qrY + QR_SIZE + 12, { width: QR_SIZE + 40, align: 'center', lineBreak: false });

  // issuing department and date, bottom right
  const signX = W - 86 - 300;
  doc.font('regular').fontSize(13).fillColor(INK);
  doc.text(`发证机关：${l.departmentName}`, signX, 440, { width: 300, align: 'right' });
  doc.text(`发证日期：${chineseDate(l.issuedOn)}`, signX, 468, { width: 300, align: 'right', lineBreak: false });
  // 有效期至 (decision 0047) and, after a 补办, 补发 with its date, under the certified facts
  const extra = [l.validUntil ? `有效期至：${chineseDate(l.validUntil)}` : '', l.reissuedOn ? `补发日期：${chineseDate(l.reissuedOn)}` : ''].filter(Boolean);
  extra.forEach((line, i) => doc.font('bold').fontSize(12).fillColor(INK).text(line, left, 440 + i * 28, { width: 300, lineBreak: false }));
  if (l.reissuedOn) doc.font('bold').fontSize(14).fillColor(RED).text('（补发）', W - 86 - 120, 76, { width: 120, align: 'right', lineBreak: false });
  // where the issuing authority's seal goes: over the issuer's name and the date, as on a paper licence
  const sealX = W - 86 - 70;
  doc.save();
  doc.lineWidth(0.8).strokeColor('#d9a1a1').dash(3, { space: 3 }).circle(sealX, 458, 44).stroke();
  doc.restore();
  doc.font('regular').fontSize(8).fillColor('#bfbfbf').text('（盖章）', sealX - 40, 500, { width: 80, align: 'center', lineBreak: false });

  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(`本${l.kind === '许可' ? '证' : '凭证'}可扫描二维码，或在 ${input.publicBaseUrl}${LICENCE_VERIFY_PATH} 输入编号核验。`, 40, H - 60, { width: W - 80, align: 'center', lineBreak: false });

  const expired = l.status === '有效' && isExpired(l.validUntil, input.today);
  if (l.status !== '有效' || expired) {
    const since = l.endedAt ? `${chineseDate(beijingDay(l.endedAt))}` : '';
    const note =
      l.status === '已换发'
        ? `本${l.kind === '许可' ? '证' : '凭证'}已于${since}换发${input.successorNumber ? `，现行编号：${input.successorNumber}` : ''}`
        : expired
          ? `本${l.kind === '许可' ? '证' : '凭证'}已于${chineseDate(l.validUntil)}到期`
          : `本${l.kind === '许可' ? '证' : '凭证'}已于${since}注销`;
    doc.font('bold').fontSize(11).fillColor(RED).text(note, 40, 132, { width: W - 80, align: 'center', lineBreak: false });
    doc.save();
    doc.rotate(-24, { origin: [W / 2, H / 2] });
    doc.fillOpacity(0.18).font('bold').fontSize(150).fillColor(RED).text(expired ? '已过期' : l.status, 0, H / 2 - 105, { width: W, align: 'center', characterSpacing: 30, lineBreak: false });
    doc.restore();
  }

  doc.end();
  return done;
}

function rowHeight(doc: PDFKit.PDFDocument, label: string, value: string, size: number, labelWidth: number, valueWidth: number): number {
  const lh = doc.font('bold').fontSize(size).heightOfString(`${label}：`, { width: labelWidth, lineGap: 3 });
  const vh = doc.font('regular').fontSize(size).heightOfString(value || '—', { width: valueWidth, lineGap: 3 });
  return Math.max(lh, vh);
}

function heightOf(doc: PDFKit.PDFDocument, fields: [string, string][], size: number, labelWidth: number, valueWidth: number): number {
  return fields.reduce((sum, [label, value]) => sum + rowHeight(doc, label, value, size, labelWidth, valueWidth) + size * 0.9, 0);
}
