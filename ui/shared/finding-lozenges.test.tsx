/** @jest-environment jsdom */
import '../test-support/fake-bridge';
import { render, screen } from '@testing-library/react';
import { SeverityLozenge, StatusLozenge } from './finding-lozenges';

describe('finding lozenges', () => {
  it('say the state in words', () => {
    render(
      <>
        <SeverityLozenge severity="warning" />
        <StatusLozenge status="acknowledged" />
      </>,
    );
    expect(screen.getByText('Warning')).toBeTruthy();
    expect(screen.getByText('Acknowledged')).toBeTruthy();
  });

  it('a finding resolved because its page left the scan scope says so', () => {
    render(
      <>
        <StatusLozenge status="resolved" reason="out-of-scope" />
        <StatusLozenge status="resolved" reason={null} />
      </>,
    );
    expect(screen.getByText('Out of scope')).toBeTruthy();
    expect(screen.getByText('Resolved')).toBeTruthy();
  });
});
