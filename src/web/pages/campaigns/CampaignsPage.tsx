import { useState } from 'react';
import { Anchor, Button, Card, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../../api/campaigns';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { CampaignCreateForm } from './CampaignCreateForm';
import { CampaignStatusBadge, SignProgress } from './CampaignStatusBadge';

/** "Ikrar & pakta" (campaign.read): campaigns with status, deadline and signing progress. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  const [adding, setAdding] = useState(false);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const items = campaigns.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="xs">
        <div>
          <Title order={2} size="h3">{t('campaigns.title')}</Title>
          <Text size="sm" c="dimmed">{t('campaigns.intro')}</Text>
        </div>
        {can('campaign.write') ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('campaigns.add')}</Button>
        ) : null}
      </Group>
      <ErrorAlert error={campaigns.error} />
      {campaigns.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('campaigns.empty')}</Text>
      ) : isPhone ? (
        <Stack gap="xs" data-testid="campaign-list">
          {items.map((c) => (
            <Card key={c.id} padding="sm" component={Link} to={`/kampanye/${c.id}`} style={{ color: 'inherit', textDecoration: 'none' }}>
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Text fw={600} size="sm" style={{ minWidth: 0 }}>{c.name}</Text>
                <CampaignStatusBadge status={c.status} />
              </Group>
              <Text size="xs" c="dimmed">{c.eventName}</Text>
              <Text size="xs" mb={6}>{t('campaigns.deadline')}: {formatDate(c.signDeadline)}</Text>
              <SignProgress signed={c.signedCount} target={c.targetCount} />
            </Card>
          ))}
        </Stack>
      ) : (
        <Card p="xs">
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="campaign-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.name')}</Table.Th>
                  <Table.Th>{t('campaigns.event')}</Table.Th>
                  <Table.Th>{t('campaigns.status')}</Table.Th>
                  <Table.Th>{t('campaigns.deadline')}</Table.Th>
                  <Table.Th w={220}>{t('campaigns.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td><Anchor component={Link} to={`/kampanye/${c.id}`} fw={500} size="sm">{c.name}</Anchor></Table.Td>
                    <Table.Td fz="sm">{c.eventName}</Table.Td>
                    <Table.Td><CampaignStatusBadge status={c.status} /></Table.Td>
                    <Table.Td fz="sm">{formatDate(c.signDeadline)}</Table.Td>
                    <Table.Td><SignProgress signed={c.signedCount} target={c.targetCount} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Drawer opened={adding} onClose={() => setAdding(false)} position="right" size={isPhone ? '100%' : 'lg'} title={t('campaigns.add')}>
        {adding ? (
          <CampaignCreateForm
            onCancel={() => setAdding(false)}
            onCreated={(c) => { notifySuccess(t('campaigns.created')); setAdding(false); void navigate(`/kampanye/${c.id}`); }}
          />
        ) : null}
      </Drawer>
    </Stack>
  );
}
