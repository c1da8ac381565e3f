import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

// Dates appear only inside the business system, so the locale is set up by its chunk rather than
// on the login page's first-paint path. Import this module for its side effect.
dayjs.locale('zh-cn');
