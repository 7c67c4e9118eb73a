/**
 * A copy of `text` that does not keep the string it was cut from alive: V8 keeps substrings of 13+ characters
 * as views into their parent, so one stored cell would pin a whole megabyte chunk of a streamed file.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}
