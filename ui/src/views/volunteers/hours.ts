// Hours as offices write them: «5,5» with a decimal comma.
export function hoursText(minutes: number): string {
  return (minutes / 60).toLocaleString("ru-RU", { maximumFractionDigits: 1 });
}
