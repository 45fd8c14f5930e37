import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, errorMessage, setCsrfToken, whenSignedOut, type paths } from './api/client.ts';

export type Session = paths['/v1/session']['get']['responses'][200]['content']['application/json'];

type SessionState =
  | { state: 'loading' }
  | { state: 'signed_out'; notice?: string }
  | { state: 'signed_in'; session: Session };

type SessionApi = SessionState & {
  signIn(email: string, password: string): Promise<string | null>;
  signOut(): Promise<void>;
  switchOrganization(orgId: string): Promise<void>;
  refresh(): Promise<void>;
};

const SessionContext = createContext<SessionApi | null>(null);

/** Who is signed in, for every view: the cookie is httpOnly, so the session is read from GET /v1/session. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<SessionState>({ state: 'loading' });

  const adopt = useCallback((session: Session | undefined) => {
    setCsrfToken(session?.csrf_token ?? null);
    setCurrent(session ? { state: 'signed_in', session } : { state: 'signed_out' });
  }, []);

  const refresh = useCallback(async () => {
    const { data } = await api.GET('/v1/session');
    adopt(data);
  }, [adopt]);

  useEffect(() => {
    whenSignedOut(() => {
      setCsrfToken(null);
      setCurrent({ state: 'signed_out', notice: 'Your session ended. Sign in again.' });
    });
    refresh().catch(() => setCurrent({ state: 'signed_out', notice: 'The platform could not be reached. Try again in a moment.' }));
  }, [refresh]);

  const value: SessionApi = {
    ...current,
    async signIn(email, password) {
      const { data, error } = await api.POST('/v1/session', { body: { email, password } });
      if (error || !data) return errorMessage(error);
      adopt(data);
      return null;
    },
    async signOut() {
      await api.DELETE('/v1/session');
      adopt(undefined);
    },
    async switchOrganization(orgId) {
      const { data } = await api.POST('/v1/session/organization', { body: { org_id: orgId } });
      if (data) adopt(data);
    },
    refresh,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; views under the signed-in layout only. */
export function useSignedIn(): Session {
  const value = useSession();
  if (value.state !== 'signed_in') throw new Error('useSignedIn while signed out');
  return value.session;
}
