import type { CSSProperties } from 'react';

/**
 * Inline styles only: Gmail and Outlook drop <style> blocks and external CSS in many setups.
 * System fonts, no web fonts or images, so the mail renders the same with remote content blocked.
 */
const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const MONO = 'SFMono-Regular, Consolas, "Liberation Mono", Menlo, monospace';

export const SEVERITY_COLOR = { error: '#ae2e24', warning: '#a54800', info: '#44546f' } as const;

export const s = {
  body: { backgroundColor: '#f4f5f7', margin: 0, padding: '24px 0', fontFamily: FONT, color: '#172b4d' },
  container: {
    backgroundColor: '#ffffff',
    width: '100%',
    maxWidth: '600px',
    margin: '0 auto',
    border: '1px solid #dfe1e6',
    borderRadius: '6px',
  },
  header: { padding: '24px 32px 8px' },
  brand: {
    fontSize: '12px',
    letterSpacing: '0.08em',
    textTransform: 'uppercase',
    color: '#626f86',
    margin: 0,
  },
  h1: { fontSize: '22px', lineHeight: '28px', margin: '8px 0 4px', color: '#172b4d' },
  muted: { fontSize: '13px', lineHeight: '18px', color: '#626f86', margin: 0 },
  section: { padding: '8px 32px' },
  statCell: {
    width: '33%',
    padding: '12px 8px',
    textAlign: 'center',
    backgroundColor: '#f7f8f9',
    border: '1px solid #ffffff',
  },
  statNumber: { fontSize: '24px', lineHeight: '28px', fontWeight: 700, margin: 0, color: '#172b4d' },
  statLabel: { fontSize: '12px', lineHeight: '16px', color: '#626f86', margin: 0 },
  button: {
    backgroundColor: '#0c66e4',
    color: '#ffffff',
    fontSize: '14px',
    fontWeight: 600,
    textDecoration: 'none',
    padding: '10px 18px',
    borderRadius: '4px',
    display: 'inline-block',
  },
  h2: { fontSize: '16px', lineHeight: '22px', margin: '20px 0 8px', color: '#172b4d' },
  h3: {
    fontSize: '13px',
    lineHeight: '18px',
    margin: '12px 0 4px',
    color: '#44546f',
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
  pageHeading: { fontSize: '14px', lineHeight: '20px', fontWeight: 600, padding: '10px 0 2px' },
  item: { padding: '6px 0', borderBottom: '1px solid #f1f2f4', verticalAlign: 'top' },
  itemText: { fontSize: '14px', lineHeight: '20px', margin: 0 },
  itemDetail: { fontSize: '13px', lineHeight: '18px', color: '#44546f', margin: '2px 0 0' },
  code: {
    fontFamily: MONO,
    fontSize: '13px',
    backgroundColor: '#f1f2f4',
    padding: '1px 4px',
    borderRadius: '3px',
    wordBreak: 'break-all',
  },
  link: { color: '#0c66e4', textDecoration: 'underline' },
  badge: { fontSize: '11px', fontWeight: 700, textTransform: 'uppercase', letterSpacing: '0.04em' },
  th: {
    fontSize: '12px',
    color: '#626f86',
    textAlign: 'left',
    fontWeight: 600,
    padding: '4px 0',
    borderBottom: '1px solid #dfe1e6',
  },
  td: {
    fontSize: '14px',
    lineHeight: '20px',
    padding: '6px 0',
    borderBottom: '1px solid #f1f2f4',
    verticalAlign: 'top',
  },
  tdNum: {
    fontSize: '14px',
    lineHeight: '20px',
    padding: '6px 0',
    borderBottom: '1px solid #f1f2f4',
    textAlign: 'right',
    width: '64px',
  },
  hr: { borderColor: '#dfe1e6', margin: '16px 0' },
  footer: { padding: '8px 32px 24px' },
  footerText: { fontSize: '12px', lineHeight: '18px', color: '#626f86', margin: '4px 0' },
} satisfies Record<string, CSSProperties>;
