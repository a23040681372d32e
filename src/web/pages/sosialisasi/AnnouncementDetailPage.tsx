import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAnnouncementUnits } from '../../api/sosialisasi';
import { DataAsOf } from '../../components/DataAsOf';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';

const pctText = (p: number | null) => (p === null ? '—' : `${formatNumber(p)}%`);

/** /sosialisasi/:id: the text and, per unit, read and acknowledgement beside the pledge signing %. */
export default function AnnouncementDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useAnnouncementUnits(id);
  const [showAll, setShowAll] = useState(false);
  const v = detail.data;
  const rows = v ? v.units.filter((u) => u.target > 0 && (showAll || u.depth <= 1)) : [];
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/sosialisasi" size="sm">{t('sosialisasi.back')}</Anchor>
      <ErrorAlert error={detail.error} />
      {detail.isPending ? <PageLoader /> : null}
      {v ? (
        <>
          <Card>
            <Title order={2} size="h3">{v.announcement.title}</Title>
            <Text size="xs" c="dimmed" mb="sm">{formatDate(v.announcement.publishedAt)}{v.announcement.reference ? ` · ${v.announcement.reference}` : ''}</Text>
            {v.body.split(/\n\s*\n/).map((p, i) => <Text key={i} mb="xs" style={{ whiteSpace: 'pre-line' }}>{p}</Text>)}
          </Card>
          <Card>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h4">{t('sosialisasi.detail')}</Title>
              <Button variant="subtle" size="compact-sm" onClick={() => setShowAll((s) => !s)}>{showAll ? t('sosialisasi.topUnits') : t('sosialisasi.allUnits')}</Button>
            </Group>
            <Text size="xs" c="dimmed" mb="xs">{v.campaign ? t('sosialisasi.campaignNote', { name: v.campaign.name }) : t('sosialisasi.noCampaign')}</Text>
            <DataAsOf computedAt={v.announcement.computedAt} />
            <Table.ScrollContainer minWidth={560}>
              <Table striped verticalSpacing={4} fz="sm" data-testid="announcement-units">
                <Table.Thead>
                  <Table.Tr>
                    {(['unit', 'target', 'read', 'acknowledged', 'ackPct', 'signedPct'] as const).map((c) => <Table.Th key={c} ta={c === 'unit' ? undefined : 'right'}>{t(`sosialisasi.cols.${c}`)}</Table.Th>)}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((u) => (
                    <Table.Tr key={u.id} fw={u.depth === 0 ? 700 : undefined}>
                      <Table.Td style={{ paddingLeft: 8 + u.depth * 14 }}>{u.name}</Table.Td>
                      <Table.Td ta="right">{formatNumber(u.target)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(u.read)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(u.acknowledged)}</Table.Td>
                      <Table.Td ta="right">{pctText(u.acknowledgedPct)}</Table.Td>
                      <Table.Td ta="right">{pctText(u.signedPct)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </>
      ) : null}
    </Stack>
  );
}
