import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportMessageT } from '../../api/types';
import { formatDate } from '../../components/format';

/** The conversation, oldest first; bodies are plain text (React escapes them). */
export function MessageThread({ messages, mine, theirs, empty, mineLabel }: { messages: ReportMessageT[]; mine: ReportMessageT['direction']; theirs: string; empty: string; mineLabel?: string }) {
  const { t } = useTranslation();
  if (messages.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Stack gap="xs" data-testid="thread">
      {messages.map((m) => {
        const own = m.direction === mine;
        return (
          <Paper
            key={m.seq}
            withBorder
            p="sm"
            radius="md"
            bg={own ? 'var(--mantine-color-blue-light)' : undefined}
            ml={own ? 'xl' : 0}
            mr={own ? 0 : 'xl'}
            data-testid="message"
            data-direction={m.direction}
          >
            <Text size="xs" c="dimmed">{own ? mineLabel ?? t('receiptPortal.fromYou') : theirs} · {formatDate(m.sentOn)}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
