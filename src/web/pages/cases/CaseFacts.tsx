import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetailT } from '../../api/cases';
import { formatDate } from '../../components/format';

const plain = { whiteSpace: 'pre-wrap' as const, overflowWrap: 'anywhere' as const };

/** Netra's proposal: the catalogue item and tier that follow from the act date, the contest and the kind of act. */
export function ProposalBox({ detail }: { detail: CaseDetailT }) {
  const { t } = useTranslation();
  const p = detail.proposal;
  if (!p) return null;
  const line = p.itemCode && p.tier ? t('cases.detail.proposalLine', { code: p.itemCode, tier: t(`cases.tier.${p.tier}`) }) : t('cases.detail.proposalNone');
  return (
    <Alert color="blue" variant="light" icon={<IconBulb size={18} />} title={`${t('cases.detail.proposal')}: ${line}`} data-testid="case-proposal">
      <Text size="sm" style={plain}>{p.reason}</Text>
    </Alert>
  );
}

/** What is known of the act: the summary, the basis letter, the election and dates. */
export function CaseFacts({ detail }: { detail: CaseDetailT }) {
  const { t } = useTranslation();
  const e = detail.election;
  const rows: [string, string][] = [
    [t('cases.detail.origin'), t(`cases.origin.${detail.origin}`)],
    ...(detail.originRef ? [[t('cases.detail.originRef'), `${detail.originRef.number} · ${formatDate(detail.originRef.date)} · ${detail.originRef.from}`] as [string, string]] : []),
    ...(e ? [[t('cases.detail.election'), [e.eventName, e.contestName].filter(Boolean).join(' — ')] as [string, string]] : []),
    ...(e?.penetapanCalonOn ? [[t('cases.detail.penetapan'), formatDate(e.penetapanCalonOn)] as [string, string]] : []),
    [t('cases.detail.actKind'), detail.actKind ? t(`reports.actKind.${detail.actKind}`) : '—'],
    [t('cases.detail.actDate'), formatDate(detail.actDate)],
    [t('cases.detail.discoveredOn'), formatDate(detail.discoveredOn)],
    [t('cases.detail.place'), detail.place ?? '—'],
    [t('cases.detail.catalogue'), detail.catalogueVersion ? t('cases.detail.catalogueVersion', { version: detail.catalogueVersion }) : '—'],
  ];
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('cases.detail.facts')}</Title>
        <ProposalBox detail={detail} />
        <div>
          <Text size="xs" c="dimmed">{t('cases.detail.summary')}</Text>
          <Text size="sm" style={plain} data-testid="case-summary">{detail.summary}</Text>
        </div>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="dl" m={0}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed">{label}</Text>
              <Text component="dd" m={0} size="sm" style={plain}>{value}</Text>
            </div>
          ))}
        </SimpleGrid>
        {detail.examinationTeam.length > 0 ? (
          <div>
            <Text size="xs" c="dimmed">{t('cases.detail.team')}</Text>
            {detail.examinationTeam.map((m, i) => (
              <Text key={i} size="sm">{m.name} — {m.title} ({t(`cases.teamRole.${m.role}`, { defaultValue: m.role })})</Text>
            ))}
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
