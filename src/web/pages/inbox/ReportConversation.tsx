import { useState } from 'react';
import { Button, Card, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAddNote, useSendMessage } from '../../api/inbox';
import type { ReportDetailT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { MessageThread } from '../receipt/ReceiptThread';

/** Messages with the reporter (they read them with the receipt) and internal notes (they never do). */
export function ReportConversation({ report }: { report: ReportDetailT }) {
  const { t } = useTranslation();
  const send = useSendMessage(report.id);
  const note = useAddNote(report.id);
  const [message, setMessage] = useState('');
  const [noteText, setNoteText] = useState('');
  return (
    <>
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">{t('inbox.detail.messages')}</Title>
          <MessageThread messages={report.messages} mine="to_reporter" theirs={t('inbox.detail.fromReporterMsg')} empty={t('inbox.detail.noMessages')} mineLabel={t('inbox.detail.toReporter')} />
          {report.can.message ? (
            <>
              <Textarea label={t('inbox.detail.message')} description={t('inbox.detail.messageHint')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
              <ErrorAlert error={send.error} />
              <Button
                style={{ alignSelf: 'flex-start' }}
                disabled={!message.trim()}
                loading={send.isPending}
                onClick={() => send.mutate(message.trim(), { onSuccess: () => { setMessage(''); notifySuccess(t('inbox.detail.sent')); } })}
              >
                {t('inbox.detail.send')}
              </Button>
            </>
          ) : null}
        </Stack>
      </Card>
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">{t('inbox.detail.notes')}</Title>
          <Text size="xs" c="dimmed">{t('inbox.detail.notesHint')}</Text>
          {report.notes.length === 0 ? <Text size="sm" c="dimmed">{t('inbox.detail.noNotes')}</Text> : null}
          {report.notes.map((n) => (
            <Paper key={n.id} withBorder p="xs" radius="md" bg="var(--mantine-color-yellow-light)">
              <Text size="xs" c="dimmed">{n.author} · {formatDateTime(n.createdAt)}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.body}</Text>
            </Paper>
          ))}
          {report.can.note ? (
            <>
              <Textarea label={t('inbox.detail.note')} value={noteText} onChange={(e) => setNoteText(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
              <ErrorAlert error={note.error} />
              <Button variant="light" style={{ alignSelf: 'flex-start' }} disabled={!noteText.trim()} loading={note.isPending} onClick={() => note.mutate(noteText.trim(), { onSuccess: () => setNoteText('') })}>
                {t('inbox.detail.addNote')}
              </Button>
            </>
          ) : null}
        </Stack>
      </Card>
    </>
  );
}
