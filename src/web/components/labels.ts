import { useTranslation } from 'react-i18next';

type EnumGroup =
  | 'unitType' | 'category' | 'jabatanClass' | 'idType' | 'sex' | 'status' | 'role' | 'importField' | 'tenantKind'
  | 'campaignStatus' | 'electionKind' | 'stageKind' | 'contestKind';

/** Translated label of an enum value, e.g. enumLabel(t, 'unitType', 'dinas'). */
export function useEnumLabel() {
  const { t } = useTranslation();
  return (group: EnumGroup, value: string | null | undefined): string =>
    value ? t(`enums.${group}.${value}`, { defaultValue: value }) : t('common.none');
}

/** Select options with translated labels for an enum list. */
export function useEnumOptions(group: EnumGroup, values: readonly string[]) {
  const label = useEnumLabel();
  return values.map((value) => ({ value, label: label(group, value) }));
}
