/** The figures of the transparency page: headline tiles, the type table and the month bars (plain CSS, no chart library). */
import type { BroadType, CellT, Outcome, TransparencyViewT } from '../../../shared/contracts/insights.contract';
import type { TransparencyTexts } from '../../i18n/transparency.id';

const TYPES: BroadType[] = ['kode_etik', 'disiplin', 'lainnya'];
const OUTCOMES: Outcome[] = ['examining', 'stopped', 'proven', 'sanctioned'];

/** A count as published: the number, "<5", or "×" for a complementary suppression. */
export function CellText({ cell, texts }: { cell: CellT; texts: TransparencyTexts }) {
  if (cell.value !== null) return <>{cell.value.toLocaleString(texts.lang === 'en' ? 'en-GB' : 'id-ID')}</>;
  return cell.suppressed === 'small' ? (
    <abbr className="tp-sup" title={texts.legend.small}>&lt;5</abbr>
  ) : (
    <abbr className="tp-sup" title={texts.legend.complementary}>×</abbr>
  );
}

export function Headline({ view, texts }: { view: TransparencyViewT; texts: TransparencyTexts }) {
  const h = view.headline;
  const tiles: [string, CellT, string][] = [
    [texts.headline.received, h.received, texts.headline.receivedHint],
    [texts.headline.examining, h.examining, texts.headline.examiningHint],
    [texts.headline.proven, h.proven, texts.headline.provenHint],
    [texts.headline.sanctioned, h.sanctioned, texts.headline.sanctionedHint],
  ];
  const rate = h.followUpRate;
  const provenKnownZero = h.proven.value === 0;
  return (
    <section aria-label={texts.headline.received}>
      <div className="tp-tiles">
        {tiles.map(([label, cell, hint]) => (
          <div className="tp-tile" key={label}>
            <div className="tp-tile-label">{label}</div>
            <div className="tp-tile-value" data-testid="tp-tile-value">
              <CellText cell={cell} texts={texts} />
            </div>
            <div className="tp-tile-hint">{hint}</div>
          </div>
        ))}
      </div>
      <div className="tp-card tp-follow">
        <div className="tp-tile-label">{texts.headline.followUp}</div>
        {rate !== null ? (
          <>
            <div className="tp-follow-row">
              <strong className="tp-follow-value">{Math.round(rate * 100)}%</strong>
              <span>{texts.headline.followUpHint}</span>
            </div>
            <div className="tp-meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(rate * 100)} aria-label={texts.headline.followUp}>
              <div style={{ width: `${Math.round(rate * 100)}%` }} />
            </div>
          </>
        ) : (
          <p className="tp-muted">{provenKnownZero ? texts.headline.followUpNone : texts.headline.followUpHidden}</p>
        )}
      </div>
    </section>
  );
}

/** Outcomes down, types across: five narrow columns fit a 360 px phone. */
export function TypeTable({ view, texts }: { view: TransparencyViewT; texts: TransparencyTexts }) {
  const byType = new Map(view.byType.rows.map((r) => [r.type, r]));
  return (
    <section className="tp-card">
      <h2>{texts.byType.title}</h2>
      <p className="tp-muted">{texts.byType.intro}</p>
      <div className="tp-scroll">
        <table className="tp-table" data-testid="tp-type-table">
          <thead>
            <tr>
              <th scope="col">{texts.byType.outcome}</th>
              {TYPES.map((t) => (
                <th scope="col" key={t}>{texts.typesShort[t]}</th>
              ))}
              <th scope="col">{texts.total}</th>
            </tr>
          </thead>
          <tbody>
            {OUTCOMES.map((o) => (
              <tr key={o}>
                <th scope="row">{texts.outcomes[o]}</th>
                {TYPES.map((t) => (
                  <td key={t}><CellText cell={byType.get(t)!.cells[o]} texts={texts} /></td>
                ))}
                <td className="tp-total"><CellText cell={view.byType.totals[o]} texts={texts} /></td>
              </tr>
            ))}
            <tr className="tp-total">
              <th scope="row">{texts.total}</th>
              {TYPES.map((t) => (
                <td key={t}><CellText cell={byType.get(t)!.total} texts={texts} /></td>
              ))}
              <td><CellText cell={view.byType.total} texts={texts} /></td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function monthLabel(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 15));
}

/** One horizontal bar per month; a suppressed month gets a fixed, hatched stub that says nothing about its size. */
export function MonthBars({ view, texts }: { view: TransparencyViewT; texts: TransparencyTexts }) {
  const rows = view.byMonth.rows;
  const max = Math.max(1, ...rows.map((r) => r.total.value ?? 0));
  return (
    <section className="tp-card">
      <h2>{texts.byMonth.title}</h2>
      <ul className="tp-bars" data-testid="tp-month-bars">
        {rows.map((r) => (
          <li key={r.month}>
            <span className="tp-bar-label">{monthLabel(r.month, texts.lang)}</span>
            <span className="tp-bar-track">
              {r.total.value !== null ? <span className="tp-bar" style={{ width: `${(r.total.value / max) * 100}%` }} /> : r.total.suppressed === 'small' ? <span className="tp-bar tp-bar-small" /> : null}
            </span>
            <span className="tp-bar-value"><CellText cell={r.total} texts={texts} /></span>
          </li>
        ))}
      </ul>
      <details>
        <summary>{texts.byMonth.showTable}</summary>
        <div className="tp-scroll">
          <table className="tp-table" data-testid="tp-month-table">
            <thead>
              <tr>
                <th scope="col">{texts.byMonth.month}</th>
                {TYPES.map((t) => (
                  <th scope="col" key={t}>{texts.typesShort[t]}</th>
                ))}
                <th scope="col">{texts.total}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.month}>
                  <th scope="row">{monthLabel(r.month, texts.lang)}</th>
                  {TYPES.map((t) => (
                    <td key={t}><CellText cell={r.cells[t]} texts={texts} /></td>
                  ))}
                  <td className="tp-total"><CellText cell={r.total} texts={texts} /></td>
                </tr>
              ))}
              <tr className="tp-total">
                <th scope="row">{texts.total}</th>
                {TYPES.map((t) => (
                  <td key={t}><CellText cell={view.byMonth.totals[t]} texts={texts} /></td>
                ))}
                <td><CellText cell={view.byMonth.total} texts={texts} /></td>
              </tr>
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

export function Legend({ texts }: { texts: TransparencyTexts }) {
  return (
    <p className="tp-legend">
      <span><b>&lt;5</b> {texts.legend.small}</span>
      <span><b>×</b> {texts.legend.complementary}</span>
    </p>
  );
}
