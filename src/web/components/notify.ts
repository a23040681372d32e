import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client';
import i18n from '../i18n';

export function notifyError(err: unknown): void {
  notifications.show({ color: 'red', title: i18n.t('common.errorTitle'), message: errorMessage(err) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}
