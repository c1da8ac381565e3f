import { ESTABLISHMENT_NOTICE } from '@jhrm/contracts';

export const TEMPLATES_NOTE = '《吉林省人力资源服务机构登记申请表》、《人力资源服务机构诚信档案》和《专职工作人员登记表》请到材料上传中下载';

/** 新申请人力资源服务机构须知 (guide 1.2): the 14 materials a new institution submits. */
export function EstablishmentNotice() {
  return (
    <section className="materials-notice" aria-labelledby="materials-notice-title">
      <h3 id="materials-notice-title" className="materials-notice-title">
        新申请人力资源服务机构须知
      </h3>
      <p className="materials-notice-lead">新设立的人力资源服务机构，应提交的申请材料说明：</p>
      <ol className="materials-notice-list">
        {ESTABLISHMENT_NOTICE.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ol>
      <p className="materials-notice-note">{TEMPLATES_NOTE}</p>
    </section>
  );
}
