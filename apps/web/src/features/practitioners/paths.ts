/** URL of the 人力资源从业人员信息补录 page (no runtime imports: the shell chunk uses this file). */
export const PRACTITIONERS_PATH = '/hr/institutions/practitioners';
