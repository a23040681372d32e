import { useMemo, useState } from 'react';
import { Alert, Button, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { createPowSolver } from '../../api/pow';
import { useReceiptLogin } from '../../api/reports';
import { usePublicTenants } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';

const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em', textTransform: 'uppercase' as const } };

/** Number + key + proof of work. A wrong key gets one plain message (the server limits attempts). */
export function ReceiptLogin() {
  const { t } = useTranslation();
  const login = useReceiptLogin();
  const tenants = usePublicTenants();
  const items = tenants.data?.items ?? [];
  const [tenant, setTenant] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [key, setKey] = useState('');
  const [solving, setSolving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pow = useMemo(() => createPowSolver(), []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setSolving(true);
      const altcha = await pow.take();
      setSolving(false);
      await login.mutateAsync({ number: number.trim(), key: key.trim(), altcha, tenant: (items.length === 1 ? items[0]!.slug : tenant) ?? undefined });
    } catch (err) {
      setError(err);
      pow.prepare();
    } finally {
      setSolving(false);
    }
  };

  const wrongKey = error instanceof ApiError && error.code === 'RECEIPT_INVALID';
  return (
    <form onSubmit={(e) => void submit(e)} onFocus={() => pow.prepare()} noValidate>
      <Stack gap="md">
        {items.length > 1 ? (
          <Select label={t('receiptPortal.tenant')} data={items.map((i) => ({ value: i.slug, label: i.name }))} value={tenant} onChange={setTenant} size="md" />
        ) : null}
        <TextInput label={t('receiptPortal.number')} placeholder={t('receiptPortal.numberPlaceholder')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required size="md" autoComplete="off" autoCapitalize="characters" spellCheck={false} styles={mono} />
        <TextInput label={t('receiptPortal.key')} placeholder={t('receiptPortal.keyPlaceholder')} value={key} onChange={(e) => setKey(e.currentTarget.value)} required size="md" autoComplete="off" autoCapitalize="characters" spellCheck={false} styles={mono} />
        {wrongKey ? (
          <Alert color="red" variant="light" role="alert" data-testid="receipt-wrong">
            <Text size="sm">{t('receiptPortal.wrongKey')}</Text>
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
        {solving ? <Text size="sm" role="status">{t('receiptPortal.solving')}</Text> : null}
        <Button type="submit" size="md" fullWidth loading={solving || login.isPending} disabled={number.trim().length < 4 || key.trim().length < 10}>
          {t('receiptPortal.submit')}
        </Button>
      </Stack>
    </form>
  );
}
