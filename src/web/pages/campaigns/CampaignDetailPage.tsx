import { useState } from 'react';
import { Anchor, Button, Card, Group, Popover, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCampaign, useUpdateCampaign } from '../../api/campaigns';
import type { CampaignViewT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifyError } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { CampaignSettingsForm } from './CampaignSettingsForm';
import { CampaignStatusBadge, SignProgress } from './CampaignStatusBadge';
import { PaperSignatureForm } from './PaperSignatureForm';
import { TemplateEditor } from './TemplateEditor';

/** Buka / Tutup (PATCH {status}); closing asks for confirmation. */
function StatusActions({ campaign }: { campaign: CampaignViewT }) {
  const { t } = useTranslation();
  const update = useUpdateCampaign(campaign.id);
  const [confirming, setConfirming] = useState(false);
  const setStatus = (status: 'open' | 'closed') =>
    update.mutate({ status }, { onError: notifyError, onSettled: () => setConfirming(false) });
  if (campaign.status !== 'open') {
    return (
      <Button leftSection={<IconLockOpen size={16} />} loading={update.isPending} onClick={() => setStatus('open')}>
        {campaign.status === 'draft' ? t('campaigns.openAction') : t('campaigns.reopen')}
      </Button>
    );
  }
  return (
    <Popover opened={confirming} onChange={setConfirming} width={320} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button color="orange" variant="light" leftSection={<IconLock size={16} />} onClick={() => setConfirming((v) => !v)}>
          {t('campaigns.closeAction')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" mb="sm">{t('campaigns.confirmClose')}</Text>
        <Group justify="flex-end" gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button size="xs" color="orange" loading={update.isPending} onClick={() => setStatus('closed')}>
            {t('campaigns.closeAction')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

/** /kampanye/:id — status, progress, settings, ikrar/pakta texts and paper signatures. */
export default function CampaignDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const campaign = useCampaign(id);
  const canWrite = can('campaign.write');

  if (campaign.isPending) return <PageLoader />;
  if (!campaign.data) return <ErrorAlert error={campaign.error} />;
  const c = campaign.data;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kampanye" size="sm">← {t('campaigns.title')}</Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Title order={2} size="h3" style={{ minWidth: 0 }}>{c.name}</Title>
            <CampaignStatusBadge status={c.status} />
          </Group>
          <Text size="sm" c="dimmed">{c.eventName}</Text>
        </div>
        {canWrite ? <StatusActions campaign={c} /> : null}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Card padding="sm">
          <Text size="xs" c="dimmed">{t('campaigns.deadline')}</Text>
          <Text fw={600}>{formatDate(c.signDeadline)}</Text>
        </Card>
        <Card padding="sm">
          <Text size="xs" c="dimmed" mb={4}>{t('campaigns.progress')}</Text>
          <SignProgress signed={c.signedCount} target={c.targetCount} />
        </Card>
      </SimpleGrid>
      <Tabs defaultValue="templates" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="templates">{t('campaigns.templates')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('campaigns.settings')}</Tabs.Tab>
          {can('pledge.record_paper') ? <Tabs.Tab value="paper">{t('campaigns.paper')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="templates" pt="md">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('campaigns.placeholders', { instansi: '{{instansi}}', pemilihan: '{{pemilihan}}' })}
            </Text>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <TemplateEditor key={c.ikrar.id} campaignId={c.id} template={c.ikrar} canWrite={canWrite} />
              <TemplateEditor key={c.pakta.id} campaignId={c.id} template={c.pakta} canWrite={canWrite} />
            </SimpleGrid>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <CampaignSettingsForm key={c.id} campaign={c} canWrite={canWrite} />
        </Tabs.Panel>
        {can('pledge.record_paper') ? (
          <Tabs.Panel value="paper" pt="md">
            <PaperSignatureForm campaignId={c.id} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
