import { isDocumentationAddress } from '../placeholders';
import { candidate, type ExtractionRule } from './rule';

const IPV4 = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w]|\.\d|\/\d)/g;

function isHostAddress(octets: number[]): boolean {
  const [a = 0, b = 0] = octets;
  if (octets.some((o) => o > 255)) return false;
  if (a === 0 || a === 127 || a >= 224) return false; // any, loopback, multicast/reserved, masks
  if (a === 169 && b === 254) return false; // link-local and the instance metadata endpoint
  return true;
}

/** IPv4 host addresses: not CIDR blocks, versions, masks, loopback or the metadata endpoint. */
export const ipAddressRule: ExtractionRule = {
  id: 'ip-address',
  types: ['ip-address'],
  description: 'dotted-quad IPv4 host addresses',
  gate: /\d\.\d/,
  find(text, out) {
    IPV4.lastIndex = 0;
    for (let m = IPV4.exec(text); m; m = IPV4.exec(text)) {
      const octets = [m[1], m[2], m[3], m[4]].map(Number);
      if (!isHostAddress(octets)) continue;
      if (/version\s*$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
      const value = octets.join('.');
      out.candidates.push(
        candidate({
          type: 'ip-address',
          value,
          start: m.index,
          end: m.index + m[0].length,
          // 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24 are reserved for documentation.
          placeholder: isDocumentationAddress(value),
        }),
      );
    }
  },
  examples: {
    positive: [
      { text: 'ssh ec2-user@10.20.3.14', expect: [{ type: 'ip-address', value: '10.20.3.14' }] },
      { text: 'psql -h 172.31.5.9 -p 5432', expect: [{ type: 'ip-address', value: '172.31.5.9' }] },
      { text: 'EIP 52.18.201.7.', expect: [{ type: 'ip-address', value: '52.18.201.7' }] },
      {
        text: 'allow 203.0.113.25 (documentation range)',
        expect: [{ type: 'ip-address', value: '203.0.113.25', placeholder: true }],
      },
    ],
    negative: [
      'CIDR 10.0.0.0/16',
      'bind 0.0.0.0:8080 and 127.0.0.1',
      'curl http://169.254.169.254/latest/meta-data/',
      'version 1.2.3.4',
      'v10.20.3.14',
      'netmask 255.255.255.0',
      '1.2.3.4.5',
    ],
  },
};
