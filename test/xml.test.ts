import { describe, expect, it } from 'vitest';
import { decodeEntities, tokenizeXml, XmlError } from '../src/workbook/xml.js';

function events(xml: string): string[] {
  const out: string[] = [];
  tokenizeXml(
    xml,
    (t) => out.push(`<${t.name}${Object.entries(t.attributes).map(([k, v]) => ` ${k}=${v}`).join('')}>`),
    (text, from, to) => {
      const t = text.slice(from, to);
      if (t.trim()) out.push(`"${decodeEntities(t)}"`);
    },
    (n) => out.push(`</${n}>`),
  );
  return out;
}

describe('XML tokenizer', () => {
  it('reads elements, attributes (either quote, > inside), text, empty elements', () => {
    expect(events(`<?xml version="1.0"?><a x="1" y='a>b'><b/>t&amp;x<c r="A1">v</c></a>`)).toEqual([
      '<a x=1 y=a>b>', '<b>', '</b>', '"t&x"', '<c r=A1>', '"v"', '</c>', '</a>',
    ]);
  });
  it('decodes the predefined entities and character references, keeps CDATA, skips comments', () => {
    expect(events('<a>&lt;&gt;&quot;&apos;&#65;&#x42;<!-- no --><![CDATA[<raw>&amp;]]></a>')).toEqual(['<a>', '"<>"\'AB"', '"<raw>&amp;"', '</a>']);
  });
  it('normalises line ends to \\n', () => {
    expect(events('<a>one\r\ntwo\rthree</a>')).toEqual(['<a>', '"one\ntwo\nthree"', '</a>']);
  });
  it('refuses a DOCTYPE, unknown entities, mismatched and unclosed tags', () => {
    for (const bad of [
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      '<a>&lol;</a>',
      '<a><b></a></b>',
      '<a><b>',
      '<a x="1',
      '<a><!-- open',
      '<a>&#xFFFFFFF;</a>',
    ]) {
      expect(() => events(bad), bad).toThrow(XmlError);
    }
  });
  it('lets the caller stop a long parse', () => {
    const big = `<a>${'<c/>'.repeat(100000)}</a>`;
    let calls = 0;
    expect(() =>
      tokenizeXml(big, () => {}, () => {}, () => {}, () => {
        if (++calls > 2) throw new Error('stop');
      }),
    ).toThrow('stop');
  });
  it('finds one attribute without parsing all: by name, else by local name, the exact name first', () => {
    const seen: Record<string, (string | undefined)[]> = {};
    tokenizeXml(
      `<r><a r:id="x" id="y" t='s&amp;t' v = "1>2"/><b r:id="only"/><c junk "q" t="ok"/><d/></r>`,
      (t) => {
        seen[t.name] = [t.attr('id'), t.attr('t'), t.attr('v'), t.attr('missing'), String(t.selfClosing)];
        // the one-scan form reads the same
        const many: (string | undefined)[] = [];
        t.attrs(['id', 't', 'v', 'missing'], many);
        expect(many).toEqual(seen[t.name]!.slice(0, 4));
      },
      () => {},
      () => {},
    );
    expect(seen['a']).toEqual(['y', 's&t', '1>2', undefined, 'true']);
    expect(seen['b']).toEqual(['only', undefined, undefined, undefined, 'true']);
    // junk between attributes: the lenient reading of `attributes` decides
    expect(seen['c']).toEqual([undefined, 'ok', undefined, undefined, 'true']);
    expect(seen['d']).toEqual([undefined, undefined, undefined, undefined, 'true']);
    expect(seen['r']).toEqual([undefined, undefined, undefined, undefined, 'false']);
  });
});
