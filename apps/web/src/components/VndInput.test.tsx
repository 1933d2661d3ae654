import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import '../i18n';
import { VndInput } from './VndInput';

function Harness() {
  const [value, setValue] = useState<number | undefined>();
  return (
    <>
      <label htmlFor="amount">Số tiền</label>
      <VndInput id="amount" value={value} onChange={setValue} />
      <output data-testid="value">{value === undefined ? 'none' : String(value)}</output>
    </>
  );
}

describe('VndInput', () => {
  it('groups thousands with dots as the user types, and gives the form a whole number', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('Số tiền');
    await userEvent.type(input, '60000000');
    expect(input).toHaveValue('60.000.000');
    expect(screen.getByTestId('value')).toHaveTextContent('60000000');
    expect(input).toHaveAttribute('inputmode', 'numeric');
  });

  it('ignores letters and decimal marks, and is empty again when cleared', async () => {
    render(<Harness />);
    const input = screen.getByLabelText('Số tiền');
    await userEvent.type(input, '1a2,5');
    expect(input).toHaveValue('125');
    await userEvent.clear(input);
    expect(screen.getByTestId('value')).toHaveTextContent('none');
  });
});
