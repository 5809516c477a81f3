/**
 * A compiled filter: substring (case-insensitive), `/regex/`, a leading `!` inverts. It matches
 * the topic or the partition's name (`topic-partition`, as --check and the detail view print it).
 */
export interface TopicFilter {
  text: string;
  matches(text: string): boolean;
  /** Passes when any of `values` matches (`!` still inverts: none may match). */
  matchesAny(...values: string[]): boolean;
  /** A partition passes on its topic or its name. */
  matchesPartition(partition: {topic: string; name: string}): boolean;
  /** Why the filter is invalid (a bad regex); it then matches nothing. */
  error: string | null;
}

export function compileFilter(text: string): TopicFilter {
  const inverted = text.startsWith('!');
  const body = inverted ? text.slice(1) : text;
  let test: (topic: string) => boolean;
  let error: string | null = null;
  const regex = /^\/(.+)\/$/s.exec(body);
  if (regex) {
    try {
      const pattern = new RegExp(regex[1], 'i');
      test = (topic) => pattern.test(topic);
    } catch (e) {
      error = `bad regex: ${(e as Error).message}`;
      test = () => false;
    }
  } else {
    const needle = body.toLowerCase();
    test = (topic) => topic.toLowerCase().includes(needle);
  }
  const invert = inverted && !error;
  const matchesAny = (...values: string[]) => values.some(test) !== invert;
  return {
    text,
    error,
    matches: invert ? (value) => !test(value) : test,
    matchesAny,
    matchesPartition: (partition) => matchesAny(partition.topic, partition.name),
  };
}
