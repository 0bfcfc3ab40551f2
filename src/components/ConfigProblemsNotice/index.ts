export { ConfigProblemsNotice } from './ConfigProblemsNotice';
export type { ConfigProblemsNoticeProps } from './ConfigProblemsNotice';
