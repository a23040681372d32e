import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconShieldLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { caseBundleUrl, useAssignCase, type CaseDetailT } from '../../api/cases';
import { useAuth } from '../../components/auth';
import { notifySuccess } from '../../components/notify';
import { CaseErrorAlert, DueInfo, EscalationIcon, StateBadge } from './caseUi';
import { CaseSteps } from './CaseSteps';

const UNASSIGNED = '__none__';

/** Number, title, step, due date, assignee (with reassignment) and the case bundle. */
export function CaseHeader({ detail, onReload }: { detail: CaseDetailT; onReload: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const assign = useAssignCase(detail.id, detail.version);
  const mayAssign = can('case.handle') && detail.state !== 'closed';
  const options = [
    { value: UNASSIGNED, label: t('cases.unassigned') },
    ...detail.assignable.map((p) => ({ value: p.id, label: p.name })),
  ];
  // The current assignee stays visible even if they are no longer assignable.
  if (detail.assignee && !detail.assignable.some((p) => p.id === detail.assignee?.id)) options.push({ value: detail.assignee.id, label: detail.assignee.name });
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Group gap="xs">
              <Title order={2} size="h3" ff="monospace" data-testid="case-number">{detail.number}</Title>
              <StateBadge state={detail.state} closeReason={detail.closeReason} size="lg" />
            </Group>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="case-title">{detail.title}</Text>
            <Text size="xs" c="dimmed">{t(`cases.origin.${detail.origin}`)}</Text>
          </div>
          <Button component="a" href={caseBundleUrl(detail.id)} download variant="default" size="sm" leftSection={<IconFileTypePdf size={16} />}>
            {t('cases.detail.bundle')}
          </Button>
        </Group>
        {detail.closeReason ? <Text size="sm">{t('cases.detail.closedAs', { reason: t(`cases.closeReason.${detail.closeReason}`) })}</Text> : null}
        {detail.mergedInto ? (
          <Anchor component={Link} to={`/kasus/${detail.mergedInto.id}`} size="sm">{t('cases.detail.mergedInto', { number: detail.mergedInto.number })}</Anchor>
        ) : null}
        {detail.external ? (
          <Badge color="gray" variant="light">{t('cases.detail.forwarded', { target: t(`cases.forwardTarget.${detail.external.target}`) })}</Badge>
        ) : null}
        <CaseSteps detail={detail} />
        <Group gap="lg" align="flex-end" wrap="wrap">
          {detail.state !== 'closed' ? (
            <div>
              <Text size="xs" c="dimmed">{t('cases.detail.due')}</Text>
              <DueInfo dueOn={detail.dueOn} overdueDays={detail.overdueDays} />
              {detail.escalationLevel > 0 ? <EscalationIcon level={detail.escalationLevel} withLabel /> : null}
            </div>
          ) : null}
          {mayAssign ? (
            <Select label={t('cases.detail.assignee')} data={options} value={detail.assignee?.id ?? UNASSIGNED} allowDeselect={false}
              onChange={(v) => v && v !== (detail.assignee?.id ?? UNASSIGNED) && assign.mutate(v === UNASSIGNED ? null : v, { onSuccess: () => notifySuccess(t('cases.detail.assigned')) })}
              disabled={assign.isPending} w={{ base: '100%', xs: 260 }} comboboxProps={{ withinPortal: true }} data-testid="case-assignee" />
          ) : (
            <div>
              <Text size="xs" c="dimmed">{t('cases.detail.assignee')}</Text>
              <Text size="sm">{detail.assignee?.name ?? t('cases.unassigned')}</Text>
            </div>
          )}
        </Group>
        {detail.excludedCount > 0 ? (
          <Alert color="gray" variant="light" icon={<IconShieldLock size={18} />} p="xs">
            <Text size="sm">{t('cases.detail.excluded', { count: detail.excludedCount })}</Text>
          </Alert>
        ) : null}
        <CaseErrorAlert error={assign.error} onReload={() => { assign.reset(); onReload(); }} />
      </Stack>
    </Card>
  );
}
