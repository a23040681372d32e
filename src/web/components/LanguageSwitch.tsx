import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** Toggles between Bahasa Indonesia and English. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'id' : 'en';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconLanguage size={16} />}
      onClick={() => setLanguage(next)}
      aria-label={t('nav.language')}
      title={t('nav.language')}
    >
      {next.toUpperCase()}
    </Button>
  );
}
