import { Button } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

/** Toggles between Bahasa Indonesia and English; `compact` drops the icon on phones (the signed-in header is tight at 360 px). */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const narrow = useMediaQuery('(max-width: 35.99em)');
  const next = i18n.language === 'en' ? 'id' : 'en';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={compact && narrow ? undefined : <IconLanguage size={16} />}
      onClick={() => setLanguage(next)}
      aria-label={t('nav.language')}
      title={t('nav.language')}
    >
      {next.toUpperCase()}
    </Button>
  );
}
