import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../i18n';
import { DueTag } from './CaseBits';

// Far enough ahead that the calendar-day count does not depend on the day the test runs.
const FUTURE = '2099-02-17T16:59:59.999Z';

describe('DueTag', () => {
  it('counts working days when the API gives them: "Còn N ngày làm việc"', () => {
    render(<DueTag dueAt={FUTURE} overdue={false} workingDaysLeft={3} />);
    expect(screen.getByText('Còn 3 ngày làm việc')).toBeInTheDocument();
  });

  it('says the due day and "Quá hạn" for a deadline in working days', () => {
    const { unmount } = render(<DueTag dueAt={FUTURE} overdue={false} workingDaysLeft={0} />);
    expect(screen.getByText('Hạn hôm nay')).toBeInTheDocument();
    unmount();
    render(<DueTag dueAt="2027-02-17T16:59:59.999Z" overdue workingDaysLeft={-1} />);
    expect(screen.getByText('Quá hạn')).toBeInTheDocument();
  });

  it('keeps calendar days without it', () => {
    render(<DueTag dueAt="2020-01-01T16:59:59.999Z" overdue />);
    expect(screen.getByText(/^Quá hạn \d+ ngày$/)).toBeInTheDocument();
  });
});
