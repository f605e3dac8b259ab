// Request headers arrive as a Fetch `Headers` (route handlers, the proxy) or as Node's plain object
// (the socket.io handshake, next-auth's authorize); both are read the same way.

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** The header's (first) value, or undefined. */
export function header(headers: HeaderSource, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}
