import { describe, expect, it } from 'vitest';
import { parseStatus } from '../../../electron/backend/import/layout';
import { STATUSES } from '../../../electron/backend/import/types';
import { translate } from '../../../shared/i18n';

describe('parseStatus', () => {
  it('reads back every status as the grid and the exported files name it, in both languages', () => {
    for (const status of STATUSES) {
      expect(parseStatus(translate('zh', `status.${status}`)), status).toBe(status);
      expect(parseStatus(translate('en', `status.${status}`)), status).toBe(status);
    }
  });
});
