import { MultiSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EMPLOYEE_CATEGORIES, type EmployeeCategory } from '../../../shared/enums.js';
import { useEnumOptions } from '../../components/labels';
import { UnitMultiSelect } from '../../components/UnitSelect';

export interface CampaignFormValues {
  name: string;
  signDeadline: string;
  apelReportDeadline: string;
  signingPlace: string;
  targetCategories: EmployeeCategory[];
  targetUnitIds: string[];
}

interface Props {
  values: CampaignFormValues;
  onChange: (patch: Partial<CampaignFormValues>) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}

export function campaignReady(v: CampaignFormValues): boolean {
  return v.name.trim().length >= 3 && Boolean(v.signDeadline) && v.signingPlace.trim().length >= 2;
}

/** The fields shared by the new-campaign form and the campaign settings. */
export function CampaignFields({ values, onChange, errors, disabled }: Props) {
  const { t } = useTranslation();
  const categories = useEnumOptions('category', EMPLOYEE_CATEGORIES);
  return (
    <>
      <TextInput label={t('campaigns.name')} value={values.name} required error={errors.name} disabled={disabled}
        onChange={(e) => onChange({ name: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="date" label={t('campaigns.signDeadline')} value={values.signDeadline} required disabled={disabled}
          error={errors.signDeadline} onChange={(e) => onChange({ signDeadline: e.currentTarget.value })} />
        <TextInput type="date" label={t('campaigns.apelReportDeadline')} value={values.apelReportDeadline} disabled={disabled}
          error={errors.apelReportDeadline} onChange={(e) => onChange({ apelReportDeadline: e.currentTarget.value })} />
      </SimpleGrid>
      <TextInput label={t('campaigns.signingPlace')} description={t('campaigns.signingPlaceHint')} value={values.signingPlace}
        required disabled={disabled} error={errors.signingPlace}
        onChange={(e) => onChange({ signingPlace: e.currentTarget.value })} />
      <MultiSelect label={t('campaigns.targetCategories')} description={t('campaigns.targetCategoriesHint')} data={categories}
        value={values.targetCategories} clearable disabled={disabled} error={errors.targetCategories}
        onChange={(v) => onChange({ targetCategories: v as EmployeeCategory[] })} />
      <UnitMultiSelect label={t('campaigns.targetUnits')} description={t('campaigns.targetUnitsHint')}
        value={values.targetUnitIds} disabled={disabled} error={errors.targetUnitIds}
        onChange={(v) => onChange({ targetUnitIds: v })} />
    </>
  );
}
