/** The explanations under the figures: how to report, what happens next, checking a receipt, the rules. */
import type { TransparencyTexts } from '../../i18n/transparency.id';

export function Guide({ texts }: { texts: TransparencyTexts }) {
  return (
    <>
      <section className="tp-card tp-cta" id="lapor">
        <h2>{texts.report.title}</h2>
        <p>{texts.report.body}</p>
        <a className="tp-button" href="/lapor">{texts.report.cta}</a>
      </section>
      <section className="tp-card" id="alur">
        <h2>{texts.next.title}</h2>
        <ol className="tp-steps">
          {texts.next.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <p className="tp-muted">{texts.next.note}</p>
      </section>
      <section className="tp-card" id="cek">
        <h2>{texts.check.title}</h2>
        <p>{texts.check.body}</p>
        <a className="tp-button tp-button-outline" href="/lapor/cek">{texts.check.cta}</a>
      </section>
      <section className="tp-card" id="aturan">
        <h2>{texts.rules.title}</h2>
        <p>{texts.rules.intro}</p>
        <ul className="tp-rules">
          {texts.rules.dont.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <p>{texts.rules.may}</p>
        <p>{texts.rules.sanctions}</p>
        <a className="tp-button tp-button-outline" href="/aturan">{texts.rules.more}</a>
      </section>
      <section className="tp-card" id="metode">
        <h2>{texts.method.title}</h2>
        <p className="tp-muted">{texts.method.body}</p>
      </section>
    </>
  );
}
