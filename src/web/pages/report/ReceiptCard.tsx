import { useState } from 'react';
import { Alert, Button, Card, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconDownload, IconKey } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { downloadReceiptPdf } from '../../api/reports';
import type { SubmitResultT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';

const mono = { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.06em', overflowWrap: 'anywhere' as const };

/** The receipt: number and key shown once, grouped and copyable, with the PDF download. */
export function ReceiptCard({ result, tenant, onAnother }: { result: SubmitResultT; tenant?: string; onAnother?: () => void }) {
  const { t } = useTranslation();
  const [pdfError, setPdfError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setPdfError(null);
    setDownloading(true);
    try {
      await downloadReceiptPdf({ tenant, number: result.number, key: result.receiptKey });
    } catch (err) {
      setPdfError(err);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card withBorder radius="md" p="md" data-testid="receipt">
      <Stack gap="md">
        <Title order={2} size="h3">{t('reports.receipt.title')}</Title>
        <Text size="sm" c="dimmed">{t('reports.receipt.receivedOn', { date: formatDate(result.receivedOn) })}</Text>
        <div>
          <Text size="sm" fw={600}>{t('reports.receipt.number')}</Text>
          <Text fz={24} fw={700} style={mono} data-testid="receipt-number">{result.number}</Text>
          <Copy value={result.number} label={t('reports.receipt.copyNumber')} wide />
        </div>
        <Alert color="orange" variant="filled" icon={<IconKey size={20} />} title={t('reports.receipt.keyWarning')}>
          <Text size="sm">{t('reports.receipt.keyHint')}</Text>
        </Alert>
        <div>
          <Text size="sm" fw={600}>{t('reports.receipt.key')}</Text>
          <Text fz={26} fw={700} style={mono} data-testid="receipt-key" aria-label={result.receiptKey.split('').join(' ')}>
            <KeyGroups value={result.receiptKey} />
          </Text>
          <Copy value={result.receiptKey} label={t('reports.receipt.copyKey')} wide />
        </div>
        <Button size="md" variant="light" leftSection={<IconDownload size={18} />} onClick={() => void download()} loading={downloading}>
          {t('reports.receipt.pdf')}
        </Button>
        <ErrorAlert error={pdfError} />
        {result.warnings.length > 0 ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('reports.receipt.warningsTitle')}>
            <List size="sm" spacing={4}>
              {result.warnings.map((w) => <List.Item key={w.code}>{t(`reports.warnings.${w.code}`, { defaultValue: w.message })}</List.Item>)}
            </List>
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button component={Link} to="/lapor/cek" variant="subtle">{t('reports.receipt.open')}</Button>
          {onAnother ? <Button variant="subtle" onClick={onAnother}>{t('reports.receipt.another')}</Button> : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** The key in its 4-character groups: a line may break only between groups ("0Y19-" | "XN84-"), never inside one; the text stays one string when selected. */
function KeyGroups({ value }: { value: string }) {
  const groups = value.split('-');
  return (
    <>
      {groups.map((g, i) => (
        <span key={i} style={{ display: 'inline-block', whiteSpace: 'nowrap' }}>
          {i < groups.length - 1 ? `${g}-` : g}
        </span>
      ))}
    </>
  );
}

function Copy({ value, label }: { value: string; label: string; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="md" fullWidth mt="xs" variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} leftSection={<IconCopy size={16} />} onClick={copy}>
          {copied ? t('common.copied') : label}
        </Button>
      )}
    </CopyButton>
  );
}
