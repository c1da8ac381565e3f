import { z } from 'zod';

/** Generated templates (PDF, pre-filled with what the unit entered). */
export const TEMPLATES = {
  registrationForm: '吉林省人力资源服务机构登记申请表',
  integrityFile: '人力资源服务机构诚信档案',
  staffForm: '专职工作人员登记表',
  cancellationForm: '人力资源服务机构注销审批表',
  cancellationUndertaking: '人力资源服务机构注销承诺书',
  reissueForm: '人力资源服务许可证补办申请表',
  renewalForm: '人力资源服务许可证延续申请表',
  promiseLetter: '人力资源服务许可告知承诺书',
} as const;
export type TTemplateKey = keyof typeof TEMPLATES;

export interface MaterialSlotDef {
  name: string;
  required: boolean;
  template?: TTemplateKey;
}

/** The video slot; required at 设立 (and for 变更住所(地址)). */
export const VIDEO_SLOT = '场所视频光盘';

export const ZStoredFile = z.object({ id: z.string(), name: z.string(), size: z.number(), mime: z.string(), uploadedAt: z.string() });
export type TStoredFile = z.infer<typeof ZStoredFile>;

export const ZMaterialSlot = z.object({
  name: z.string(),
  required: z.boolean(),
  uploaded: z.boolean(),
  template: z.string().nullable(),
  files: z.array(ZStoredFile),
});
export type TMaterialSlot = z.infer<typeof ZMaterialSlot>;

export const ZVideo = ZStoredFile.extend({ durationSeconds: z.number(), sha256: z.string() });
export type TVideo = z.infer<typeof ZVideo>;

export const ZMaterials = z.object({ slots: z.array(ZMaterialSlot), video: z.object({ name: z.string(), required: z.boolean(), files: z.array(ZVideo) }) });
export type TMaterials = z.infer<typeof ZMaterials>;

/** 新申请人力资源服务机构须知 (guide 1.2), shown beside the establishment materials. */
export const ESTABLISHMENT_NOTICE = [
  '《吉林省人力资源服务机构登记申请表》',
  '人力资源服务机构《诚信档案》',
  '工商营业执照副本复印件',
  '企业章程(与工商备案的一致,需带水印)',
  '健全可行的企业管理制度',
  '房产证或商品房购房合同',
  '办公场所证明(无偿使用的办公场所应提交无偿使用协议;有偿使用的办公场所应提交租期不少于一年的租赁协议。房产证如果提供了原件,要审核原件视频或照片)',
  '应公开的服务内容、程序、收费项目和标准的文稿(收费项目必须标准清晰忌使用模糊字样)',
  '法定代表人(负责人)身份证',
  '场所视频光盘(格式必须为mp4,时间不限,要求完整统一,不允许中断。由办公场所外录到办公场所内,外面体现出营业执照“住所”的具体地址和单位牌匾;内体现办公场所环境及办公设备。营业执照正本挂在办公场所显著位置,体现远景并可看清内容;若视频地址与营业执照和房产证上登记不符合,位置却是同一地址,需要当地社区或居委会出具证明)',
  '专职工作人员登记表(至少2人)',
  '专职工作人员学历证书',
  '与专职工作人员签订的劳动合同书(或聘用协议)',
  '专职工作人员人力资源资格证书(所有专职工作人员中具有资格证书的至少1人)',
] as const;
