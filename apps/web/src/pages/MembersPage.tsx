import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { downloadFile, type MemberImportReport, uploadMembers } from '../api/member-files';
import { queryKeys, useMembers, useUnits } from '../api/queries';
import { useSession } from '../auth/RequireSession';
import { LoadError } from '../components/PageState';
import { errorMessage } from '../lib/errors';

type Member = Schemas['MemberDto'];

const STATUS_KEY = { active: 'statusActive', moved: 'statusMoved', deceased: 'statusDeceased' } as const;

/** Loose match for the search box: NFC, case and spaces aside. */
const loose = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The register of one unit: its members with a search, the Excel template, an import (upload progress,
 * then the row report with refused rows by number) and an export. For chairs, officers and admins; the
 * API decides (a refusal shows its message).
 */
export function MembersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const units = useUnits();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string>();
  const unitId = chosen ?? session?.user.memberships[0]?.unit.id;
  const members = useMembers(unitId);
  const [search, setSearch] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<{ file: string; report: MemberImportReport } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const items = useMemo(() => {
    const q = loose(search);
    const all = members.data?.items ?? [];
    if (!q) return all;
    return all.filter((m) => [m.fullName, m.memberCode, m.phone ?? ''].some((v) => loose(v).includes(q)));
  }, [members.data, search]);

  const unitName = units.data?.items?.find((u) => u.id === unitId)?.name ?? '';

  const importFile = async (file: File) => {
    if (!unitId) return;
    setReport(null);
    setFailure(null);
    setProgress(0);
    try {
      const result = await uploadMembers(unitId, file, setProgress);
      setReport({ file: file.name, report: result });
      await queryClient.invalidateQueries({ queryKey: queryKeys.members(unitId) });
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const download = (path: string, name: string) => downloadFile(path, name).catch((error) => message.error(errorMessage(error, t)));

  return (
    <section aria-labelledby="members-title">
      <Typography.Title level={2} id="members-title">
        {t('members.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('members.unit')}
          style={{ minWidth: 280 }}
          value={unitId}
          onChange={(v) => {
            setChosen(v);
            setReport(null);
            setFailure(null);
          }}
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Input.Search allowClear placeholder={t('members.search')} aria-label={t('members.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 280 }} />
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => download('/api/members/import-template.xlsx', 'Mau-nhap-hoi-vien.xlsx')}>
          {t('members.template')}
        </Button>
        <Button type="primary" icon={<UploadOutlined aria-hidden />} disabled={!unitId || progress !== null} onClick={() => input.current?.click()}>
          {t('members.import')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          data-testid="members-file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
          }}
        />
        <Button icon={<FileExcelOutlined aria-hidden />} disabled={!unitId} onClick={() => download(`/api/units/${unitId}/members/export.xlsx`, `Hoi-vien ${unitName}.xlsx`)}>
          {t('members.export')}
        </Button>
      </Space>
      {progress !== null && (
        <div role="status" style={{ marginBottom: 16 }}>
          <Typography.Text>{t('members.uploading')}</Typography.Text>
          <Progress percent={progress} status="active" aria-label={t('members.uploading')} />
        </div>
      )}
      {failure && <Alert type="error" showIcon role="alert" message={failure} style={{ marginBottom: 16 }} />}
      {report && (
        <Alert
          style={{ marginBottom: 16 }}
          type={report.report.errors.length ? 'warning' : 'success'}
          showIcon
          role="status"
          message={t('members.reportTitle', { file: report.file })}
          description={
            <>
              <p>
                {t('members.reportSummary', {
                  rows: report.report.rows,
                  created: report.report.created,
                  updated: report.report.updated,
                  unchanged: report.report.unchanged,
                  errors: report.report.errors.length,
                })}
              </p>
              {report.report.errors.length > 0 && (
                <>
                  <p>{t('members.reportErrors')}</p>
                  <Table
                    size="small"
                    rowKey="row"
                    pagination={report.report.errors.length > 20 ? { pageSize: 20 } : false}
                    dataSource={report.report.errors}
                    columns={[
                      { title: t('members.row'), dataIndex: 'row', width: 80 },
                      { title: t('members.message'), dataIndex: 'message' },
                    ]}
                  />
                </>
              )}
            </>
          }
        />
      )}
      {members.isError ? (
        <LoadError error={members.error} retry={() => void members.refetch()} />
      ) : (
        <Table<Member>
          rowKey="id"
          loading={members.isPending && Boolean(unitId)}
          dataSource={items}
          locale={{ emptyText: t('members.empty') }}
          pagination={{ pageSize: 50, showTotal: (count) => t('members.count', { count }) }}
          scroll={{ x: true }}
          columns={[
            { title: t('members.code'), dataIndex: 'memberCode' },
            { title: t('members.name'), dataIndex: 'fullName' },
            { title: t('members.birthYear'), dataIndex: 'birthYear' },
            { title: t('members.phone'), dataIndex: 'phone' },
            {
              title: t('members.memberStatus'),
              dataIndex: 'status',
              render: (_, m) => (
                <Space size={4}>
                  <Tag color={m.status === 'active' ? 'green' : 'default'}>{t(`members.${STATUS_KEY[m.status]}`)}</Tag>
                  {m.partyMember && <Tag color="red">{t('members.partyMember')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
