/**
 * Who is acting: the one place review routes learn the user's name. Today the request names it (`by` in the body or
 * query, as merge decisions take it); an authenticated session can replace this function without touching the routes.
 */
import type { FastifyRequest } from 'fastify';

/** The acting user's name, or undefined when the request names none. */
export function actingUser(req: FastifyRequest): string | undefined {
  const from = (x: unknown): string | undefined => {
    const by = x && typeof x === 'object' ? (x as { by?: unknown }).by : undefined;
    return typeof by === 'string' && by.trim() ? by.trim().slice(0, 100) : undefined;
  };
  return from(req.body) ?? from(req.query);
}
