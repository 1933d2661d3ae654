import { Button, Empty, Form, Input, Pagination, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../api/client';
import { type CaseFilters, useCases, useUnits } from '../api/queries';
import { CaseListItem } from '../components/CaseBits';
import { ListSkeleton, LoadError } from '../components/PageState';
import { processName } from '../processes/process-texts';
import { PROCESS_TYPES } from '../processes/registry';

const STATUSES: Schemas['CaseSummaryDto']['status'][] = ['pending', 'returned', 'in_progress', 'completed', 'rejected', 'cancelled'];
const PAGE_SIZE = 20;

/** The filters live in the address, so a search can be reloaded, bookmarked and sent to a colleague. */
function filtersFrom(params: URLSearchParams): CaseFilters {
  const overdue = params.get('overdue');
  return {
    status: (params.get('status') as CaseFilters['status']) || undefined,
    // Only a process this build knows: a stale bookmark's type would be refused by the API.
    processType: PROCESS_TYPES.find((type) => type === params.get('processType')),
    unitId: params.get('unitId') || undefined,
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : undefined,
    q: params.get('q') || undefined,
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
  };
}

/** Hồ sơ: every case the user may see, with filters and a search that ignores accents (the API's). */
export function CasesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const cases = useCases(filters);
  const units = useUnits();

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    // Another filter means another list: back to its first page.
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const unitItems = units.data?.items ?? [];
  const all = { value: '', label: t('cases.all') };
  return (
    <section aria-labelledby="cases-title">
      <Typography.Title level={1} id="cases-title">
        {t('cases.title')}
      </Typography.Title>
      <Form layout="vertical" className="filters" role="search" onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('cases.searchLabel')} htmlFor="case-search" className="filters-search">
          <Input.Search
            id="case-search"
            key={filters.q ?? ''}
            defaultValue={filters.q}
            placeholder={t('cases.searchPlaceholder')}
            enterButton={t('cases.search')}
            allowClear
            onSearch={(q) => update({ q: q.trim() || undefined })}
          />
        </Form.Item>
        <Form.Item label={t('cases.statusLabel')} htmlFor="filter-status">
          <Select
            id="filter-status"
            value={filters.status ?? ''}
            onChange={(v) => update({ status: v || undefined })}
            options={[all, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          />
        </Form.Item>
        <Form.Item label={t('cases.processLabel')} htmlFor="filter-process">
          <Select
            id="filter-process"
            value={filters.processType ?? ''}
            onChange={(v) => update({ processType: v || undefined })}
            options={[all, ...PROCESS_TYPES.map((p) => ({ value: p, label: processName(t, p) }))]}
          />
        </Form.Item>
        <Form.Item label={t('cases.unitLabel')} htmlFor="filter-unit">
          <Select
            id="filter-unit"
            value={filters.unitId ?? ''}
            loading={units.isPending}
            onChange={(v) => update({ unitId: v || undefined })}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: '', label: t('cases.allUnits') },
              ...unitItems.map((u) => ({ value: u.id, label: unitLabel(u, unitItems) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('cases.overdueLabel')} htmlFor="filter-overdue">
          <Select
            id="filter-overdue"
            value={filters.overdue === undefined ? '' : String(filters.overdue)}
            onChange={(v) => update({ overdue: v || undefined })}
            options={[all, { value: 'true', label: t('cases.overdueOnly') }, { value: 'false', label: t('cases.withinDeadline') }]}
          />
        </Form.Item>
        <Form.Item label=" " className="filters-clear">
          <Button onClick={() => setParams(new URLSearchParams())}>{t('cases.clearFilters')}</Button>
        </Form.Item>
      </Form>

      {cases.isPending ? (
        <ListSkeleton rows={4} />
      ) : cases.isError ? (
        <LoadError error={cases.error} retry={() => void cases.refetch()} />
      ) : cases.data.items.length === 0 ? (
        <Empty description={t('cases.empty')} />
      ) : (
        <>
          <p className="list-total" aria-live="polite">
            {t('common.total', { count: cases.data.total })}
          </p>
          <ul className="case-list" aria-labelledby="cases-title" aria-busy={cases.isFetching}>
            {cases.data.items.map((item) => (
              <li key={item.id}>
                <CaseListItem item={item} showWaitingAt />
              </li>
            ))}
          </ul>
          <Pagination
            current={cases.data.page}
            pageSize={cases.data.pageSize}
            total={cases.data.total}
            showSizeChanger={false}
            onChange={(page) => update({ page: String(page) })}
            className="pager"
          />
        </>
      )}
    </section>
  );
}

/** "Hội CCB phường Ngọc Thụy › Chi hội 1": branch names repeat across wards, so name the parent. */
function unitLabel(unit: Schemas['UnitSummaryDto'], units: Schemas['UnitSummaryDto'][]): string {
  const parent = unit.level.rank === 0 && unit.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
  return parent ? `${parent.name} › ${unit.name}` : unit.name;
}
