import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueItemViewT } from '../../api/catalogue';
import { StageBadge, TierBadge } from './catalogueUi';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

/** One catalogue item: code, tier and stage, the act, where the tier comes from, the legal basis and the act kinds it is proposed for. */
export function CatalogueItemCard({ item }: { item: CatalogueItemViewT }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid={`catalogue-item-${item.code}`}>
      <Group gap={6} mb={6} wrap="wrap">
        <Badge variant="filled" color="dark" style={{ flexShrink: 0 }}>{item.code}</Badge>
        <TierBadge tier={item.tier} />
        <StageBadge stage={item.stage} />
      </Group>
      <Text size="sm" fw={500} mb="xs">{item.act}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" verticalSpacing="xs">
        <Field label={t('handling.catalogue.tierSource')}>{item.tierSource}</Field>
        <Field label={t('handling.catalogue.legalBasis')}>{item.legalBasis}</Field>
        {item.examples ? <Field label={t('handling.catalogue.examples')}>{item.examples}</Field> : null}
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">{t('handling.catalogue.actKinds')}</Text>
          {item.actKinds.length > 0 ? (
            <Stack gap={2} mt={2}>
              {item.actKinds.map((k) => (
                <Text key={k} size="sm">• {t(`reports.actKind.${k}`, { defaultValue: k })}</Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">{t('handling.catalogue.noActKinds')}</Text>
          )}
        </div>
      </SimpleGrid>
    </Card>
  );
}
