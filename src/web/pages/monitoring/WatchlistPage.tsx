/**
 * /pengawasan/watchlist: the watchlist of one election — download and upload as JSON (the documented
 * format netra.watchlist/v1), or edit it with a simple form. Every save is a new version.
 */
import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Card, FileButton, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { WatchlistInput } from '../../../screener/watchlist.js';
import { useElections } from '../../api/campaigns';
import { ApiError } from '../../api/client';
import { useCurrentWatchlist, useSaveWatchlist, watchlistExportUrl } from '../../api/monitoring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';

interface PairDraft {
  number: number;
  label: string;
  head: string;
  headNicknames: string;
  deputy: string;
  deputyNicknames: string;
  acronyms: string;
  parties: string;
  slogans: string;
  hashtags: string;
  accounts: string;
}
interface HoaxDraft {
  id: string;
  claim: string;
  keywords: string;
}

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const join = (xs: readonly string[] | undefined) => (xs ?? []).join(', ');
const emptyPair = (number: number): PairDraft => ({ number, label: '', head: '', headNicknames: '', deputy: '', deputyNicknames: '', acronyms: '', parties: '', slogans: '', hashtags: '', accounts: '' });

function toDrafts(doc: WatchlistInput | null): { pairs: PairDraft[]; hoax: HoaxDraft[] } {
  if (!doc) return { pairs: [emptyPair(1), emptyPair(2)], hoax: [] };
  return {
    pairs: doc.pairs.map((p) => {
      const head = p.candidates.find((c) => c.role !== 'wakil') ?? p.candidates[0];
      const deputy = p.candidates.find((c) => c !== head);
      return { number: p.number, label: p.label, head: head?.name ?? '', headNicknames: join(head?.nicknames), deputy: deputy?.name ?? '', deputyNicknames: join(deputy?.nicknames), acronyms: join(p.acronyms), parties: join(p.parties), slogans: join(p.slogans), hashtags: join(p.hashtags), accounts: join(p.accounts) };
    }),
    hoax: (doc.hoax_claims ?? []).map((h) => ({ id: h.id, claim: h.claim, keywords: join(h.keywords) })),
  };
}

function toDocument(base: WatchlistInput | null, electionName: string, pairs: PairDraft[], hoax: HoaxDraft[]): WatchlistInput {
  return {
    format: 'netra.watchlist/v1',
    election: base?.election ?? { id: electionName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100) || 'pemilihan', name: electionName },
    pairs: pairs.map((p) => ({
      number: p.number,
      label: p.label.trim() || [p.head, p.deputy].filter(Boolean).join('–'),
      candidates: [
        { name: p.head.trim(), nicknames: list(p.headNicknames), role: 'kepala' as const },
        ...(p.deputy.trim() ? [{ name: p.deputy.trim(), nicknames: list(p.deputyNicknames), role: 'wakil' as const }] : []),
      ],
      acronyms: list(p.acronyms),
      parties: list(p.parties),
      slogans: list(p.slogans),
      hashtags: list(p.hashtags),
      accounts: list(p.accounts),
    })),
    hoax_claims: hoax.filter((h) => h.claim.trim()).map((h, i) => ({ id: h.id.trim() || `HOAKS-${String(i + 1).padStart(2, '0')}`, claim: h.claim.trim(), keywords: list(h.keywords) })),
  };
}

