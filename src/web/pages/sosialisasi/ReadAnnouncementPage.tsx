import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Card, Checkbox, Radio, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NEUTRALITY_QUIZ } from '../../../shared/sosialisasi-quiz.js';
import { ApiError } from '../../api/client';
import { useAcknowledge, useMarkRead, useMyAnnouncements } from '../../api/sosialisasi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';

/** /pengumuman/:id: the employee reads (recorded once), answers the quiz when asked, and acknowledges. */
export default function ReadAnnouncementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const mine = useMyAnnouncements();
  const markRead = useMarkRead();
  const acknowledge = useAcknowledge(id);
  const [answers, setAnswers] = useState<(number | null)[]>(NEUTRALITY_QUIZ.map(() => null));
  const [agreed, setAgreed] = useState(false);
  const marked = useRef(false);
  const a = mine.data?.items.find((x) => x.id === id);
  useEffect(() => {
    if (a && !a.readAt && !marked.current) {
      marked.current = true;
      markRead.mutate(id);
    }
  }, [a, id, markRead]);
  const wrong = acknowledge.error instanceof ApiError && acknowledge.error.code === 'QUIZ_INCORRECT' ? (acknowledge.error.details as { wrong: string[]; explanations: Record<string, string> }) : null;

  if (mine.isPending) return <PageLoader />;
  if (!a) return <ErrorAlert error={mine.error ?? new ApiError(404, 'NOT_FOUND', t('errors.notFound', { defaultValue: 'Data tidak ditemukan.' }))} />;
  const submit = async () => {
    await acknowledge.mutateAsync(a.hasQuiz ? (answers as number[]) : undefined);
    notifySuccess(t('sosialisasi.read.done'));
  };
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/" size="sm">{t('sosialisasi.read.back')}</Anchor>
      <Card>
        <Title order={2} size="h3">{a.title}</Title>
        <Text size="xs" c="dimmed" mb="sm">{formatDate(a.publishedAt)}{a.reference ? ` · ${a.reference}` : ''}</Text>
        {a.body.split(/\n\s*\n/).map((p, i) => <Text key={i} mb="xs" style={{ whiteSpace: 'pre-line' }}>{p}</Text>)}
      </Card>
      {a.acknowledgedAt ? (
        <Alert color="teal" data-testid="acknowledged">{t('sosialisasi.read.acknowledged', { date: formatDateTime(a.acknowledgedAt) })}</Alert>
      ) : (
        <Card>
          <Stack gap="md">
            {a.hasQuiz ? (
              <>
                <div>
                  <Title order={3} size="h4">{t('sosialisasi.read.quizTitle')}</Title>
                  <Text size="sm" c="dimmed">{t('sosialisasi.read.quizIntro')}</Text>
                </div>
                {NEUTRALITY_QUIZ.map((q, i) => (
                  <Radio.Group key={q.id} label={`${i + 1}. ${q.question}`} value={answers[i] === null ? null : String(answers[i])} onChange={(v) => setAnswers((prev) => prev.map((x, j) => (j === i ? Number(v) : x)))} error={wrong?.wrong.includes(q.id) ? `${t('sosialisasi.read.wrong')}: ${wrong.explanations[q.id]}` : undefined}>
                    <Stack gap={6} mt={6}>
                      {q.options.map((o, k) => <Radio key={k} value={String(k)} label={o} />)}
                    </Stack>
                  </Radio.Group>
                ))}
              </>
            ) : null}
            <Checkbox label={t('sosialisasi.read.acknowledge')} checked={agreed} onChange={(e) => setAgreed(e.currentTarget.checked)} />
            {acknowledge.error && !wrong ? <ErrorAlert error={acknowledge.error} /> : null}
            <div>
              <Button onClick={() => void submit().catch(() => undefined)} loading={acknowledge.isPending} disabled={!agreed || (a.hasQuiz && answers.some((x) => x === null))} data-testid="acknowledge">
                {t('sosialisasi.read.acknowledgeButton')}
              </Button>
            </div>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
