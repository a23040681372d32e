import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size="lg" radius="md" variant="light" aria-hidden>
        <IconEye size={20} />
      </ThemeIcon>
      <Stack gap={0}>
        <Text fw={700} size="lg" lh={1.1}>
          {t('app.name')}
        </Text>
        <Text size="xs" c="dimmed" lh={1.1} visibleFrom="xs">
          {t('app.subtitle')}
        </Text>
      </Stack>
    </Group>
  );
}
