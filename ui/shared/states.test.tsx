/** @jest-environment jsdom */
import '../test-support/fake-bridge';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from './api';
import { ErrorState, Loading } from './states';

describe('shared states', () => {
  it('loading announces itself to assistive technology', () => {
    render(<Loading label="Loading findings" />);
    expect(screen.getByRole('status').textContent).toContain('Loading findings');
  });

  it('an upstream failure offers a retry that calls back', async () => {
    const retry = jest.fn();
    render(<ErrorState error={new ApiError('UPSTREAM_FAILED', 'AWS did not answer.')} onRetry={retry} />);
    expect(screen.getByText('AWS did not answer.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('a refusal is not offered a retry', () => {
    render(<ErrorState error={new ApiError('FORBIDDEN', 'Only site admins.')} onRetry={() => undefined} />);
    expect(screen.getByText('You do not have access to this')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
