const WORDS: Record<string, string> = {
  sms: 'SMS',
  nps: 'NPS',
  url: 'URL',
  id: 'ID',
  html: 'HTML',
  api: 'API',
  http: 'HTTP',
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
};

/** Turns a key or enum value into words: `windowDays` → "Window days", `in_app` → "In app". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => WORDS[w] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Variants" → "Variant", "Branches" → "Branch", "Categories" → "Category". */
export function singular(label: string): string {
  if (/(ch|sh|x|ss)es$/i.test(label)) return label.slice(0, -2);
  if (/ies$/i.test(label)) return `${label.slice(0, -3)}y`;
  if (/[^s]s$/i.test(label)) return label.slice(0, -1);
  return label;
}
