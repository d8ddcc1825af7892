import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Output } from '../../shared/api/contract';
import type { ErrorParams } from '../../shared/api/errors';
import { translate, type Locale } from '../../shared/i18n';
import { ClientError, createClient, type WorkbenchClient } from './client';

type AppInfo = Output<'app.info'>;

interface AppState {
  client: WorkbenchClient;
  info: AppInfo;
  locale: Locale;
  t: (key: string, params?: ErrorParams) => string;
  setLocale: (locale: Locale) => Promise<void>;
  refresh: () => Promise<void>;
  /** A translated sentence for any error a call threw. */
  describeError: (error: unknown) => string;
}

const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside AppProvider');
  return state;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const client = useMemo(() => createClient(), []);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setInfo(await client.call('app.info', {}));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  }, [client]);

  useEffect(() => {
    client.call('app.info', {}).then(setInfo, (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [client]);

  const locale: Locale = info?.language ?? 'zh';

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(locale, 'app.title');
  }, [locale]);

  const state = useMemo<AppState | null>(() => {
    if (!info) return null;
    const t = (key: string, params?: ErrorParams) => translate(locale, key, params);
    return {
      client,
      info,
      locale,
      t,
      refresh,
      setLocale: async (language) => {
        await client.call('settings.setLanguage', { language });
        await refresh();
      },
      describeError: (error) => (error instanceof ClientError ? t(error.code, error.params) : error instanceof Error ? error.message : String(error)),
    };
  }, [client, info, locale, refresh]);

  if (failure) return <div className="fatal" role="alert">{failure}</div>;
  if (!state) return <div className="loading">{translate('zh', 'common.loading')}</div>;
  return <AppContext.Provider value={state}>{children}</AppContext.Provider>;
}
