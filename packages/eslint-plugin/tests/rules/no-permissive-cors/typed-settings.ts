// A settings module as an agent writes it; the type-aware cases import it by a relative path.
export const CORS_ORIGIN = "*";
