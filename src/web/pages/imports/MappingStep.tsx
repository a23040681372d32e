import { useMemo, useState } from 'react';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField } from '../../../shared/contracts/imports.contract.js';
import { EMPLOYEE_CATEGORIES, type EmployeeCategory } from '../../../shared/enums.js';
import { useValidateImport } from '../../api/imports';
import type { ImportViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useEnumOptions } from '../../components/labels';

const IGNORE = '__ignore__';

export function MappingStep({ view, onValidated }: { view: ImportViewT; onValidated: (v: ImportViewT) => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const fieldOptions = useEnumOptions('importField', IMPORT_FIELDS);
  const categories = useEnumOptions('category', EMPLOYEE_CATEGORIES);
  const validate = useValidateImport(view.id);
  const [mapping, setMapping] = useState<Record<string, ImportField>>(() => ({ ...view.mapping }));
  const [defaultCategory, setDefaultCategory] = useState<EmployeeCategory | null>(view.defaultCategory);

  const options = useMemo(() => [{ value: IGNORE, label: t('imports.ignore') }, ...fieldOptions], [fieldOptions, t]);
  const used = Object.values(mapping);
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !used.includes(f));
  const duplicates = [...new Set(used.filter((f, i) => used.indexOf(f) !== i))];

  const setField = (header: string, value: string | null) =>
    setMapping((m) => {
      const next = { ...m };
      if (!value || value === IGNORE) delete next[header];
      else next[header] = value as ImportField;
      return next;
    });

  const submit = () =>
    validate.mutate({ mapping, defaultCategory }, { onSuccess: onValidated });

  return (
    <Stack gap="md">
      <Text size="sm">{t('imports.mappingIntro')}</Text>
      <Text size="xs" c="dimmed">{t('imports.file', { name: view.fileName })}</Text>
      <ErrorAlert error={validate.error} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="import-mapping">
        {view.headers.map((header) => (
          <Select
            key={header}
            label={header}
            description={t('imports.columnDescription')}
            data={options}
            value={mapping[header] ?? IGNORE}
            onChange={(v) => setField(header, v)}
            allowDeselect={false}
            searchable
            error={mapping[header] && duplicates.includes(mapping[header]) ? true : undefined}
          />
        ))}
      </SimpleGrid>
      <Select
        label={t('imports.defaultCategory')}
        description={t('imports.defaultCategoryHint')}
        data={categories}
        value={defaultCategory}
        onChange={(v) => setDefaultCategory(v as EmployeeCategory | null)}
        clearable
        maw={360}
      />
      {missing.length > 0 ? (
        <Alert color="yellow" variant="light">
          {t('imports.missing', { fields: missing.map((f) => label('importField', f)).join(', ') })}
        </Alert>
      ) : null}
      {duplicates.length > 0 ? (
        <Alert color="red" variant="light">
          {t('imports.duplicate', { fields: duplicates.map((f) => label('importField', f)).join(', ') })}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={submit} loading={validate.isPending} disabled={missing.length > 0 || duplicates.length > 0}>
          {t('imports.validate')}
        </Button>
      </Group>
    </Stack>
  );
}
