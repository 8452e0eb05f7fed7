/** `1 line`, `2 lines`: outcome details are read by people in spec reports. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
