import type { USER_ROLES } from '@postino/api-contract';

export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

export interface Merchant {
  id: string;
  name: string;
  slug: string;
}

/** Who is logged in, and for which shop. */
export interface Session {
  user: User;
  merchant: Merchant;
}

export interface Credentials {
  email: string;
  password: string;
}
