import { useQuery } from '@tanstack/react-query';
import { Button, Result, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { LanguageToggle } from '../../components/LanguageToggle';
import { LoadError } from '../../components/PageState';
import { formatDateTime, formatPlainDate, formatVnd } from '../../lib/format';
import './disclosure.css';

type Disclosure = Schemas['CampaignDisclosureDto'];

/** Where the same disclosure downloads as a paper (the API sends it; no sign-in). */
export function disclosureFileUrl(code: string, format: 'pdf' | 'xlsx'): string {
  return `/api/public/campaigns/${encodeURIComponent(code)}/disclosure?format=${format}`;
}

/**
 * The public disclosure of a fund campaign (công khai, Nghị định 93/2021) at /cong-khai/<code>: no
 * sign-in, outside the officers' layout. It shows the API's figures as they come (the PDF and XLSX
 * links are the same document), and prints as a notice for the board (print CSS in disclosure.css).
 */
export function PublicDisclosurePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['public-disclosure', code],
    queryFn: () => unwrap(api.GET('/api/public/campaigns/{code}/disclosure', { params: { path: { code } } })) as Promise<Disclosure>,
    // A 404 stays a 404.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const title = query.data?.campaign.title;
  useEffect(() => {
    document.title = title ? `${t('disclosure.pageTitle')}: ${title}` : t('disclosure.pageTitle');
  }, [title, t]);

  return (
    <main className="disclosure-page">
      <div className="disclosure-toolbar no-print" role="toolbar" aria-label={t('disclosure.actions')}>
        {query.data && (
          <>
            <Button href={disclosureFileUrl(code, 'pdf')}>{t('disclosure.downloadPdf')}</Button>
            <Button href={disclosureFileUrl(code, 'xlsx')}>{t('disclosure.downloadXlsx')}</Button>
            <Button type="primary" onClick={() => window.print()}>
              {t('disclosure.print')}
            </Button>
          </>
        )}
        <LanguageToggle />
      </div>
      {query.isPending && <Skeleton active paragraph={{ rows: 10 }} aria-busy="true" aria-label={t('common.loading')} />}
      {query.isError &&
        (query.error instanceof ApiError && query.error.status === 404 ? (
          <Result status="404" title={t('disclosure.notFound')} subTitle={t('disclosure.notFoundHint')} />
        ) : (
          <LoadError error={query.error} retry={() => void query.refetch()} />
        ))}
      {query.data && <DisclosurePaper disclosure={query.data} />}
    </main>
  );
}

