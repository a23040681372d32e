import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm">
      <Text size="lg">{t('errors.notFound')}</Text>
      <Button component={Link} to="/" variant="light">{t('nav.home')}</Button>
    </Stack>
  );
}
