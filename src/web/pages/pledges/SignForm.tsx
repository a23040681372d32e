import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useSign } from '../../api/pledges';
import type { SigningViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PledgeText } from '../../components/PledgeText';
import { SignaturePad } from '../../components/SignaturePad';
import { IdentityBlock } from './IdentityBlock';
import { typedNameMatches } from '../../../shared/typed-name.js';

const HANDLED = ['STALE_TEMPLATE', 'TYPED_NAME_MISMATCH', 'CAMPAIGN_CLOSED', 'NOT_TARGETED'];

/** The pakta with the identity block, one checkbox per undertaking, the typed name and an optional drawing. */
export function SignForm({ view, onStale }: { view: SigningViewT; onStale: () => void }) {
  const { t } = useTranslation();
  const sign = useSign(view.campaign.id);
  const [ticked, setTicked] = useState<boolean[]>(() => view.undertakings.map(() => false));
  const [typedName, setTypedName] = useState('');
  /** The server's name rule, checked before sending: a partial name is answered at once, not after a round trip. */
  const [nameChecked, setNameChecked] = useState(false);
  const [drawing, setDrawing] = useState<string | null>(null);
  const bareName = view.identity.nama?.split(',')[0] ?? '';
  const err = sign.error instanceof ApiError ? sign.error : null;
  const code = err?.code;
  const expected = (err?.details as { expected?: string } | null)?.expected ?? bareName;
  const allTicked = ticked.length > 0 && ticked.every(Boolean);
  const ready = allTicked && typedName.trim().length >= 2;
  const closed = view.campaign.status !== 'open';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setNameChecked(true);
    if (!typedNameMatches(typedName, view.identity.nama ?? '')) return;
    sign.mutate(
      {
        ikrarTemplateId: view.ikrar.id,
        paktaTemplateId: view.pakta.id,
        typedName: typedName.trim(),
        undertakings: ticked.map(() => true as const),
        drawnSignature: drawing,
      },
      {
        onSuccess: () => window.scrollTo({ top: 0 }),
        onError: (e) => { if (e instanceof ApiError && e.code === 'STALE_TEMPLATE') onStale(); },
      },
    );
  };

  const checkboxes = () => (
    <Stack gap="sm" data-testid="undertakings">
      <Text size="xs" c="dimmed">{t('pledges.tickAll')}</Text>
      {view.undertakings.map((text, i) => (
        <Checkbox
          key={i}
          label={text}
          checked={ticked[i] ?? false}
          disabled={closed}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setTicked((prev) => prev.map((v, j) => (j === i ? on : v)));
          }}
          styles={{ label: { fontSize: 'var(--mantine-font-size-sm)' }, body: { alignItems: 'flex-start' } }}
        />
      ))}
    </Stack>
  );

  return (
    <Stack gap="md">
      <IdentityBlock identity={view.identity} campaignId={view.campaign.id} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PledgeText body={view.pakta.body} renderBullets={checkboxes} />
          <TextInput
            label={t('pledges.typedName')}
            description={t('pledges.typedNameHint', { name: bareName })}
            value={typedName}
            onChange={(e) => {
              setTypedName(e.currentTarget.value);
              setNameChecked(false);
            }}
            autoComplete="name"
            autoCapitalize="words"
            disabled={closed}
            error={code === 'TYPED_NAME_MISMATCH' || (nameChecked && !typedNameMatches(typedName, view.identity.nama ?? '')) ? t('pledges.nameMismatch', { expected }) : undefined}
            required
          />
          <SignaturePad onChange={setDrawing} disabled={closed} />
          {code === 'CAMPAIGN_CLOSED' ? <Alert color="orange" variant="light">{t('pledges.campaignClosed')}</Alert> : null}
          {code === 'NOT_TARGETED' ? <Alert color="orange" variant="light">{t('pledges.notTargeted')}</Alert> : null}
          {sign.error && !HANDLED.includes(code ?? '') ? <ErrorAlert error={sign.error} /> : null}
          <Button type="submit" size="md" leftSection={<IconSignature size={18} />} loading={sign.isPending}
            disabled={!ready || closed} fullWidth>
            {t('pledges.submit')}
          </Button>
          {!ready && !closed ? <Text size="xs" c="dimmed" ta="center">{t('pledges.submitHint')}</Text> : null}
        </Stack>
      </form>
    </Stack>
  );
}
