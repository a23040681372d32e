import { Alert, Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportDetailT } from '../../api/types';
import { formatDate, formatDateTime } from '../../components/format';

const plain = { whiteSpace: 'pre-wrap' as const, overflowWrap: 'anywhere' as const };

/** The reporter's facts, all rendered as text (React escapes; links are shown, never followed automatically). */
export function ReportFacts({ report }: { report: ReportDetailT }) {
  const { t } = useTranslation();
  const r = report.reported;
  const act = report.actKind ? (report.actKind === 'lainnya' ? `${t('reports.actKind.lainnya')}: ${report.actKindOther ?? ''}` : t(`reports.actKind.${report.actKind}`)) : '—';
  const rows: [string, string][] = [
    [t('inbox.detail.reportedPerson'), [r.name, r.position, r.agency, r.idNumber].filter(Boolean).join(' · ') || '—'],
    [t('inbox.detail.act'), act],
    [t('inbox.detail.actDate'), formatDate(report.actDate)],
    [t('inbox.detail.discovered'), formatDate(report.discoveredOn)],
    [t('inbox.detail.place'), report.place ?? '—'],
    [t('inbox.detail.received'), formatDate(report.receivedOn)],
    [t('inbox.detail.channel'), t(`inbox.channel.${report.channel}`)],
  ];
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('inbox.detail.facts')}</Title>
        <Group gap="xs">
          {report.duplicateOf ? <Badge color="grape" variant="light">{t('inbox.detail.duplicateOf', { number: report.duplicateOf.number })}</Badge> : null}
          {report.handover ? <Badge color="orange" variant="light">{t('inbox.detail.handedOver', { date: formatDateTime(report.handover.at) })}</Badge> : null}
          {report.caseId ? <Badge variant="light">{t('inbox.detail.caseLinked')}</Badge> : null}
        </Group>
        {report.warnings.length > 0 ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('inbox.warnings')}>
            <List size="sm">{report.warnings.map((w) => <List.Item key={w.code}>{t(`reports.warnings.${w.code}`, { defaultValue: w.message })}</List.Item>)}</List>
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed">{label}</Text>
              <Text component="dd" m={0} size="sm" style={plain}>{value}</Text>
            </div>
          ))}
        </SimpleGrid>
        <div>
          <Text size="xs" c="dimmed">{t('inbox.detail.description')}</Text>
          <Text size="sm" style={plain} data-testid="report-description">{report.description}</Text>
        </div>
        {report.links.length > 0 ? (
          <div>
            <Text size="xs" c="dimmed">{t('inbox.detail.links')}</Text>
            <List size="sm">
              {report.links.map((link) => (
                <List.Item key={link} style={plain}>
                  {/^https?:\/\//i.test(link) ? <Anchor href={link} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">{link}</Anchor> : link}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
