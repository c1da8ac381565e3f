/** Dictionaries of the institution record (SPEC §3), in the guide's wording and order. */

export const INSTITUTION_CATEGORIES = [
  '民营性质的服务企业',
  '国有性质的服务企业',
  '外资/合资性质的服务企业',
  '公共就业和人才服务机构',
  '社会组织',
  '其他',
] as const;

/** 申请业务 */
export const BUSINESS_SCOPES = [
  '现场招聘会',
  '职业指导服务',
  '人力资源招聘',
  '职业介绍',
  '人力资源事务代理',
  '人力资源培训',
  '高级人才寻访',
  '人力资源外包',
  '人才测评',
  '人力资源管理咨询',
  '人力资源信息网络服务',
  '人事档案管理服务',
] as const;
export type TBusinessScope = (typeof BUSINESS_SCOPES)[number];

/**
 * 职业中介活动 under 《人力资源市场暂行条例》第十八条: these need a 许可 (licence); every other
 * service is filed (备案).
 */
export const LICENSED_SCOPES: readonly TBusinessScope[] = ['职业介绍', '现场招聘会', '人力资源招聘', '高级人才寻访', '人力资源信息网络服务'];

export const LICENCE_DELIVERY = ['邮寄', '现场领取', '电子证照'] as const;
export const ID_DOCUMENT_TYPES = ['居民身份证'] as const;
export const GENDERS = ['男', '女'] as const;
export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;
export const EDUCATION_LEVELS = ['博士研究生', '硕士研究生', '大学本科', '大学专科', '中等专科', '高中', '初中及以下'] as const;
export const QUALIFICATION_LEVELS = ['一级', '二级', '三级', '四级', '五级'] as const;
/** The 56 ethnic groups (GB/T 3304), most frequent in Jilin first. */
export const ETHNIC_GROUPS = [
  '汉族', '朝鲜族', '满族', '蒙古族', '回族', '锡伯族', '壮族', '藏族', '维吾尔族', '苗族', '彝族', '布依族', '侗族', '瑶族',
  '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族',
  '纳西族', '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;
