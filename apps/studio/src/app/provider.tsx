import type { ReactNode } from 'react';
import { AuthProvider } from '../features/auth/components/auth-provider';

export function AppProvider({ children }: { children: ReactNode }) {
  return <AuthProvider>{children}</AuthProvider>;
}
