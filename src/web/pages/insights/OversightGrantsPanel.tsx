/** The platform operator's list of oversight grants: who may see whose aggregates; grant, revoke, recompute. */
import { useState } from 'react';
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCreateOversightGrant, useOversightGrants, useRefreshNational, useRevokeOversightGrant } from '../../api/national';
import { useTenants } from '../../api/tenants';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';

const ALL = 'all';

export default function OversightGrantsPanel() {
  const { t } = useTranslation();
  const grants = useOversightGrants(true);
  const tenants = useTenants();
  const create = useCreateOversightGrant();
  const revoke = useRevokeOversightGrant();
  const refresh = useRefreshNational();
  const [overseer, setOverseer] = useState<string | null>(null);
  const [overseen, setOverseen] = useState<string | null>(null);
  const [basis, setBasis] = useState('');
  const options = (tenants.data?.items ?? []).map((x) => ({ value: x.id, label: x.wilayahCode ? `${x.name} (${x.wilayahCode})` : x.name }));
  const submit = () => {
    if (!overseer || !overseen) return;
    create.mutate(
      { overseerTenantId: overseer, overseenTenantId: overseen === ALL ? null : overseen, basis: basis || undefined },
      {
        onSuccess: () => {
          notifySuccess(t('national.grants.added'));
          setOverseen(null);
          setBasis('');
        },
        onError: notifyError,
      },
    );
  };
  return (
    <Card data-testid="national-grants">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div style={{ flex: '1 1 320px' }}>
            <Text fw={600}>{t('national.grants.title')}</Text>
            <Text size="xs" c="dimmed">{t('national.grants.intro')}</Text>
          </div>
          <Button variant="light" size="xs" loading={refresh.isPending} onClick={() => refresh.mutate(undefined, { onSuccess: (r) => notifySuccess(t('national.grants.refreshed', { count: r.tenants })), onError: notifyError })}>
            {t('national.grants.refresh')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
          <Select label={t('national.grants.overseer')} data={options} value={overseer} onChange={setOverseer} searchable data-testid="grant-overseer" />
          <Select label={t('national.grants.overseen')} data={[{ value: ALL, label: t('national.grants.allTenants') }, ...options.filter((o) => o.value !== overseer)]} value={overseen} onChange={setOverseen} searchable data-testid="grant-overseen" />
          <TextInput label={t('national.grants.basis')} value={basis} onChange={(e) => setBasis(e.currentTarget.value)} maxLength={300} />
          <Button mt={{ md: 24 }} onClick={submit} disabled={!overseer || !overseen} loading={create.isPending}>{t('national.grants.add')}</Button>
        </SimpleGrid>
        {(grants.data?.items ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">{t('national.grants.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('national.grants.overseer')}</Table.Th>
                  <Table.Th>{t('national.grants.overseen')}</Table.Th>
                  <Table.Th>{t('national.grants.basis')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grants.data!.items.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>{g.overseer.name}</Table.Td>
                    <Table.Td>{g.overseen?.name ?? t('national.grants.allTenants')}</Table.Td>
                    <Table.Td>{g.basis ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      {g.revokedAt ? (
                        <Badge variant="light" color="gray">{t('national.grants.revokedAt', { date: formatDateTime(g.revokedAt) })}</Badge>
                      ) : (
                        <Button size="compact-xs" variant="subtle" color="red" loading={revoke.isPending && revoke.variables === g.id} onClick={() => revoke.mutate(g.id, { onSuccess: () => notifySuccess(t('national.grants.revoked')), onError: notifyError })}>
                          {t('national.grants.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
