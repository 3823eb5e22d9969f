// The quick-start fixture's numbers, worked out by hand in fixtures/README.md (shared by the hand check of the
// fixture's own formulas and the test that lke's scorer reproduces them).
// fixtures/README.md, "Per area" and "Hasil inputs": code → [bobot, nilai to 4 decimals, exact nilai].
export const AREAS: Record<string, [number, string, number]> = {
  'A.I': [5, '2.8407', 2.8406666666667], // 0.66667 + 0.434 + 1.24 + 0.5
  'A.II': [5, '3.3375', 3.3375], // 1.875 + 1.4625
  'A.III': [6, '3.0100', 3.01], // 1 + 2.01
  'A.IV': [5, '2.7488', 2.74875], // 0.49875 + 1.165 + 1.085
  'A.V': [15, '8.9605', 8.9605],
  'A.VI': [6, '3.3773', 3.3773333333333],
  'A.VII': [12, '4.4380', 4.438],
  'A.VIII': [6, '3.3605', 3.3605],
  'B.I': [20, '12.5194', 12.5194], // 60.11/100×14 + 3.42/5×6
  'B.II': [10, '7.3375', 7.3375], // 3.05/4×7 + WDP 2/3×3
  'B.III': [10, '7.8000', 7.8], // 3.12/4×10
};
export const HASIL_ITEMS: Record<string, [number, string, number]> = {
  'B.I.1': [14, '8.4154', 8.4154],
  'B.I.2': [6, '4.1040', 4.104],
  'B.II.1': [7, '5.3375', 5.3375],
  'B.II.2': [3, '2.0000', 2],
  'B.III.1': [10, '7.8000', 7.8],
};
export const PROSES = 32.07325;
export const HASIL = 27.6569;
export const INDEX = 59.73015;

