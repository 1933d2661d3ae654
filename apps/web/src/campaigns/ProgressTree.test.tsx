import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import '../i18n';
import type { Schemas } from '../api/client';
import { ProgressTree } from './ProgressTree';

const unit = (id: string, name: string, levelCode: string) => ({ id, name, levelCode });

/** Ngọc Thụy's tree half-way through: Chi hội 1 on pace, Chi hội 2 behind, Chi hội 3 without a quota. */
const TREE: Schemas['ProgressNodeDto'] = {
  unit: unit('ward', 'Hội CCB phường Ngọc Thụy', 'ward'),
  quota: 10_000_000,
  collected: 3_550_000,
  remitted: 0,
  confirmed: 0,
  percent: 35.5,
  onPace: false,
  children: [
    { unit: unit('ch1', 'Chi hội 1', 'branch'), quota: 6_000_000, collected: 3_000_000, remitted: 2_000_000, confirmed: 1_500_000, percent: 50, onPace: true, children: [] },
    { unit: unit('ch2', 'Chi hội 2', 'branch'), quota: 4_000_000, collected: 500_000, remitted: 0, confirmed: 0, percent: 12.5, onPace: false, children: [] },
    { unit: unit('ch3', 'Chi hội 3', 'branch'), quota: null, collected: 50_000, remitted: 0, confirmed: 0, percent: null, onPace: null, children: [] },
  ],
};

const node = (name: string) => screen.getAllByRole('listitem').find((li) => li.getAttribute('data-unit') === name)!;
/** A node's own line, without its children's. */
const own = (name: string) => node(name).querySelector(':scope > .progress-node-head')!.textContent + ' ' + node(name).querySelector(':scope > .progress-node-figures')!.textContent;

function renderTree(quotaSetterUnits = new Set<string>(), onSaveQuota = vi.fn(async () => undefined)) {
  render(
    <App>
      <ProgressTree root={TREE} quotaSetterUnits={quotaSetterUnits} onSaveQuota={onSaveQuota} />
    </App>,
  );
  return onSaveQuota;
}

describe('ProgressTree', () => {
  it('marks units below pace in words, not only in colour, and says which have no quota', () => {
    renderTree();
    expect(own('Chi hội 2')).toContain('Chậm tiến độ');
    expect(own('Hội CCB phường Ngọc Thụy')).toContain('Chậm tiến độ');
    expect(own('Chi hội 1')).toContain('Đúng tiến độ');
    expect(own('Chi hội 1')).not.toContain('Chậm tiến độ');
    expect(own('Chi hội 3')).toContain('chưa giao chỉ tiêu');
    expect(own('Chi hội 3')).not.toMatch(/tiến độ/);
  });

  it('shows collected against quota and the percent as Vietnamese write it', () => {
    renderTree();
    expect(own('Chi hội 2')).toMatch(/500\.000\s₫ \/ 4\.000\.000\s₫/);
    expect(own('Chi hội 2')).toContain('12,5%');
    expect(own('Chi hội 1')).toContain('50%');
    expect(own('Hội CCB phường Ngọc Thụy')).toContain('35,5%');
    // The bar carries the same sentence for screen readers.
    const bar = within(node('Chi hội 2')).getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuetext', expect.stringContaining('12,5%'));
  });

  it("lets the parent's officers set a child's quota in place, grouped as typed; Enter saves", async () => {
    const save = renderTree(new Set(['ward']));
    // The root's quota is the target: not editable here. The children are.
    expect(within(node('Hội CCB phường Ngọc Thụy')).getAllByRole('button', { name: /Chỉ tiêu của/ })).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Chỉ tiêu của Chi hội 2' }));
    const input = screen.getByLabelText('Chỉ tiêu của Chi hội 2');
    expect(input).toHaveValue('4.000.000');
    await userEvent.clear(input);
    await userEvent.type(input, '5000000{Enter}');
    expect(input).toHaveValue('5.000.000');
    await waitFor(() => expect(save).toHaveBeenCalledWith('ch2', 5_000_000));
  });

  it('says in words what each unit remitted to its parent and what the parent confirmed (none for the launching unit)', () => {
    renderTree();
    const line = (name: string) => node(name).querySelector(':scope > .progress-node-remitted')?.textContent ?? null;
    expect(line('Chi hội 1')).toMatch(/^Đã nộp lên cấp trên: 2\.000\.000\s₫ · Đã xác nhận: 1\.500\.000\s₫$/);
    expect(line('Chi hội 2')).toMatch(/Đã nộp lên cấp trên: 0\s₫ · Đã xác nhận: 0\s₫/);
    expect(line('Hội CCB phường Ngọc Thụy')).toBeNull();
  });

  it('offers no quota editing to a branch officer', () => {
    renderTree(new Set(['ch1']));
    expect(screen.queryByRole('button', { name: /Chỉ tiêu của/ })).not.toBeInTheDocument();
  });
});
