import { useCallback, useEffect, useState } from 'react';
import type { Settings, Template } from '../../shared/domain';
import { ami } from '../api/ami-api';

export interface AppInfo {
  mode: 'electron' | 'web';
  version: string;
  dataDir: string;
  notices: string[];
}

/** What every panel needs from main: the mode, the settings and the request templates. */
export function useAppData() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);

  const refreshTemplates = useCallback(async () => {
    const result = await ami['templates:list']({});
    if (result.ok) setTemplates(result.value);
  }, []);

  useEffect(() => {
    void ami['app:info']({}).then((r) => r.ok && setInfo(r.value));
    void ami['settings:get']({}).then((r) => r.ok && setSettings(r.value));
    void refreshTemplates();
  }, [refreshTemplates]);

  return { info, settings, setSettings, templates, refreshTemplates };
}
