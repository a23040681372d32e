import { useState } from 'react';
import { Anchor, Badge, Button, Card, Container, FileButton, Group, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLogout, IconPaperclip } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useReceipt, useReceiptEvidence, useReceiptLogout, useReceiptReply } from '../../api/reports';
import { useSession } from '../../api/session';
import type { ReceiptViewT } from '../../api/types';
import { Brand } from '../../components/Brand';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { EVIDENCE_ACCEPT, fileProblems } from '../report/reportForm';
import { ReceiptLogin } from './ReceiptLogin';
import { MessageThread } from './ReceiptThread';

/** Public /lapor/cek: sign in with the receipt, read the Satgas messages, answer, add evidence. */
export default function ReceiptPortalPage() {
  const { t } = useTranslation();
  useSession(); // issues the CSRF cookie
  const receipt = useReceipt();
  return (
    <Container size={640} px="sm" py="md">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Brand />
        <LanguageSwitch />
      </Group>
      <Stack gap="md">
        <div>
          <Title order={1} size="h3">{t('receiptPortal.title')}</Title>
          {!receipt.data ? <Text size="sm" c="dimmed">{t('receiptPortal.intro')}</Text> : null}
        </div>
        {receipt.isPending ? <PageLoader /> : receipt.data ? <ReceiptHome view={receipt.data} /> : <ReceiptLogin />}
        <Anchor component={Link} to="/lapor" size="sm">{t('receiptPortal.newReport')}</Anchor>
      </Stack>
    </Container>
  );
}

function ReceiptHome({ view }: { view: ReceiptViewT }) {
  const { t } = useTranslation();
  const logout = useReceiptLogout();
  const reply = useReceiptReply();
  const evidence = useReceiptEvidence();
  const [body, setBody] = useState('');
  const [percent, setPercent] = useState(0);
  const [fileError, setFileError] = useState<string | null>(null);

  const send = async () => {
    await reply.mutateAsync(body.trim());
    setBody('');
    notifySuccess(t('receiptPortal.sent'));
  };
  const upload = async (files: File[]) => {
    setFileError(null);
    const problems = Object.values(fileProblems(files, view.evidenceCount));
    if (problems.length > 0) {
      setFileError(problems.map((p) => t(p.key, p.params)).join(' '));
      return;
    }
    setPercent(0);
    await evidence.mutateAsync({ files, onProgress: setPercent });
    notifySuccess(t('receiptPortal.uploaded'));
  };

  return (
    <Stack gap="md" data-testid="receipt-home">
      <Card withBorder radius="md" p="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={700} ff="monospace" fz="lg" data-testid="receipt-view-number">{view.number}</Text>
            <Text size="sm" c="dimmed">{t('receiptPortal.receivedOn')}: {formatDate(view.receivedOn)}</Text>
          </div>
          <Button variant="default" size="sm" style={{ flexShrink: 0 }} leftSection={<IconLogout size={16} />} onClick={() => logout.mutate()} loading={logout.isPending}>
            {t('receiptPortal.logout')}
          </Button>
        </Group>
        <Group gap="xs" mt="sm">
          <Text size="sm">{t('receiptPortal.status')}:</Text>
          <Badge size="lg" variant="light" data-testid="receipt-status">{t(`inbox.status.${view.status}`, { defaultValue: view.statusLabel })}</Badge>
        </Group>
      </Card>

      <Stack gap="sm">
        <Title order={2} size="h4">{t('receiptPortal.thread')}</Title>
        <MessageThread messages={view.messages} mine="from_reporter" theirs={t('receiptPortal.fromSatgas')} empty={t('receiptPortal.noMessages')} />
        <Textarea label={t('receiptPortal.reply')} description={t('receiptPortal.replyHint')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={3} maxLength={5000} size="md" />
        <ErrorAlert error={reply.error} />
        <Button size="md" onClick={() => void send().catch(() => undefined)} loading={reply.isPending} disabled={!body.trim()}>{t('receiptPortal.send')}</Button>
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h4">{t('receiptPortal.addEvidence')}</Title>
        <Text size="sm" c="dimmed">{t('receiptPortal.evidence', { count: view.evidenceCount, max: view.maxFiles })}</Text>
        <FileButton multiple accept={EVIDENCE_ACCEPT} onChange={(files) => void upload(files).catch(() => undefined)}>
          {(props) => (
            <Button {...props} variant="light" size="md" leftSection={<IconPaperclip size={18} />} loading={evidence.isPending} disabled={view.evidenceCount >= view.maxFiles}>
              {t('receiptPortal.addEvidence')}
            </Button>
          )}
        </FileButton>
        {evidence.isPending ? <Progress value={percent} size="lg" aria-label={`${percent}%`} /> : null}
        {fileError ? <Text c="red" size="sm" role="alert">{fileError}</Text> : null}
        <ErrorAlert error={evidence.error} />
      </Stack>
    </Stack>
  );
}
