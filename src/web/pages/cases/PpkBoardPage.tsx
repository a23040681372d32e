import { lazy, Suspense } from 'react';
import { Anchor, Badge, Box, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePpkBoard, type PpkBoardT } from '../../api/cases';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';

const PpkRateChart = lazy(() => import('./PpkRateChart'));

type Waiting = PpkBoardT['waiting'][number];

/** /kasus/ppk: every recommendation awaiting the PPK's decision, how long it has waited, and per-PPK follow-up rates. */
export default function PpkBoardPage() {
  const { t } = useTranslation();
  const board = usePpkBoard();
  const data = board.data;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('cases.ppk.title')}</Title>
        <Text size="sm" c="dimmed">{t('cases.ppk.intro')}</Text>
      </div>
      <ErrorAlert error={board.error} />
      {board.isPending ? <PageLoader /> : null}
      {data ? (
        <>
          <Card withBorder radius="md" p="md">
            <Stack gap="sm">
              <Group gap="xs">
                <Title order={3} size="h4">{t('cases.ppk.waiting')}</Title>
                <Badge variant="light">{data.waiting.length}</Badge>
              </Group>
              {data.waiting.length === 0 ? <Text size="sm" c="dimmed">{t('cases.ppk.none')}</Text> : null}
              <Stack gap="xs" hiddenFrom="md">
                {data.waiting.map((w) => <WaitingCard key={w.caseId} w={w} />)}
              </Stack>
              {data.waiting.length > 0 ? (
                <Table.ScrollContainer minWidth={900} visibleFrom="md">
                  <Table striped highlightOnHover verticalSpacing="xs" data-testid="ppk-waiting">
                    <Table.Thead>
                      <Table.Tr>
                        {(['case', 'subjects', 'ppk', 'recommendedOn', 'waiting', 'due'] as const).map((c) => <Table.Th key={c}>{t(`cases.ppk.cols.${c}`)}</Table.Th>)}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.waiting.map((w) => (
                        <Table.Tr key={w.caseId} bg={w.overdue ? 'var(--mantine-color-red-light)' : undefined} data-testid="ppk-row">
                          <Table.Td maw={260}>
                            <Anchor component={Link} to={`/kasus/${w.caseId}`} ff="monospace" fw={600} size="sm">{w.caseNumber}</Anchor>
                            <Text size="xs" c="dimmed" lineClamp={2}>{w.title}</Text>
                          </Table.Td>
                          <Table.Td><SubjectList w={w} /></Table.Td>
                          <Table.Td>{w.ppkName || '—'}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}><RecommendedOn iso={w.recommendedOn} /></Table.Td>
                          <Table.Td><WaitingDays w={w} /></Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(w.dueOn)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : null}
            </Stack>
          </Card>
          <Suspense fallback={<PageLoader />}>
            <PpkRateChart rates={data.rates} />
          </Suspense>
        </>
      ) : null}
    </Stack>
  );
}

function RecommendedOn({ iso }: { iso: string }) {
  const { session } = useAuth();
  return <Text size="sm">{formatDateTime(iso, session?.tenant?.timezone)}</Text>;
}

function SubjectList({ w }: { w: Waiting }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {w.subjects.map((s, i) => (
        <Text key={i} size="sm">
          {s.name}
          {s.recommendedTier ? <Text span size="xs" c="dimmed"> — {t(`cases.tier.${s.recommendedTier}`)}</Text> : null}
        </Text>
      ))}
    </Stack>
  );
}

function WaitingDays({ w }: { w: Waiting }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={w.overdue ? 700 : 400} c={w.overdue ? 'red' : undefined}>
        {t('cases.ppk.waitingDays', { days: w.waitingDays, working: w.waitingWorkingDays })}
      </Text>
      {w.overdue ? (
        <Badge color="red" variant="filled" size="xs" styles={{ root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible' } }}>
          {t('cases.ppk.overdue')}
        </Badge>
      ) : null}
    </Stack>
  );
}

function WaitingCard({ w }: { w: Waiting }) {
  const { t } = useTranslation();
  const { session } = useAuth();
  return (
    <Card withBorder radius="md" p="sm" component={Link} to={`/kasus/${w.caseId}`} data-testid="ppk-card"
      style={w.overdue ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}>
      <Text fw={700} ff="monospace" size="sm">{w.caseNumber}</Text>
      <Text size="sm" lineClamp={2}>{w.title}</Text>
      <SubjectList w={w} />
      <Box my={4}><WaitingDays w={w} /></Box>
      <Text size="xs" c="dimmed">{w.ppkName || '—'} · {t('cases.ppk.cols.recommendedOn')}: {formatDateTime(w.recommendedOn, session?.tenant?.timezone)} · {t('cases.ppk.cols.due')}: {formatDate(w.dueOn)}</Text>
    </Card>
  );
}
