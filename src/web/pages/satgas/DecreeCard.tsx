import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SatgasDecreeT } from '../../api/satgas';
import { formatDate } from '../../components/format';

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/** A decree with its facts and members; `onEdit` when the user may change it. */
export function DecreeCard({ decree, isActiveToday, onEdit }: { decree: SatgasDecreeT; isActiveToday: boolean; onEdit?: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  return (
    <Card withBorder data-testid={`decree-${decree.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{t('handling.satgas.heading', { signer: decree.signerTitle, number: decree.number })}</Text>
          <Group gap={6} mt={4}>
            {isActiveToday ? <Badge color="teal" variant="light">{t('handling.satgas.activeToday')}</Badge> : null}
            {!decree.isActive ? <Badge color="gray" variant="light">{t('handling.satgas.inactive')}</Badge> : null}
            <Badge color="blue" variant="outline">
              {decree.scopeUnitId ? t('handling.satgas.scopeUnit', { unit: decree.scopeUnitName ?? '' }) : t('handling.satgas.scopeTenant')}
            </Badge>
          </Group>
        </div>
        {onEdit ? <Button variant="light" size="compact-sm" leftSection={<IconPencil size={14} />} onClick={onEdit}>{t('handling.satgas.edit')}</Button> : null}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="sm">
        <Fact label={t('handling.satgas.number')} value={decree.number} />
        <Fact label={t('handling.satgas.signedOn')} value={formatDate(decree.signedOn)} />
        <Fact label={t('handling.satgas.signerTitle')} value={decree.signerTitle} />
        <Fact label={t('handling.satgas.period')} value={`${formatDate(decree.periodStart)} – ${formatDate(decree.periodEnd)}`} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>{t('handling.satgas.members')}</Text>
      {isPhone ? (
        <Stack gap={6}>
          {decree.members.map((m) => (
            <Paper key={m.id} withBorder p="xs">
              <Group justify="space-between" gap={4} wrap="nowrap">
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">{t(`handling.position.${m.position}`)}</Text>
                {m.username ? <Badge variant="light" size="sm">{m.username}</Badge> : null}
              </Group>
              <Text size="sm" fw={500}>{m.name}</Text>
              <Text size="sm">{m.title}</Text>
              {m.employeeIdNumber ? <Text size="xs" c="dimmed" ff="monospace">{m.employeeIdNumber}</Text> : null}
            </Paper>
          ))}
        </Stack>
      ) : (
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('handling.satgas.position')}</Table.Th>
              <Table.Th>{t('handling.satgas.name')}</Table.Th>
              <Table.Th>{t('handling.satgas.memberTitle')}</Table.Th>
              <Table.Th>{t('handling.satgas.account')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decree.members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`handling.position.${m.position}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{m.name}</Text>
                  {m.employeeIdNumber ? <Text size="xs" c="dimmed" ff="monospace">{m.employeeIdNumber}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{m.title}</Text>
                  {m.employeeUnitName ? <Text size="xs" c="dimmed">{m.employeeUnitName}</Text> : null}
                </Table.Td>
                <Table.Td>{m.username ? <Badge variant="light">{m.username}</Badge> : <Text size="xs" c="dimmed">{t('handling.satgas.noAccount')}</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      )}
    </Card>
  );
}
