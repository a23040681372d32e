import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Accordion, ActionIcon, Alert, Button, FileButton, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconDownload, IconFileUpload, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_LISTS, TIERS } from '../../../shared/case-workflow.js';
import { CATALOGUE_STAGES } from '../../../shared/contracts/catalogue.contract.js';
import { ACT_KINDS } from '../../../shared/contracts/reports.contract.js';
import { usePublishCatalogue, type CatalogueItemInputT, type CatalogueVersionT } from '../../api/catalogue';
import { fieldErrors } from '../../api/fieldErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TierBadge } from './catalogueUi';

type EditItem = Omit<CatalogueItemInputT, 'examples' | 'actKinds'> & { examples: string; actKinds: string[]; key: number };

let nextKey = 1;
const toEdit = (i: Partial<CatalogueItemInputT>): EditItem => ({
  key: nextKey++,
  code: String(i.code ?? ''),
  list: (i.list ?? 'disiplin') as EditItem['list'],
  act: String(i.act ?? ''),
  examples: String(i.examples ?? ''),
  stage: (i.stage ?? 'calon') as EditItem['stage'],
  tier: (i.tier ?? 'sedang') as EditItem['tier'],
  tierSource: String(i.tierSource ?? ''),
  legalBasis: String(i.legalBasis ?? ''),
  actKinds: Array.isArray(i.actKinds) ? i.actKinds.map(String) : [],
});
const toBody = ({ key: _k, ...i }: EditItem): CatalogueItemInputT => ({ ...i, examples: i.examples.trim() || null, actKinds: i.actKinds as CatalogueItemInputT['actKinds'] });

/** Reads a catalogue JSON file: a list of items, or { title, note, items }. */
function parseCatalogueJson(text: string): { title?: string; note?: string | null; items: Partial<CatalogueItemInputT>[] } {
  const data: unknown = JSON.parse(text);
  const obj = Array.isArray(data) ? { items: data } : (data as { title?: unknown; note?: unknown; items?: unknown });
  if (!obj || !Array.isArray(obj.items)) throw new Error('"items" harus berupa daftar');
  if (!obj.items.every((i) => i && typeof i === 'object' && !Array.isArray(i))) throw new Error('setiap item harus berupa objek');
  return { title: typeof obj.title === 'string' ? obj.title : undefined, note: typeof obj.note === 'string' ? obj.note : undefined, items: obj.items as Partial<CatalogueItemInputT>[] };
}

