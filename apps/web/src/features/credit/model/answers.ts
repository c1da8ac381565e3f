import { CREDIT_FIELDS, CREDIT_FIELD_KEYS, type TCreditAnswers } from '@jhrm/contracts';

/**
 * The form's answers as 保存 sends them: blanks left out (a draft may be incomplete), text trimmed,
 * an emptied 服务项目选项 as none. Everything else goes as typed; the server checks it.
 */
export function answersToDraft(values: TCreditAnswers | undefined): TCreditAnswers {
  const out: TCreditAnswers = {};
  for (const k of CREDIT_FIELD_KEYS) {
    const v = values?.[k];
    if (v === null || v === undefined) continue;
    const f = CREDIT_FIELDS[k];
    if ((f.input === 'text' || f.input === 'textarea') && typeof v === 'string') {
      if (v.trim()) out[k] = v.trim();
      continue;
    }
    if (f.input === 'multi' && Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}
