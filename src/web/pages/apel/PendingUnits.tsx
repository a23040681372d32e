import { useMemo } from 'react';
import { Accordion, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/units';
import type { ApelSummaryT, CampaignViewT } from '../../api/types';
import { useEnumLabel } from '../../components/labels';

interface Props {
  campaign: CampaignViewT;
  reports: ApelSummaryT[];
  /** Unit heads see the list open; BKPSDM (the whole Pemda) sees it folded. */
  openByDefault: boolean;
}

/** Units in the actor's scope whose type the campaign requires to hold an apel, with no report yet. */
export function PendingUnits({ campaign, reports, openByDefault }: Props) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const units = useUnits();
  const pending = useMemo(() => {
    const reported = new Set(reports.map((r) => r.unitId));
    const types = new Set(campaign.apelUnitTypes);
    return (units.data?.items ?? [])
      .filter((u) => types.has(u.unitType) && !reported.has(u.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }, [units.data, reports, campaign.apelUnitTypes]);

  if (!units.data) return null;
  if (pending.length === 0) {
    return <Text size="sm" c="dimmed">{t('apel.pendingNone')}</Text>;
  }
  const canCreate = campaign.status !== 'draft';

  return (
    <Card p={0}>
      <Accordion defaultValue={openByDefault ? 'pending' : null} variant="default">
        <Accordion.Item value="pending" style={{ borderBottom: 0 }}>
          <Accordion.Control>
            <Text fw={600}>{t('apel.pendingTitle', { count: pending.length })}</Text>
            <Text size="xs" c="dimmed">{t('apel.pendingHint')}</Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap={6} data-testid="apel-pending">
              {pending.map((u) => (
                <Group key={u.id} justify="space-between" wrap="nowrap" gap="xs" data-unit-id={u.id}
                  py={4} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>{u.name}</Text>
                    <Group gap={6}>
                      <Badge size="xs" variant="light" color="gray">{label('unitType', u.unitType)}</Badge>
                      <Text size="xs" c="dimmed">{t('apel.employees', { count: u.employeeCount })}</Text>
                    </Group>
                  </div>
                  {canCreate ? (
                    <Button component={Link} size="xs" variant="light" leftSection={<IconPlus size={14} />}
                      to={`/apel/baru?campaign=${campaign.id}&unit=${u.id}`} style={{ flexShrink: 0 }}
                      aria-label={`${t('apel.create')}: ${u.name}`}>
                      {t('apel.create')}
                    </Button>
                  ) : null}
                </Group>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Card>
  );
}
