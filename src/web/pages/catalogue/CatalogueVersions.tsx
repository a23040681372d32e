import { Badge, Button, Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogueSummaryT } from '../../api/catalogue';
import { formatDateTime } from '../../components/format';

/** Every version, newest first; an older one can be opened read-only. */
export function CatalogueVersions({ versions, onView }: { versions: CatalogueSummaryT[]; onView: (id: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder p={{ base: 'xs', sm: 'md' }}>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('handling.catalogue.colVersion')}</Table.Th>
              <Table.Th>{t('handling.catalogue.colTitle')}</Table.Th>
              <Table.Th>{t('handling.catalogue.colItems')}</Table.Th>
              <Table.Th>{t('handling.catalogue.colPublished')}</Table.Th>
              <Table.Th>{t('handling.catalogue.colStatus')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>{v.title}</Text>
                  {v.note ? <Text size="xs" c="dimmed" lineClamp={2}>{v.note}</Text> : null}
                </Table.Td>
                <Table.Td>{v.itemCount}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDateTime(v.publishedAt)}</Text>
                  <Text size="xs" c="dimmed">{v.publishedByName ?? 'Netra'}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={v.isCurrent ? 'teal' : 'gray'} variant="light">{v.isCurrent ? t('handling.catalogue.current') : t('handling.catalogue.old')}</Badge>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => onView(v.isCurrent ? null : v.id)}>{t('handling.catalogue.view')}</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
