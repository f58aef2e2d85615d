/** Figures, small-count suppression and the CSV, from hand-made day aggregates (pure). */
import { toCsv } from '../../src/statistics/csv';
import { countersOf, cleanStep, KnownIds } from '../../src/statistics/facts';
import { turnFacts } from '../../src/statistics/observe/turnFacts';
import { buildReport, funnelTable } from '../../src/statistics/report';
import { countCell, shareCell, meanCell } from '../../src/statistics/suppress';

const day = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('suppression', () => {
  it('1–4 are suppressed, 0 and 5+ shown; shares and means only over shown counts', () => {
    expect([0, 1, 4, 5, 12].map(countCell)).toEqual([0, 'suppressed', 'suppressed', 5, 12]);
    expect(shareCell(3, 10)).toBe('suppressed');
    expect(shareCell(5, 10)).toBe(50);
    expect(meanCell(600, 4)).toBe('suppressed');
    expect(meanCell(600, 6)).toBe(100);
  });

  it('the report and the CSV never carry a count from 1 to 4', () => {
    const days = new Map([
      ['2026-04-01', day({ 'started|demo|fi|directline': 7, 'started|demo|sv|directline': 3, 'route|demo|fi|elderly|svc-a|elderly': 2, 'route|demo|fi|mental-health|svc-b|mental-health': 9, 'crisis|demo|fi|suicide': 1, 'feedback|demo|route|elderly|yes': 4, 'feedback|demo|route|elderly|no': 6 })],
    ]);
    const report = buildReport(days, { days: ['2026-04-01'], region: 'all' });
    const started = report.tables.find((t) => t.id === 'started')!;
    expect(started.rows[0].cells).toMatchObject({ fi: 7, sv: 'suppressed', en: 0, total: 10 });
    const feedback = report.tables.find((t) => t.id === 'feedback')!;
    expect(feedback.rows[0].cells).toEqual({ yes: 'suppressed', no: 6, yesShare: 'suppressed' });
    const csv = toCsv(report.tables, { from: '2026-04-01', to: '2026-04-01', region: 'all' });
    expect(csv).toContain('started,2026-04-01,sv,<5');
    expect(csv).toContain('routesByDay,2026-04-01,elderly,<5');
    expect(csv).toContain('crisis,2026-04-01,crisis,<5');
    for (const line of csv.split('\r\n').slice(2).filter(Boolean)) expect(line.split(',').pop()).not.toMatch(/^[1-4]$/);
  });

  it('region filter keeps only that region', () => {
    const days = new Map([['2026-04-02', day({ 'started|demo|fi|directline': 6, 'started|north|fi|directline': 8 })]]);
    const report = buildReport(days, { days: ['2026-04-02'], region: 'north' });
    expect(report.tables[0].rows[0].cells.total).toBe(8);
  });

  it('funnel: left = reached − moved on, suppressed when small', () => {
    const days = new Map([['2026-04-03', day({ 'reached|demo|d|q1': 20, 'moved|demo|d|q1': 12, 'reached|demo|d|q2': 12, 'moved|demo|d|q2': 9 })]]);
    const report = buildReport(days, { days: ['2026-04-03'], region: 'all' });
    const table = funnelTable('d', [{ id: 'q1', kind: 'ask' }, { id: 'q2', kind: 'ask' }, { id: 's', kind: 'say' }], report);
    expect(table.rows).toEqual([
      { key: 'q1', cells: { reached: 20, left: 8, leftShare: 40 } },
      { key: 'q2', cells: { reached: 12, left: 'suppressed', leftShare: 'suppressed' } },
    ]);
  });
});

describe('facts carry only known ids', () => {
  const known: KnownIds = { regions: new Set(['demo']), dialogs: new Map([['main', new Set(['menu'])]]), services: new Set(['svc']), queues: new Set(['q']) };
  it('unknown dialogs, steps, services, topics and channels become "other"', () => {
    expect(cleanStep(known, 'main', 'Matti Meikäläinen')).toEqual({ dialog: 'main', step: 'other' });
    const facts = turnFacts(
      {
        channelId: 'matti@example.com', regionHint: '040 123 4567', typed: 'x',
        before: { started: false, lang: null, at: null, feedbackFor: null },
        after: { started: true, lang: 'fi', at: { dialog: 'main', step: 'menu', asked: 1 }, feedbackFor: null },
        sent: [{ type: 'event', name: 'route', value: { topic: '010190-123A', service: 'Matti', dialog: 'nope' } }], failed: false,
      },
      { known, defaultRegion: 'demo', readFeedback: () => undefined },
    );
    const fields = facts.flatMap(countersOf).map((c) => c.field);
    expect(fields).toEqual(['started|demo|fi|other', 'route|demo|fi|other|other|other', 'reached|demo|main|menu']);
  });
});

describe('turn facts from events and state', () => {
  const known: KnownIds = { regions: new Set(['demo']), dialogs: new Map([['main', new Set(['menu'])], ['elderly', new Set(['who'])]]), services: new Set(['svc']), queues: new Set(['q']) };
  const ctx = { known, defaultRegion: 'demo', readFeedback: (t: string) => (t === 'kyllä' ? true : t === 'ei' ? false : undefined) };
  const state = (feedbackFor: string | null) => ({ started: true, lang: 'fi', at: null, feedbackFor });
  const seen = (over: Partial<Parameters<typeof turnFacts>[0]>) => ({ channelId: 'directline', regionHint: undefined, typed: '', before: state(null), after: state(null), sent: [], failed: false, ...over });
  const fields = (over: Partial<Parameters<typeof turnFacts>[0]>) => turnFacts(seen(over), ctx).flatMap(countersOf).map((c) => c.field);

  it('check-ins and crisis responses are told apart', () => {
    expect(fields({ sent: [{ type: 'event', name: 'crisis', value: { kind: 'suicide', level: 'check' } }, { type: 'event', name: 'crisis.check' }, { type: 'event', name: 'crisis', value: { kind: null } }] }))
      .toEqual(['checkin|demo|fi', 'checkin|demo|fi', 'crisis|demo|fi|unspecified']);
  });

  it('route feedback from the state, handoff feedback by its name, or a feedback event instead', () => {
    expect(fields({ typed: 'kyllä', before: state('elderly') })).toEqual(['feedback|demo|route|elderly|yes']);
    expect(fields({ typed: 'ei', before: state('handoff:q') })).toEqual(['feedback|demo|handoff|other|no']);
    expect(fields({ typed: 'jotain muuta', before: state('elderly') })).toEqual([]);
    expect(fields({ typed: 'kyllä', before: state('elderly'), sent: [{ type: 'event', name: 'feedback', value: { source: 'handoff', dialog: 'x', helpful: true } }] }))
      .toEqual(['feedback|demo|handoff|other|yes']);
  });

  it('a failed turn adds no funnel steps; the bot-side "handoff unavailable" counts as requested and unavailable', () => {
    expect(fields({ failed: true, after: { ...state(null), at: { dialog: 'main', step: 'menu', asked: 1 } } })).toEqual([]);
    expect(fields({ sent: [{ type: 'event', name: 'handoff', value: { status: 'unavailable', queue: 'q' } }] })).toEqual(['handoff|demo|q|requested', 'handoff|demo|q|unavailable']);
  });
});
