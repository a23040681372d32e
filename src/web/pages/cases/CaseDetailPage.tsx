import { useState } from 'react';
import { Anchor, Button, Card, Grid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCase, useCaseNote, type CaseDetailT } from '../../api/cases';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { ActionPanel } from './actions/ActionPanel';
import { CaseFacts } from './CaseFacts';
import { CaseDocuments, CaseEvidence, CaseReports } from './CaseFiles';
import { CaseHeader } from './CaseHeader';
import { CaseTimeline } from './CaseTimeline';
import { CaseErrorAlert } from './caseUi';
import { SubjectCards } from './SubjectCards';

/**
 * /kasus/:id — the case page: header and steps, then facts, subjects and history on the left; the
 * actions, note, evidence and documents on the right. On phones the actions come right after the header.
 */
export default function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCase(id);
  const detail = query.data;
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const reload = () => void query.refetch();
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kasus" size="sm"><IconArrowLeft size={14} /> {t('cases.backToList')}</Anchor>
      {query.isPending ? <PageLoader /> : null}
      <ErrorAlert error={query.error} />
      {detail ? (
        <>
          <CaseHeader detail={detail} onReload={reload} />
          {wide ? null : <ActionPanel detail={detail} onReload={reload} />}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="md">
                <CaseFacts detail={detail} />
                <SubjectCards detail={detail} onReload={reload} />
                <CaseTimeline detail={detail} onReload={reload} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="md">
                {wide ? <ActionPanel detail={detail} onReload={reload} /> : null}
                <NoteForm detail={detail} onReload={reload} />
                <CaseEvidence detail={detail} />
                <CaseDocuments detail={detail} />
                <CaseReports detail={detail} />
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      ) : null}
    </Stack>
  );
}

function NoteForm({ detail, onReload }: { detail: CaseDetailT; onReload: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const note = useCaseNote(detail.id, detail.version);
  const [body, setBody] = useState('');
  if (!can('case.handle')) return null;
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="xs">
        <Title order={3} size="h4">{t('cases.note.title')}</Title>
        <Text size="xs" c="dimmed">{t('cases.note.hint')}</Text>
        <Textarea aria-label={t('cases.note.title')} autosize minRows={2} maxLength={10_000} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="case-note" />
        <CaseErrorAlert error={note.error} onReload={() => { note.reset(); onReload(); }} />
        <Button size="xs" variant="light" disabled={!body.trim()} loading={note.isPending} style={{ alignSelf: 'flex-start' }}
          onClick={() => note.mutate(body.trim(), { onSuccess: () => { setBody(''); notifySuccess(t('cases.note.saved')); } })}>
          {t('cases.note.add')}
        </Button>
      </Stack>
    </Card>
  );
}