/** Publishing a new catalogue version: the full item list, editable per item or loaded from JSON, with per-field errors from the server. */
export function CataloguePublishForm({ current, onDone, onCancel }: { current: CatalogueVersionT; onDone: (v: CatalogueVersionT) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const publish = usePublishCatalogue();
  const [title, setTitle] = useState(current.title);
  const [note, setNote] = useState('');
  const [items, setItems] = useState<EditItem[]>(() => current.items.map(toEdit));
  const [opened, setOpened] = useState<string[]>([]);
  const [fileMessage, setFileMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const errors = useMemo(() => fieldErrors(publish.error), [publish.error]);

  const errorOf = (i: number, field: string) => errors[`items.${i}.${field}`] ?? Object.entries(errors).find(([k]) => k.startsWith(`items.${i}.${field}.`))?.[1];
  const rowsWithErrors = useMemo(() => {
    const rows = new Set<number>();
    for (const key of Object.keys(errors)) {
      const m = /^items\.(\d+)\./.exec(key);
      if (m) rows.add(Number(m[1]));
    }
    return rows;
  }, [errors]);

  // Open the rows the server complained about, so every error is visible.
  const formRef = useRef<HTMLFormElement>(null);
  // Bring the first complaint into view (the drawer may be scrolled to the publish button at the bottom).
  useEffect(() => {
    if (!publish.error) return;
    const target = formRef.current?.querySelector('[data-row-error="true"]') ?? formRef.current;
    target?.scrollIntoView({ block: 'start' });
  }, [publish.error]);
  const [openedFor, setOpenedFor] = useState<unknown>(null);
  useEffect(() => {
    if (rowsWithErrors.size === 0 || openedFor === publish.error) return;
    setOpenedFor(publish.error);
    setOpened((o) => [...new Set([...o, ...[...rowsWithErrors].map((i) => String(items[i]?.key))])]);
  }, [rowsWithErrors, openedFor, publish.error, items]);

  const setItem = (i: number, patch: Partial<EditItem>) => setItems((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const listOptions = CATALOGUE_LISTS.map((v) => ({ value: v, label: t(`handling.list.${v}`) }));
  const tierOptions = TIERS.filter((v) => v !== 'kontrak').map((v) => ({ value: v, label: t(`handling.tier.${v}`) }));
  const stageOptions = CATALOGUE_STAGES.map((v) => ({ value: v, label: t(`handling.stage.${v}`) }));
  const actKindOptions = ACT_KINDS.map((v) => ({ value: v, label: t(`reports.actKind.${v}`) }));

  const loadFile = async (file: File | null) => {
    if (!file) return;
    try {
      const parsed = parseCatalogueJson(await file.text());
      setItems(parsed.items.map(toEdit));
      if (parsed.title) setTitle(parsed.title);
      if (parsed.note !== undefined) setNote(parsed.note ?? '');
      setOpened([]);
      publish.reset();
      setFileMessage({ ok: true, text: t('handling.catalogue.jsonLoaded', { count: parsed.items.length, name: file.name }) });
    } catch (err) {
      setFileMessage({ ok: false, text: t('handling.catalogue.jsonInvalid', { reason: err instanceof Error ? err.message : String(err) }) });
    }
  };

  const download = () => {
    const blob = new Blob([JSON.stringify({ title, note: note || null, items: items.map(toBody) }, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `katalog-pelanggaran.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const send = () => {
    setConfirming(false);
    publish.mutate({ title: title.trim(), note: note.trim() || null, items: items.map(toBody) }, { onSuccess: onDone });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('handling.catalogue.publishIntro')}</Text>
        <ErrorAlert error={publish.error} />
        {rowsWithErrors.size > 0 ? <Alert color="red" variant="light">{t('handling.catalogue.rowErrors', { count: rowsWithErrors.size })}</Alert> : null}
        <TextInput label={t('handling.catalogue.versionTitle')} value={title} required error={errors.title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Textarea label={t('handling.catalogue.note')} placeholder={t('handling.catalogue.notePlaceholder')} value={note} autosize minRows={2} error={errors.note}
          onChange={(e) => setNote(e.currentTarget.value)} />
        <Group gap="xs">
          <FileButton onChange={(f) => void loadFile(f)} accept="application/json,.json">
            {(props) => <Button {...props} variant="default" size="compact-sm" leftSection={<IconFileUpload size={14} />}>{t('handling.catalogue.loadJson')}</Button>}
          </FileButton>
          <Button variant="default" size="compact-sm" leftSection={<IconDownload size={14} />} onClick={download}>{t('handling.catalogue.downloadJson')}</Button>
        </Group>
        <Text size="xs" c="dimmed">{t('handling.catalogue.jsonHint')}</Text>
        {fileMessage ? <Alert color={fileMessage.ok ? 'teal' : 'red'} variant="light">{fileMessage.text}</Alert> : null}
        {errors.items ? <Text c="red" size="sm">{errors.items}</Text> : null}
        <Accordion multiple value={opened} onChange={setOpened} variant="separated" chevronPosition="left">
          {items.map((item, i) => {
            const hasError = rowsWithErrors.has(i);
            return (
              <Accordion.Item key={item.key} value={String(item.key)} data-row-error={hasError} style={hasError ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
                <Accordion.Control>
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    <Text fw={600} size="sm" c={hasError ? 'red' : undefined} style={{ flexShrink: 0 }}>{item.code || t('handling.catalogue.newItem')}</Text>
                    <TierBadge tier={item.tier} />
                    <Text size="sm" c="dimmed" truncate>{item.act}</Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <TextInput label={t('handling.catalogue.code')} value={item.code} required error={errorOf(i, 'code')} onChange={(e) => setItem(i, { code: e.currentTarget.value })} />
                    <Select label={t('handling.catalogue.list')} data={listOptions} value={item.list} allowDeselect={false} error={errorOf(i, 'list')}
                      onChange={(v) => v && setItem(i, { list: v as EditItem['list'] })} />
                    <Select label={t('handling.catalogue.tier')} data={tierOptions} value={item.tier} allowDeselect={false} error={errorOf(i, 'tier')}
                      onChange={(v) => v && setItem(i, { tier: v as EditItem['tier'] })} />
                    <Select label={t('handling.catalogue.stage')} data={stageOptions} value={item.stage} allowDeselect={false} error={errorOf(i, 'stage')}
                      onChange={(v) => v && setItem(i, { stage: v as EditItem['stage'] })} />
                  </SimpleGrid>
                  <Stack gap="xs" mt="xs">
                    <Textarea label={t('handling.catalogue.act')} value={item.act} required autosize minRows={2} error={errorOf(i, 'act')} onChange={(e) => setItem(i, { act: e.currentTarget.value })} />
                    <Textarea label={t('handling.catalogue.examples')} value={item.examples} autosize minRows={1} error={errorOf(i, 'examples')} onChange={(e) => setItem(i, { examples: e.currentTarget.value })} />
                    <Textarea label={t('handling.catalogue.tierSource')} value={item.tierSource} required autosize minRows={1} error={errorOf(i, 'tierSource')} onChange={(e) => setItem(i, { tierSource: e.currentTarget.value })} />
                    <Textarea label={t('handling.catalogue.legalBasis')} value={item.legalBasis} required autosize minRows={1} error={errorOf(i, 'legalBasis')} onChange={(e) => setItem(i, { legalBasis: e.currentTarget.value })} />
                    <MultiSelect label={t('handling.catalogue.actKinds')} data={actKindOptions} value={item.actKinds} error={errorOf(i, 'actKinds')} clearable
                      onChange={(v) => setItem(i, { actKinds: v })} />
                    <Group justify="flex-end">
                      <ActionIcon variant="subtle" color="red" aria-label={t('handling.catalogue.removeItem')} onClick={() => setItems((list) => list.filter((_, j) => j !== i))}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            const added = toEdit({});
            setItems((list) => [...list, added]);
            setOpened((o) => [...o, String(added.key)]);
          }}>
          {t('handling.catalogue.addItem')}
        </Button>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={publish.isPending} disabled={items.length === 0 || title.trim().length < 3}>{t('handling.catalogue.publish')}</Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('handling.catalogue.publishTitle')} centered>
        <Text size="sm">{t('handling.catalogue.confirm')}</Text>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button onClick={send}>{t('handling.catalogue.publish')}</Button>
        </Group>
      </Modal>
    </form>
  );
}
