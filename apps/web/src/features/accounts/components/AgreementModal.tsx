import { Button, Modal } from 'antd';

export type AgreementKind = 'terms' | 'privacy';

const TITLES: Record<AgreementKind, string> = { terms: '注册协议', privacy: '隐私政策' };

function Terms() {
  return (
    <>
      <p>欢迎使用吉林人力资源市场管理系统（以下简称“本系统”）。本系统由吉林省人力资源和社会保障厅提供，用于人力资源服务机构的行政许可、备案及相关业务办理。注册前请仔细阅读本协议。</p>
      <h3>一、账号注册</h3>
      <p>1. 法人账号由单位（以统一社会信用代码标识）注册，每个统一社会信用代码只能注册一个法人账号。</p>
      <p>2. 您应保证填写的单位信息、法定代表人信息及手机号码真实、准确、完整，并对提交信息的真实性负责。</p>
      <h3>二、账号使用与安全</h3>
      <p>1. 法人账号可创建、停用本单位的经办人账号，经办人以本单位名义办理业务。</p>
      <p>2. 请妥善保管账号和密码，不得转让、出借。因保管不善造成的损失由账号所属单位承担。发现账号被盗用，请立即通过【账号申诉】或咨询电话 0431-80767550 处理。</p>
      <h3>三、用户义务</h3>
      <p>不得利用本系统提交虚假材料、干扰系统正常运行或从事其他违法活动。违反本协议的，本系统有权停用相关账号，并依法追究责任。</p>
      <h3>四、其他</h3>
      <p>本协议适用中华人民共和国法律。本协议内容如有变更，将在本系统公布。</p>
    </>
  );
}

function Privacy() {
  return (
    <>
      <p>本系统依照《中华人民共和国个人信息保护法》《中华人民共和国数据安全法》等法律法规处理您的个人信息。</p>
      <h3>一、收集的信息</h3>
      <p>注册时收集：法定代表人姓名、身份证号、身份证有效期、手机号码，以及单位名称、统一社会信用代码。登录时记录登录时间、IP 地址和浏览器信息，用于账号安全。</p>
      <h3>二、使用目的</h3>
      <p>上述信息仅用于身份核验、人力资源服务行政许可和备案业务办理、业务通知（短信）及账号安全保护，不用于与上述目的无关的用途，不向第三方出售或提供，法律、行政法规另有规定的除外。</p>
      <h3>三、保存与保护</h3>
      <p>身份证号、手机号码加密存储，在列表和日志中脱敏显示；对个人信息的访问和修改记入审计日志。信息保存期限为实现处理目的所必需的最短时间，法律法规另有规定的从其规定。</p>
      <h3>四、您的权利</h3>
      <p>您有权查阅、复制、更正、补充您的个人信息，并可依法请求删除。如需行使上述权利或有疑问，请通过【账号申诉】或咨询电话 0431-80767550 联系我们。</p>
    </>
  );
}

/** 《注册协议》 and 《隐私政策》 in a modal, from the registration page's agreement line. */
export function AgreementModal({ kind, onClose }: { kind: AgreementKind | null; onClose: () => void }) {
  return (
    <Modal
      open={kind !== null}
      title={kind ? TITLES[kind] : ''}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          我知道了
        </Button>
      }
      width={640}
      destroyOnHidden
    >
      {/* Focusable, so the text can be scrolled with the keyboard. */}
      <div className="agreement-text" tabIndex={0} role="document" aria-label={kind ? TITLES[kind] : undefined}>{kind === 'terms' ? <Terms /> : kind === 'privacy' ? <Privacy /> : null}</div>
    </Modal>
  );
}
