// Calendar dates as "YYYY-MM-DD" strings, computed in UTC so that the
// browser's time zone never shifts a day.

export function parseDate(text) {
  const [year, month, day] = text.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function formatDate(date) {
  return date.toISOString().slice(0, 10);
}

export function addDays(text, days) {
  const date = parseDate(text);
  date.setUTCDate(date.getUTCDate() + days);
  return formatDate(date);
}

// The last day of the period of `by` that starts on `start`.
export function periodEnd(start, by) {
  const date = parseDate(start);
  switch (by) {
    case "day":
      return start;
    case "week":
      return addDays(start, 6);
    case "month":
      return formatDate(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
    case "year":
      return `${date.getUTCFullYear()}-12-31`;
    default:
      throw new Error(`unknown period ${by}`);
  }
}

// A date as precisely as the text gave it: "2019" (year), "2019-01" (month)
// or "2019-01-23" (day).
export function formatWithPrecision(date, precision) {
  if (precision === "year") return date.slice(0, 4);
  if (precision === "month") return date.slice(0, 7);
  return date;
}
