/** What the allow-list suggestion writes. */
export const ALLOW_LIST = 'process.env.CORS_ORIGINS?.split(",") ?? []';
