/** A clicked number: its ref (figure or calculation), the text shown and what it is ("吴兴 · 规上工业增加值增长 · 增速（%）"). */
export interface ProvenanceRequest {
  ref: string;
  text: string;
  label: string;
}
