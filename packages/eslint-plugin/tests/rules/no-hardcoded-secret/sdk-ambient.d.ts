// Stand-ins for SDK typings, so type-aware tests see parameters declared in another module.
declare module "payments-sdk" {
  export class PaymentsClient {
    constructor(apiKey: string, options?: { region?: string });
    charge(amountCents: number, currency: string): Promise<void>;
  }
  export function createWebhookVerifier(signingSecret: string): (body: string) => boolean;
}

declare module "warehouse-db" {
  export interface Connection {
    query(sql: string): Promise<unknown[]>;
  }
  export function connect(host: string, password: string): Promise<Connection>;
  export function connect(options: { host: string; password: string }): Promise<Connection>;
  export class Session {
    // Two overloads whose second parameter means different things.
    login(username: string, password: string): Promise<void>;
    login(apiToken: string): Promise<void>;
  }
  export function encode(value: string, label: string): string;
  export function encode(value: object, secret: string): string;
}

declare module "text-tools" {
  export class Lexer {
    push(token: string): void;
  }
  export function tokenize(token: string): string[];
  export class LruCache<V> {
    get(key: string): V | undefined;
    set(key: string, value: V): void;
  }
  export function withLabel(label: string): void;
  export function redactAll(...secrets: string[]): void;
}
