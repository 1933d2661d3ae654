import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api, type Schemas, unwrap } from '../api/client';
import { LoadError } from '../components/PageState';
import { formatPlainDate, formatVnd, groupDigits, todayInVietnam } from '../lib/format';
import { campaignKeys } from './campaign-queries';
import { cumulativeByDay } from './campaign-format';

/**
 * The API has no daily series yet: the running total is added up here from the unit's entries, which
 * is cheap for the campaigns a ward runs (a few pages of 200). Past MAX_ENTRIES the chart says it is
 * not available rather than download a whole ledger (a server-side series route is the way for those).
 */
const PAGE_SIZE = 200;
const MAX_ENTRIES = 1000;

async function entriesForSeries(campaignId: string, unitId: string): Promise<Schemas['ContributionDto'][] | 'too-many'> {
  const items: Schemas['ContributionDto'][] = [];
  for (let page = 1; ; page++) {
    const answer = await unwrap(
      api.GET('/api/campaigns/{id}/contributions', { params: { path: { id: campaignId }, query: { unitId, page, pageSize: PAGE_SIZE } } }),
    );
    if (answer.total > MAX_ENTRIES) return 'too-many';
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}

interface Props {
  campaign: Pick<Schemas['CampaignDetailDto'], 'id' | 'startDate' | 'endDate' | 'entries'>;
  unit: { id: string; name: string };
}

/** The total collected over time (a step line per day), drawn by uPlot on a canvas, with the same in words. */
export function TotalChart({ campaign, unit }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const series = useQuery({
    queryKey: [...campaignKeys.series(campaign.id, unit.id), campaign.entries],
    queryFn: () => entriesForSeries(campaign.id, unit.id),
  });
  const today = todayInVietnam();
  const until = campaign.endDate < today ? campaign.endDate : today;
  const points = useMemo(
    () => (Array.isArray(series.data) ? cumulativeByDay(series.data, campaign.startDate, until) : []),
    [series.data, campaign.startDate, until],
  );

  if (series.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (series.isError) return <LoadError error={series.error} retry={() => void series.refetch()} />;
  if (series.data === 'too-many') return <Alert type="info" showIcon message={t('campaigns.detail.chartTooMany', { count: groupDigits(MAX_ENTRIES, lang) })} />;
  if (series.data.length === 0) return <p className="muted">{t('campaigns.detail.chartEmpty')}</p>;

  const lastPoint = points[points.length - 1];
  const summary = t('campaigns.detail.chartSummary', { unit: unit.name, date: formatPlainDate(lastPoint.date), amount: formatVnd(lastPoint.total, lang) });
  return (
    <figure className="total-chart">
      <Plot points={points} from={campaign.startDate} to={campaign.endDate} label={summary} lang={lang} />
      <figcaption>{summary}</figcaption>
    </figure>
  );
}

const DAY_S = 86_400;
/** A calendar day as the chart's x: its UTC midnight, in seconds. */
const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

/**
 * The canvas: the whole campaign along the axis (start to end date), the total drawn up to today, so
 * the line's reach shows the time passed. Sized to its box (a 360 px phone included), redrawn when the box changes.
 */
function Plot({ points, from, to, label, lang }: { points: { date: string; total: number }[]; from: string; to: string; label: string; lang: 'vi' | 'en' }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Days as UTC midnights: the labels are the dates themselves, whatever the device's zone.
    const xs = points.map((p) => day(p.date));
    const ys = points.map((p) => p.total);
    const short = (n: number) =>
      new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
    const plot = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: 220,
        legend: { show: false },
        cursor: { show: false },
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
        scales: { x: { time: true, range: () => [day(from), Math.max(day(to), day(from) + DAY_S)] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
        axes: [
          {
            space: 60,
            incrs: [DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 30 * DAY_S],
            values: (_u, splits) => splits.map((s) => formatPlainDate(new Date(s * 1000).toISOString().slice(0, 10)).slice(0, 5)),
          },
          { size: 56, values: (_u, splits) => splits.map(short) },
        ],
        series: [{}, { stroke: '#8b1a1a', fill: 'rgba(139, 26, 26, 0.12)', width: 2, paths: uPlot.paths.stepped?.({ align: 1 }) }],
      },
      [xs, ys],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [points, from, to, lang]);
  return <div ref={box} className="total-chart-plot" role="img" aria-label={label} />;
}
