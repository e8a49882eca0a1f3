import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useAuth } from '../features/auth/auth-context';
import { AuthProvider } from '../features/auth/components/auth-provider';
import { createQueryClient } from '../lib/query-client';

/** Forgets every cached answer when the session ends or changes, so one shop's data never shows in another's. */
function ForgetDataOnSessionChange() {
  const { state } = useAuth();
  const queryClient = useQueryClient();
  const sessionKey = state.status === 'authenticated' ? `${state.session.merchant.id}:${state.session.user.id}` : null;
  useEffect(() => () => queryClient.clear(), [sessionKey, queryClient]);
  return null;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <ForgetDataOnSessionChange />
        {children}
      </AuthProvider>
    </QueryClientProvider>
  );
}
