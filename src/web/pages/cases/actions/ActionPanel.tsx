import { useEffect, useState } from 'react';
import { Alert, Button, Card, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../../../shared/case-workflow.js';
import { useCaseAction, type CaseDetailT } from '../../../api/cases';
import { notifySuccess } from '../../../components/notify';
import { CaseErrorAlert } from '../caseUi';
import type { ActionFormProps } from './formKit';
import { ForwardForm, MergeForm, NoteOnlyForm, ReceiveExternalForm, RejectForm, RequestInfoForm, RouteOutForm } from './RoutingForms';
import { AbsenceForm, BapForm, ClarificationForm, SummonForm, TeamForm } from './StepForms';
import { ConcludeForm, DecideForm, FollowUpForm, RecommendForm, VerifyForm } from './VerdictForms';

/** Side routes (leave the main line or close the case) are shown after the steps that move it forward. */
const SIDE_ROUTES: readonly CaseAction[] = ['request_info', 'forward', 'merge', 'reject', 'route_out'];
const DANGER: readonly CaseAction[] = ['reject', 'route_out', 'merge'];
/** The order steps are usually taken in (the first possible one is the highlighted button). */
const USUAL_ORDER: readonly CaseAction[] = [
  'start_verification', 'verify', 'form_examination_team', 'summon', 'record_absence', 'record_clarification', 'record_bap',
  'finish_clarification', 'finish_examination', 'conclude', 'recommend', 'decide', 'record_follow_up', 'receive_external',
];
/** Forms with one block per subject or per member need the room. */
const WIDE: readonly CaseAction[] = ['verify', 'form_examination_team', 'record_bap', 'conclude', 'recommend', 'decide', 'record_follow_up'];

const FORMS: Record<CaseAction, (p: ActionFormProps) => React.ReactNode> = {
  start_verification: (p) => <NoteOnlyForm {...p} action="start_verification" />,
  finish_clarification: (p) => <NoteOnlyForm {...p} action="finish_clarification" />,
  finish_examination: (p) => <NoteOnlyForm {...p} action="finish_examination" />,
  request_info: (p) => <RequestInfoForm {...p} />,
  reject: (p) => <RejectForm {...p} />,
  route_out: (p) => <RouteOutForm {...p} />,
  verify: (p) => <VerifyForm {...p} />,
  summon: (p) => <SummonForm {...p} />,
  record_clarification: (p) => <ClarificationForm {...p} />,
  record_absence: (p) => <AbsenceForm {...p} />,
  form_examination_team: (p) => <TeamForm {...p} />,
  record_bap: (p) => <BapForm {...p} />,
  conclude: (p) => <ConcludeForm {...p} />,
  recommend: (p) => <RecommendForm {...p} />,
  decide: (p) => <DecideForm {...p} />,
  record_follow_up: (p) => <FollowUpForm {...p} />,
  forward: (p) => <ForwardForm {...p} />,
  receive_external: (p) => <ReceiveExternalForm {...p} />,
  merge: (p) => <MergeForm {...p} />,
};

/**
 * The actions the server says the user may take now (`allowedActions`) — nothing else is shown. Each
 * opens its form; the body goes out with the version of the case as loaded, so a concurrent change is
 * refused (CASE_CONFLICT) and shown with a reload button instead of being overwritten.
 */
export function ActionPanel({ detail, onReload }: { detail: CaseDetailT; onReload: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const act = useCaseAction(detail.id, detail.version);
  // After a reload the action may no longer be possible (someone else moved the case on): close the form.
  useEffect(() => {
    if (open && !detail.allowedActions.includes(open)) setOpen(null);
  }, [open, detail.allowedActions]);
  const main = detail.allowedActions.filter((a) => !SIDE_ROUTES.includes(a)).sort((a, b) => USUAL_ORDER.indexOf(a) - USUAL_ORDER.indexOf(b));
  const side = detail.allowedActions.filter((a) => SIDE_ROUTES.includes(a));
  const close = () => { setOpen(null); setReloaded(false); act.reset(); };
  const Form = open ? FORMS[open] : null;
  return (
    <Card withBorder radius="md" p="md" data-testid="action-panel">
      <Stack gap="xs">
        <Title order={3} size="h4">{t('cases.actions.title')}</Title>
        {detail.allowedActions.length === 0 ? <Text size="sm" c="dimmed">{t('cases.actions.none')}</Text> : null}
        {main.map((a, i) => (
          <Button key={a} variant={i === 0 ? 'filled' : 'light'} fullWidth justify="flex-start" onClick={() => { act.reset(); setReloaded(false); setOpen(a); }} data-testid={`action-${a}`}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.35 } }} h="auto" mih={36} py={8}>
            {t(`cases.action.${a}`)}
          </Button>
        ))}
        {side.map((a) => (
          <Button key={a} variant="default" color={DANGER.includes(a) ? 'red' : undefined} fullWidth justify="flex-start" size="sm"
            onClick={() => { act.reset(); setReloaded(false); setOpen(a); }} data-testid={`action-${a}`} styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.35 } }} h="auto" mih={32} py={6}>
            {t(`cases.action.${a}`)}
          </Button>
        ))}
      </Stack>
      <Modal opened={open !== null} onClose={close} title={open ? t(`cases.action.${open}`) : ''} size={open && WIDE.includes(open) ? 'xl' : 'lg'} fullScreen={isPhone} centered={!isPhone}>
        {open && Form ? (
          <Stack gap="sm">
            <Text size="xs" c="dimmed" ff="monospace">{detail.number} · {t(`cases.state.${detail.state}`)}</Text>
            {Form({
              detail,
              pending: act.isPending,
              onCancel: close,
              onSubmit: (body) => act.mutate(body, {
                onSuccess: () => { notifySuccess(t('cases.actions.done', { action: t(`cases.action.${body.action}`) })); close(); },
              }),
            })}
            {reloaded ? <Alert color="blue" variant="light" p="xs"><Text size="sm">{t('cases.conflict.reloaded', { version: detail.version })}</Text></Alert> : null}
            <CaseErrorAlert error={act.error} onReload={() => { act.reset(); setReloaded(true); onReload(); }} />
          </Stack>
        ) : null}
      </Modal>
    </Card>
  );
}
