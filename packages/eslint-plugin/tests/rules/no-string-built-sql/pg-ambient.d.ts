// A stand-in for @types/pg, so type-aware tests can see a receiver typed by the "pg" module.
declare module "pg" {
  export class Pool {
    query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  }
}