export default function WatchlistPage() {
  const { t } = useTranslation();
  const elections = useElections();
  const events = elections.data?.items ?? [];
  const [eventId, setEventId] = useState<string | null>(null);
  const [contestId, setContestId] = useState<string | null>(null);
  const event = events.find((e) => e.id === eventId);
  const current = useCurrentWatchlist(eventId, contestId);
  const save = useSaveWatchlist();
  const [pairs, setPairs] = useState<PairDraft[]>([]);
  const [hoax, setHoax] = useState<HoaxDraft[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);

  useEffect(() => {
    const first = events[0];
    if (first && eventId === null) {
      setEventId(first.id);
      setContestId(first.contests[0]?.id ?? null);
    }
  }, [events, eventId]);
  useEffect(() => {
    if (current.isFetching) return;
    const drafts = toDrafts((current.data?.document as WatchlistInput | undefined) ?? null);
    setPairs(drafts.pairs);
    setHoax(drafts.hoax);
  }, [current.data, current.isFetching]);

  const store = (document: Record<string, unknown>) => {
    if (!eventId) return;
    save.mutate({ electionEventId: eventId, electionContestId: contestId, document }, { onSuccess: (v) => notifySuccess(t('monitoring.watchlist.saved', { version: v.version })) });
  };
  const upload = async (file: File | null) => {
    setUploadError(null);
    if (!file) return;
    try {
      store(JSON.parse(await file.text()) as Record<string, unknown>);
    } catch {
      setUploadError(t('monitoring.watchlist.invalidJson'));
    }
  };
  const setPair = (i: number, patch: Partial<PairDraft>) => setPairs((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const issues = save.error instanceof ApiError && Array.isArray((save.error.details as { issues?: unknown })?.issues) ? ((save.error.details as { issues: string[] }).issues) : [];
  const v = current.data;

  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/pengawasan" size="sm"><IconArrowLeft size={14} /> {t('monitoring.backToQueue')}</Anchor>
      <div>
        <Title order={2}>{t('monitoring.watchlist.title')}</Title>
        <Text size="sm" c="dimmed">{t('monitoring.watchlist.intro')}</Text>
      </div>
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('monitoring.form.election')} data={events.map((e) => ({ value: e.id, label: e.name }))} value={eventId} onChange={(id) => { setEventId(id); setContestId(events.find((e) => e.id === id)?.contests[0]?.id ?? null); }} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
            <Select label={t('monitoring.form.contest')} clearable placeholder={t('monitoring.watchlist.wholeEvent')} data={(event?.contests ?? []).map((c) => ({ value: c.id, label: c.name }))} value={contestId} onChange={setContestId} comboboxProps={{ withinPortal: true }} />
          </SimpleGrid>
          {v ? (
            <Text size="sm" data-testid="watchlist-current">{t('monitoring.watchlist.current', { version: v.version, date: formatDateTime(v.createdAt), by: v.createdBy ?? t('monitoring.detail.system'), pairs: v.pairs })}</Text>
          ) : current.isSuccess ? <Text size="sm" c="dimmed">{t('monitoring.watchlist.none')}</Text> : null}
          {v?.warnings.length ? <Alert color="yellow" variant="light" title={t('monitoring.watchlist.warnings')}>{v.warnings.map((w) => <Text key={w} size="sm">{w}</Text>)}</Alert> : null}
          <Group gap="xs">
            {v ? <Button component="a" href={watchlistExportUrl(v.id)} variant="light" leftSection={<IconDownload size={16} />}>{t('monitoring.watchlist.download')}</Button> : null}
            <FileButton accept="application/json,.json" onChange={(f) => void upload(f)}>
              {(props) => <Button {...props} variant="light" leftSection={<IconUpload size={16} />} disabled={!eventId}>{t('monitoring.watchlist.upload')}</Button>}
            </FileButton>
          </Group>
          <Text size="xs" c="dimmed">{t('monitoring.watchlist.format')}</Text>
          {uploadError ? <Alert color="red" variant="light">{uploadError}</Alert> : null}
        </Stack>
      </Card>

      <Title order={3} size="h4">{t('monitoring.watchlist.pairs')}</Title>
      <Text size="xs" c="dimmed">{t('monitoring.watchlist.commaHint')}</Text>
      {pairs.map((p, i) => (
        <Card key={i} withBorder radius="md" p="md" data-testid="watchlist-pair">
          <Stack gap="xs">
            <Group justify="space-between">
              <NumberInput label={t('monitoring.watchlist.number')} min={1} max={99} w={120} value={p.number} onChange={(n) => setPair(i, { number: Number(n) || 1 })} />
              <ActionIcon variant="subtle" color="red" aria-label={t('monitoring.watchlist.removePair')} onClick={() => setPairs((ps) => ps.filter((_, j) => j !== i))}><IconTrash size={16} /></ActionIcon>
            </Group>
            <TextInput label={t('monitoring.watchlist.label')} value={p.label} onChange={(e) => setPair(i, { label: e.currentTarget.value })} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput label={t('monitoring.watchlist.head')} required value={p.head} onChange={(e) => setPair(i, { head: e.currentTarget.value })} />
              <TextInput label={t('monitoring.watchlist.nicknames')} value={p.headNicknames} onChange={(e) => setPair(i, { headNicknames: e.currentTarget.value })} />
              <TextInput label={t('monitoring.watchlist.deputy')} value={p.deputy} onChange={(e) => setPair(i, { deputy: e.currentTarget.value })} />
              <TextInput label={t('monitoring.watchlist.nicknames')} value={p.deputyNicknames} onChange={(e) => setPair(i, { deputyNicknames: e.currentTarget.value })} />
              <TextInput label={t('monitoring.watchlist.acronyms')} value={p.acronyms} onChange={(e) => setPair(i, { acronyms: e.currentTarget.value })} />
              <TextInput label={t('monitoring.watchlist.parties')} value={p.parties} onChange={(e) => setPair(i, { parties: e.currentTarget.value })} />
              <TextInput label={t('monitoring.watchlist.slogans')} value={p.slogans} onChange={(e) => setPair(i, { slogans: e.currentTarget.value })} />
              <TextInput label={t('monitoring.watchlist.hashtags')} value={p.hashtags} onChange={(e) => setPair(i, { hashtags: e.currentTarget.value })} />
              <TextInput label={t('monitoring.watchlist.accounts')} value={p.accounts} onChange={(e) => setPair(i, { accounts: e.currentTarget.value })} />
            </SimpleGrid>
          </Stack>
        </Card>
      ))}
      <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setPairs((ps) => [...ps, emptyPair((ps.at(-1)?.number ?? 0) + 1)])}>{t('monitoring.watchlist.addPair')}</Button>

      <Title order={3} size="h4">{t('monitoring.watchlist.hoax')}</Title>
      {hoax.map((h, i) => (
        <Card key={i} withBorder radius="md" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput label={t('monitoring.watchlist.hoaxId')} value={h.id} onChange={(e) => setHoax((hs) => hs.map((x, j) => (j === i ? { ...x, id: e.currentTarget.value } : x)))} />
            <TextInput label={t('monitoring.watchlist.claim')} value={h.claim} onChange={(e) => setHoax((hs) => hs.map((x, j) => (j === i ? { ...x, claim: e.currentTarget.value } : x)))} />
            <Group gap={4} align="flex-end" wrap="nowrap">
              <TextInput style={{ flex: 1 }} label={t('monitoring.watchlist.keywords')} value={h.keywords} onChange={(e) => setHoax((hs) => hs.map((x, j) => (j === i ? { ...x, keywords: e.currentTarget.value } : x)))} />
              <ActionIcon variant="subtle" color="red" mb={4} aria-label={t('monitoring.watchlist.removePair')} onClick={() => setHoax((hs) => hs.filter((_, j) => j !== i))}><IconTrash size={16} /></ActionIcon>
            </Group>
          </SimpleGrid>
        </Card>
      ))}
      <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setHoax((hs) => [...hs, { id: '', claim: '', keywords: '' }])}>{t('monitoring.watchlist.addHoax')}</Button>

      <ErrorAlert error={save.error} />
      {issues.length ? <Alert color="red" variant="light">{issues.map((x) => <Text key={x} size="sm">{x}</Text>)}</Alert> : null}
      <Button onClick={() => store(toDocument((v?.document as WatchlistInput | undefined) ?? null, event?.name ?? '', pairs, hoax) as unknown as Record<string, unknown>)} loading={save.isPending} disabled={!eventId} data-testid="watchlist-save">
        {t('monitoring.watchlist.save')}
      </Button>
    </Stack>
  );
}
