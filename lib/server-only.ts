// Stand-in for the "server-only" package in processes that run outside Next's bundler (see
// tsconfig.server.json). Inside Next, the real package keeps server modules out of client bundles.
export {};
