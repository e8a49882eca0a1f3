import { loginRequestSchema } from '@postino/api-contract';
import type { Credentials } from '../types';

export type LoginFieldErrors = Partial<Record<keyof Credentials, string>>;

const fieldLabels: Record<keyof Credentials, string> = { email: 'Email', password: 'Password' };

/** The same rules the API applies, checked before sending so mistakes are named next to their field. */
export function validateLogin(credentials: Credentials): LoginFieldErrors {
  const result = loginRequestSchema.safeParse(credentials);
  if (result.success) return {};
  const errors: LoginFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !errors[field]) {
      errors[field] = `${fieldLabels[field]} ${issue.message}.`;
    }
  }
  return errors;
}