function DisclosurePaper({ disclosure }: { disclosure: Disclosure }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const vnd = (amount: number) => formatVnd(amount, lang);
  const { header, campaign, receiving, totals, donors, signer } = disclosure;
  const method = (m: Disclosure['totals']['byMethod'][number]['method']) => t(`disclosure.methodLabels.${m}`);

  return (
    <article className="disclosure-paper" aria-labelledby="disclosure-title">
      <header className="disclosure-header">
        <div>
          <div>{header.organization}</div>
          <strong>{header.unit}</strong>
        </div>
        <div>
          <strong>{t('disclosure.nation')}</strong>
          <div>{t('disclosure.motto')}</div>
        </div>
      </header>
      <div className="disclosure-title">
        <h1 id="disclosure-title">{t('disclosure.notice')}</h1>
        <div>{t('disclosure.subtitle')}</div>
        <div className="disclosure-strong">{campaign.title}</div>
      </div>

      <section aria-labelledby="disclosure-call">
        <h2 id="disclosure-call">{t('disclosure.call')}</h2>
        <dl className="disclosure-fields">
          <dt>{t('disclosure.code')}</dt>
          <dd>{campaign.code}</dd>
          <dt>{t('disclosure.fund')}</dt>
          <dd>{campaign.fundName}</dd>
          <dt>{t('disclosure.launchedBy')}</dt>
          <dd>{campaign.launchedBy}</dd>
          <dt>{t('disclosure.purpose')}</dt>
          <dd>{campaign.purpose}</dd>
          <dt>{t('disclosure.period')}</dt>
          <dd>{t('disclosure.periodValue', { from: formatPlainDate(campaign.startDate), to: formatPlainDate(campaign.endDate) })}</dd>
          <dt>{t('disclosure.target')}</dt>
          <dd>{vnd(campaign.target)}</dd>
          {campaign.suggestion && (
            <>
              <dt>{t('disclosure.suggestion')}</dt>
              <dd>{t('disclosure.suggestionValue', { value: campaign.suggestion })}</dd>
            </>
          )}
          <dt>{t('disclosure.status')}</dt>
          <dd>{t(`disclosure.statusLabels.${campaign.status}`)}</dd>
        </dl>
      </section>

      <section aria-labelledby="disclosure-receiving">
        <h2 id="disclosure-receiving">{t('disclosure.receiving')}</h2>
        <dl className="disclosure-fields">
          <dt>{t('disclosure.methods')}</dt>
          <dd>{receiving.methods.map(method).join('; ')}</dd>
          <dt>{t('disclosure.points')}</dt>
          <dd>{receiving.points.map((p) => p.unitName).join('; ')}</dd>
        </dl>
        <p>
          <em>{receiving.note}</em>
        </p>
      </section>

      <section aria-labelledby="disclosure-results">
        <h2 id="disclosure-results">{t('disclosure.results', { asOf: formatDateTime(disclosure.asOf, lang) })}</h2>
        <dl className="disclosure-fields">
          <dt>{t('disclosure.received')}</dt>
          <dd className="disclosure-strong" data-testid="disclosure-received">
            {vnd(totals.received)}
          </dd>
          <dt>{t('disclosure.contributions')}</dt>
          <dd>{totals.contributions}</dd>
        </dl>
        <h3>{t('disclosure.byMethod')}</h3>
        <div className="disclosure-table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('disclosure.methods')}</th>
                <th scope="col" className="num">
                  {t('disclosure.count')}
                </th>
                <th scope="col" className="num">
                  {t('disclosure.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.byMethod.map((m) => (
                <tr key={m.method}>
                  <th scope="row">{method(m.method)}</th>
                  <td className="num">{m.count}</td>
                  <td className="num">{vnd(m.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>{t('disclosure.total')}</td>
                <td className="num">{totals.contributions}</td>
                <td className="num">{vnd(totals.received)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <h3>{t('disclosure.byUnit')}</h3>
        <div className="disclosure-table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('disclosure.unit')}</th>
                <th scope="col" className="num">
                  {t('disclosure.count')}
                </th>
                <th scope="col" className="num">
                  {t('disclosure.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.byUnit.map((u) => (
                <tr key={u.unitId}>
                  <th scope="row" style={{ paddingLeft: 8 + 20 * u.depth }}>
                    {u.unitName}
                  </th>
                  <td className="num">{u.count}</td>
                  <td className="num">{vnd(u.received)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="disclosure-balance">
        <h2 id="disclosure-balance">{t('disclosure.balanceHeading')}</h2>
        <dl className="disclosure-fields">
          <dt>{t('disclosure.balance')}</dt>
          <dd className="disclosure-strong">{vnd(totals.balance)}</dd>
        </dl>
      </section>

      <section aria-labelledby="disclosure-donors">
        <h2 id="disclosure-donors">{t('disclosure.donors')}</h2>
        {donors.length === 0 ? (
          <p>{t('disclosure.noDonors')}</p>
        ) : (
          <div className="disclosure-table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('disclosure.index')}
                  </th>
                  <th scope="col">{t('disclosure.donorName')}</th>
                  <th scope="col">{t('disclosure.unit')}</th>
                  <th scope="col" className="num">
                    {t('disclosure.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {donors.map((d, i) => (
                  <tr key={i}>
                    <td className="num">{i + 1}</td>
                    <td>{d.name}</td>
                    <td>{d.unitName}</td>
                    <td className="num">{vnd(d.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="disclosure-signer">
        <strong>{signer.onBehalfOf}</strong>
        <div>
          <strong>{signer.title}</strong>
        </div>
        {signer.name && <div className="name">{signer.name}</div>}
      </div>
    </article>
  );
}
