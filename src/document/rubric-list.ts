// `lke rubrics`: the built-in rubrics and what they cover.
export interface RubricList {
  rubrics: { id: string; title: string; regulation: string; years: [number, number] | null; questions: number; form: 'questionnaire' | 'lines' }[];
}
