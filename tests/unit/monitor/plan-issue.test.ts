import { describe, expect, it } from 'vitest';
import { isJudged, isReportedFact, issuedOn } from '../../../shared/monitor/status';
import { issuedText, ruleParamsText } from '../../../shared/monitor/rule-text';

describe('a plan’s issue date and the facts it reports', () => {
  it('reads an issue date as precise as it is recorded, from its first day', () => {
    expect(issuedOn('2023-12-13')).toBe('2023-12-13');
    expect(issuedOn('2020-06')).toBe('2020-06-01');
    expect(issuedOn('2020')).toBe('2020-01-01');
    expect(issuedOn('')).toBeNull();
    expect(issuedOn('六月')).toBeNull();
  });

  it('writes it as precise as it is', () => {
    expect(issuedText('2023-12-13', 'zh')).toBe('2023年12月13日');
    expect(issuedText('2020-06', 'zh')).toBe('2020年6月');
    expect(issuedText('2020-06', 'en')).toBe('2020-06');
    expect(ruleParamsText({ issued: '2023-12-13', vintage: '2021-06-01' }, '%', 'zh')).toEqual({ issued: '2023年12月13日', vintage: '2021-06-01' });
  });

  it('takes an exact count with no deadline, or due by the year of issue, as a fact, never a goal ahead', () => {
    // The AI plan's 4+1 tasks and 23 jobs; the 658 projects collected in 2020, the year it was issued.
    expect(isReportedFact({ comparator: '=', deadline: null }, 2020)).toBe(true);
    expect(isReportedFact({ comparator: '=', deadline: 2020 }, 2020)).toBe(true);
    expect(isReportedFact({ comparator: '=', deadline: 2022 }, 2020)).toBe(false);
    expect(isReportedFact({ comparator: '>=', deadline: 2020 }, 2020)).toBe(false);
    expect(isReportedFact({ comparator: '=', deadline: 2020 }, null)).toBe(false);
    expect(isJudged({ rule: 'monitor.rule.fact' })).toBe(false);
    expect(isJudged({ rule: 'monitor.rule.planNotYetIssued' })).toBe(false);
    expect(isJudged({ rule: 'monitor.rule.met' })).toBe(true);
  });
});
