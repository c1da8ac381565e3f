import { z } from 'zod';

// Both sides show zod's built-in messages (missing field, wrong type) to people, so they must be Chinese.
z.config(z.locales.zhCN());
