export const JWT_ALGORITHM = 'HS256' as const;
export const JWT_ISSUER = 'lienthong';
