import { Accordion, Anchor, Badge, Button, Card, Container, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePublicRules, type RulesViewT } from '../../api/sosialisasi';
import { Brand } from '../../components/Brand';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoader } from '../../components/PageLoader';

type Item = RulesViewT['items'][number];

function ItemCard({ item }: { item: Item }) {
  const { t } = useTranslation();
  return (
    <Card withBorder p="sm">
      <Group gap={6} mb={4}>
        <Badge variant="light" color={item.list === 'kode_etik' ? 'blue' : 'red'}>{item.code}</Badge>
        <Text size="xs" c="dimmed">{t(`rules.stage.${item.stage}`, { defaultValue: item.stage })}</Text>
      </Group>
      <Text size="sm">{item.act}</Text>
      <Text size="xs" c="dimmed" mt={4}>{item.tierLabel}</Text>
      {item.examples ? <Text size="xs" c="dimmed">{t('rules.evidence')}: {item.examples}</Text> : null}
    </Card>
  );
}

/** Public /aturan: what an ASN may and may not do, from the catalogue, with the sanctions and a FAQ. No account. */
export default function RulesPage() {
  const { t } = useTranslation();
  const tenant = new URLSearchParams(window.location.search).get('tenant') ?? undefined;
  const rules = usePublicRules(tenant);
  const v = rules.data;
  const faq = t('rules.faq', { returnObjects: true }) as { q: string; a: string }[];
  const mayList = t('rules.mayList', { returnObjects: true }) as string[];
  return (
    <Container size={760} px="sm" py="md">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Brand />
        <LanguageSwitch />
      </Group>
      <Stack gap="md">
        <div>
          <Title order={1} size="h3">{t('rules.title')}</Title>
          {v ? <Text size="sm" c="dimmed">{t('rules.intro', { catalogue: v.catalogueTitle })}</Text> : null}
        </div>
        <ErrorAlert error={rules.error} />
        {rules.isPending ? <PageLoader /> : null}
        {v ? (
          <>
            {(['online', 'offline'] as const).map((setting) => (
              <Stack key={setting} gap="xs">
                <Title order={2} size="h4">{t(`rules.${setting}`)}</Title>
                {v.items.filter((i) => i.setting === setting).map((i) => <ItemCard key={i.code} item={i} />)}
              </Stack>
            ))}
            <Card>
              <Title order={2} size="h4" mb="xs">{t('rules.may')}</Title>
              <List size="sm" spacing={4}>{mayList.map((m) => <List.Item key={m}>{m}</List.Item>)}</List>
            </Card>
            <Card>
              <Title order={2} size="h4">{t('rules.sanctions')}</Title>
              <Text size="sm" c="dimmed" mb="xs">{t('rules.sanctionsIntro')}</Text>
              {v.sanctions.map((s) => (
                <div key={s.tier}>
                  <Text size="sm" fw={600}>{s.label}</Text>
                  <List size="sm" mb="xs">{s.ladder.map((l) => <List.Item key={l}>{l}</List.Item>)}</List>
                </div>
              ))}
            </Card>
          </>
        ) : null}
        <div>
          <Title order={2} size="h4" mb="xs">{t('rules.faqTitle')}</Title>
          <Accordion variant="separated">
            {faq.map((f) => (
              <Accordion.Item key={f.q} value={f.q}>
                <Accordion.Control>{f.q}</Accordion.Control>
                <Accordion.Panel><Text size="sm">{f.a}</Text></Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </div>
        <Group>
          <Button component="a" href="/lapor">{t('rules.report')}</Button>
          <Anchor href="/transparansi" size="sm">{t('rules.transparency')}</Anchor>
        </Group>
      </Stack>
    </Container>
  );
}
