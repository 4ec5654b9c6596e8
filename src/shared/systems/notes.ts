/**
 * An indicator's notes mix two audiences: what a clerk needs ("原文为“力争”目标", "需专班确认适用年份")
 * and how the row was transcribed from the plan ("第466、468行", "ytd 取 false", "抓取后本行单元格左移一格").
 * The second kind is kept for whoever checks the transcription, folded away from the clerk.
 */
const TRANSCRIPTION = [
  /第\s*[\d、，,\s]+\s*行/, // line numbers in the seed text
  /[a-zA-Z]{3,}/, // field names (ytd, kind, direction, cumulative…) and file names
  /抓取|种子|网页|左移|已连接|已去除|断成|折为|合并为|按表记录|未重复列出|发布精度|记为|单元格/,
];

/** Abbreviations a clerk reads in plain text; they do not make a note technical. */
const EVERYDAY = /GDP|PM2\.5|R&D|CPI|PPI|AAA|ESG|5G|IPv6|AI/g;

export function isTranscriptionNote(note: string): boolean {
  const text = note.replace(EVERYDAY, '');
  return TRANSCRIPTION.some((re) => re.test(text));
}

export function splitIndicatorNotes(notes: readonly string[]): { forClerks: string[]; transcription: string[] } {
  const forClerks: string[] = [];
  const transcription: string[] = [];
  for (const n of notes) (isTranscriptionNote(n) ? transcription : forClerks).push(n);
  return { forClerks, transcription };
}
