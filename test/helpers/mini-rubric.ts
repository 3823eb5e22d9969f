// A small rubric covering every scale type, for tests of the core that should not depend on the built-ins.
import { parseRubricText } from '../../src/rubric/load.js';

export const MINI_YAML = `id: mini
title: Mini rubric
regulation: test
kind: rb
defaults: {bukti: true}
scales:
  ya-tidak: {type: choice, label: Ya/Tidak, labels: [Y/T], options: [{code: Ya, score: 1}, {code: Tidak, score: 0}]}
  abc: {type: choice, label: A/B/C, options: [{code: A, score: 1}, {code: B, score: 0.5}, {code: C, score: 0}]}
  abcd: {type: choice, label: A/B/C/D, options: [{code: A, score: 1}, {code: B, score: 0.67}, {code: C, score: 0.33}, {code: D, score: 0}]}
  abcde: {type: choice, label: A/B/C/D/E, options: [{code: A, score: 1}, {code: B, score: 0.75}, {code: C, score: 0.5}, {code: D, score: 0.25}, {code: E, score: 0}]}
  percent: {type: percent, label: '%'}
  survey: {type: number, label: 0-4, range: [0, 4]}
  opini:
    type: choice
    label: Opini
    max: 3
    options:
      - {code: WTP, score: 3, aliases: [Wajar Tanpa Pengecualian]}
      - {code: WDP, score: 2, aliases: [Wajar Dengan Pengecualian]}
      - {code: TW, score: 1, aliases: [Tidak Wajar]}
predikat:
  bands:
    - {code: AA, above: 90}
    - {code: A, above: 80}
    - {code: BB, above: 70}
    - {code: B, above: 60}
    - {code: CC, above: 50}
    - {code: C, above: 30}
    - {code: D}
tree:
  - code: A
    level: component
    name: Pengungkit
    bobot: 60
    children:
      - code: A.I
        level: area
        name: Area satu
        bobot: 40
        children:
          - code: A.I.1
            level: indicator
            name: Indikator satu
            bobot: 30
            questions:
              - {code: A.I.1.a, text: Pertanyaan ya tidak, scale: ya-tidak}
              - {code: A.I.1.b, text: Pertanyaan tiga pilihan, scale: abc, optionTexts: {A: Jika semua sudah, B: Jika sebagian, C: Jika belum}}
              - {code: A.I.1.c, text: Pertanyaan empat pilihan, scale: abcd, rules: [{zeroWhen: {question: A.I.1.a, answers: [Tidak]}}]}
          - code: A.I.2
            level: indicator
            name: Indikator dua
            bobot: 10
            questions:
              - {code: A.I.2.a, text: Pertanyaan lima pilihan, scale: abcde}
              - {code: A.I.2.b, text: Pertanyaan lanjutan, scale: ya-tidak, rules: [{multiplyBy: A.I.2.a}]}
      - code: A.II
        level: area
        name: Area dua
        bobot: 20
        children:
          - code: A.II.1
            level: indicator
            name: Rasio
            bobot: 20
            questions:
              - code: A.II.1.a
                text: Persentase yang selesai
                scale: percent
                inputs:
                  - {key: a, code: A.II.1.a(a), text: Jumlah seluruhnya, check: b + c}
                  - {key: b, code: A.II.1.a(b), text: Jumlah bagian satu}
                  - {key: c, code: A.II.1.a(c), text: Jumlah bagian dua}
                  - {key: d, code: A.II.1.a(d), text: Jumlah selesai}
                formula: d / a
                clamp: [null, 1]
              - {code: A.II.1.b, text: Persentase diketik, scale: percent}
  - code: B
    level: component
    name: Hasil
    bobot: 40
    children:
      - code: B.I
        level: indicator
        name: Survei
        bobot: 30
        questions: [{code: B.I, text: Survei, scale: survey, bukti: false}]
      - code: B.II
        level: indicator
        name: Opini
        bobot: 10
        questions: [{code: B.II, text: Opini, scale: opini, bukti: false}]
`;

export const mini = () => parseRubricText(MINI_YAML, 'mini.yaml');
