import { extractPage } from './extract-page';

// The Cloud editor's storage for a note panel: the ADF node with its content, then a fallback copy.
const panel = (body: string) =>
  '<ac:adf-extension><ac:adf-node type="panel"><ac:adf-attribute key="panel-type">note</ac:adf-attribute>' +
  `<ac:adf-content>${body}</ac:adf-content></ac:adf-node>` +
  `<ac:adf-fallback><div class="panel conf-macro output-block"><div class="panelContent">${body}</div></div></ac:adf-fallback></ac:adf-extension>`;

describe('Cloud editor storage', () => {
  test("a panel's body and its ADF fallback copy are one occurrence", () => {
    const { entities } = extractPage({
      id: '1',
      title: 't',
      version: 1,
      storage: panel('<p>Bastion: i-04b3cea91ee9ade35</p>'),
    });
    expect(entities.map((e) => [e.value, e.occurrences])).toEqual([['i-04b3cea91ee9ade35', 1]]);
  });

  test('a fallback without ADF content is still read', () => {
    const storage =
      '<ac:adf-extension><ac:adf-node type="unknown-node"></ac:adf-node><ac:adf-fallback><p>i-04b3cea91ee9ade35</p></ac:adf-fallback></ac:adf-extension>';
    const { entities } = extractPage({ id: '1', title: 't', version: 1, storage });
    expect(entities.map((e) => e.value)).toEqual(['i-04b3cea91ee9ade35']);
  });

  test("an extension's code parameter is a code block, its settings are not text, and its fallback copy is not read again", () => {
    const node =
      '<ac:adf-node type="extension"><ac:adf-attribute key="extension-key">a1/b2/static/codeblockmacro</ac:adf-attribute>' +
      '<ac:adf-attribute key="parameters"><ac:adf-parameter key="local-id">7d2f9b4e</ac:adf-parameter>' +
      '<ac:adf-parameter key="guest-params"><ac:adf-parameter key="title">Drain the queue</ac:adf-parameter>' +
      '<ac:adf-parameter key="code"><![CDATA[queue-admin\nredis-cli -h cache.internal -a \'Zp4x-Qe8m\' --scan]]></ac:adf-parameter>' +
      '</ac:adf-parameter></ac:adf-attribute></ac:adf-node>';
    const storage = `<ac:adf-extension>${node}<ac:adf-fallback>${node}</ac:adf-fallback></ac:adf-extension>`;
    const page = extractPage({ id: '1', title: 't', version: 1, storage });
    expect(page.entities.map((e) => [e.value, e.occurrences, e.location.kind])).toEqual([
      ['cache.internal', 1, 'code-block'],
    ]);
    expect(JSON.stringify(page)).not.toContain('Zp4x-Qe8m');
  });
});
